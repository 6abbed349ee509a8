// The growth-mat reading a KPM or kader records for a child 0–23 months (PALI 64/2021 Pasal 30 huruf a): three
// big colour choices, the date and who measured. Written through the offline outbox (saved on the phone
// first, sent when there is signal), and the child's readings listed from the phone's store, so the posyandu
// day works without a network. Each fill carries its own UUIDv7, so a double tap stores one reading.
import { TIKA_BAND_CODES } from "@tumbuh/core";
import { type FormEvent, useId, useState } from "react";
import { useI18n } from "../../i18n/I18nProvider";
import { formatDate, todayIso } from "../../kit/format";
import { useLive, useSyncEngine } from "../../kit/sync/useSync";
import { Notice } from "../../kit/ui";
import { useMe } from "../../session/SessionProvider";
import { recordTikaOffline } from "../../sync/appends";
import { view } from "../../sync/store";
import { uuidv7 } from "../../sync/uuidv7";
import "./tika.css";

type Band = (typeof TIKA_BAND_CODES)[number];

export interface TikaChild {
  id: string;
  regionCode: string;
  birthDate: string;
}

interface LocalReading {
  id: string;
  measuredOn: string;
  band: Band;
  measuredBy?: string | null;
  unsent: boolean;
}

/** 0–23 completed months on `day` (the server checks the same: 730 days at most). */
export function tikaAgeOk(birthDate: string, day: string): boolean {
  const days = (Date.parse(day) - Date.parse(birthDate)) / 86_400_000;
  return days >= 0 && days <= 730;
}

export function TikaReadingForm({ child, onSaved }: { child: TikaChild; onSaved?: () => void }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const engine = useSyncEngine();
  const headingId = useId();
  const [band, setBand] = useState<Band | null>(null);
  const [measuredOn, setMeasuredOn] = useState(todayIso());
  const [measuredBy, setMeasuredBy] = useState(me.displayName);
  const [clientId, setClientId] = useState(uuidv7);
  const [status, setStatus] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const readings = useLive(async (): Promise<LocalReading[]> => {
    const rows = await engine.db.records.where("personId").equals(child.id).toArray();
    const pending = new Set(
      (await engine.db.outbox.filter((o) => o.entity === "tika_reading").toArray()).map((o) => o.entityId),
    );
    return rows
      .filter((r) => r.entity === "tika_reading")
      .map((r) => ({ ...view<Omit<LocalReading, "id" | "unsent">>(r), id: r.id, unsent: pending.has(r.id) }))
      .sort((a, b) => (a.measuredOn < b.measuredOn ? 1 : a.measuredOn > b.measuredOn ? -1 : 0));
  }, `${engine.userId}|${child.id}`);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setStatus(null);
    if (!band) return setStatus({ tone: "error", text: t("tika.chooseBand") });
    if (measuredOn > todayIso()) return setStatus({ tone: "error", text: t("tika.futureDate") });
    if (!tikaAgeOk(child.birthDate, measuredOn)) return setStatus({ tone: "error", text: t("tika.tooOld") });
    setSaving(true);
    try {
      await recordTikaOffline(
        engine,
        child.regionCode,
        { personId: child.id, measuredOn, band, measuredBy: measuredBy.trim() || null },
        clientId,
      );
      setStatus({ tone: "ok", text: t("tika.savedOffline") });
      setClientId(uuidv7());
      setBand(null);
      onSaved?.();
    } catch (err) {
      setStatus({ tone: "error", text: err instanceof Error ? err.message : String(err) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="card stack" aria-labelledby={headingId} data-testid="tika-form">
      <h2 id={headingId}>{t("tika.record")}</h2>
      <form className="stack" onSubmit={submit} noValidate>
        <fieldset className="field">
          <legend>{t("tika.bandQuestion")}</legend>
          <div className="tika-bands">
            {TIKA_BAND_CODES.map((b) => (
              <label key={b} className={`tika-band tika-band--${b}`}>
                <input
                  type="radio"
                  name="tika-band"
                  value={b}
                  checked={band === b}
                  onChange={() => setBand(b)}
                />
                <span>{t(`tika.band.${b}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={`${headingId}-date`}>{t("tika.measuredOn")}</label>
          <input
            id={`${headingId}-date`}
            type="date"
            value={measuredOn}
            max={todayIso()}
            onChange={(e) => setMeasuredOn(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${headingId}-by`}>{t("tika.measuredBy")}</label>
          <input
            id={`${headingId}-by`}
            type="text"
            maxLength={120}
            value={measuredBy}
            onChange={(e) => setMeasuredBy(e.target.value)}
          />
        </div>
        {status && <Notice tone={status.tone}>{status.text}</Notice>}
        <button type="submit" className="button button--primary button--big button--block" disabled={saving}>
          {saving ? t("tika.saving") : t("tika.save")}
        </button>
      </form>
      <h3>{t("tika.history")}</h3>
      {readings && readings.length > 0 ? (
        <ul className="tika-history" data-testid="tika-history">
          {readings.map((r) => (
            <li key={r.id}>
              <span className={`tika-dot tika-dot--${r.band}`} aria-hidden="true" />
              <span>{formatDate(r.measuredOn, locale)}</span> <strong>{t(`tika.band.${r.band}`)}</strong>
              {r.measuredBy ? ` · ${t("tika.by", { name: r.measuredBy })}` : ""}
              {r.unsent && (
                <>
                  {" · "}
                  <span className="badge badge--warn">{t("tika.unsent")}</span>
                </>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("tika.historyEmpty")}</p>
      )}
    </section>
  );
}
