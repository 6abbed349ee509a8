// /catin/:id — one bride/groom-to-be: planned marriage date and the last day a screening counts
// (marriage date − 3 calendar months), the screening form (weight, height → BMI, MUAC, Hb), results with
// advice in plain words, and the screening certificate (PDF) for the marriage services.
import {
  CATIN_EXTRA_ITEMS,
  CATIN_FINDINGS,
  type CatinView,
  catinApi,
  catinExtraLabel,
  parseDecimal,
} from "@tumbuh/core";
import { useState } from "react";
import { api, hrefFor } from "../../api";
import { useI18n } from "../../i18n/I18nProvider";
import { formatDate, formatNumber, todayIso } from "../../kit/format";
import { SyncStatusBar } from "../../kit/sync/SyncStatusBar";
import { useReloadWhenSent } from "../../kit/sync/useReloadWhenSent";
import { useLive, useSyncEngine } from "../../kit/sync/useSync";
import { BackLink, LoadGate, useDocumentTitle } from "../../kit/ui";
import { useAction } from "../../kit/useAction";
import { useLoad } from "../../kit/useLoad";
import { pathFor } from "../../router/routes";
import { useMe } from "../../session/SessionProvider";
import { screenCatinOffline, unconfirmed } from "../../sync/appends";
import { canWrite, canWriteIn } from "../regionLinks";
import { ActionError, newId } from "./shared";
import { usePendingVoids, VoidControl, VoidedMark } from "./Voids";
import "../../kit/kit.css";
import "./families.css";

export default function CatinPage({ id }: { id: string }) {
  const catin = useLoad<CatinView>(
    `catin:${id}`,
    (s) => api.call(catinApi.view, { params: { id } }, { signal: s }),
    { cacheKey: `catin:${id}` },
  );
  return <LoadGate loaded={catin}>{(view) => <Catin view={view} reload={catin.reload} />}</LoadGate>;
}

function Catin({ view, reload }: { view: CatinView; reload: () => void }) {
  const { t, locale } = useI18n();
  const me = useMe();
  useDocumentTitle(view.person.name);
  const desa = view.regionCode.split(".").slice(0, 4).join(".");
  const writer = me.assignments.some((a) => canWrite(a.role));
  // Screenings recorded on this phone (the offline sync's outbox) and not accepted by the server yet; the
  // findings and the certificate come from the server once they are.
  const engine = useSyncEngine();
  const unsent = useLive(
    () =>
      unconfirmed<{ catinId: string; screenedOn: string }>(
        engine,
        "catin_screening",
        (v) => v.catinId === view.id,
      ),
    `${engine.userId}|${view.id}`,
  );
  // Voiding needs the write power where the catin lives (a viewer never sees the button).
  const voider = canWriteIn(me.assignments, view.regionCode);
  const pendingVoids = usePendingVoids("catin_screening_void", view.id);
  useReloadWhenSent((unsent?.length ?? 0) + pendingVoids.size, reload);
  return (
    <div className="stack-lg">
      {writer && <SyncStatusBar engine={engine} />}
      <div className="stack-sm">
        <BackLink to={pathFor("catinList", { code: desa })}>{t("fam.catin.title")}</BackLink>
        <h1>{view.person.name}</h1>
        <p className="muted">
          {t(`sex.${view.person.sex}`)} · {formatDate(view.person.birthDate, locale)}
          {view.partnerName ? ` · ${t("fam.catin.partner")}: ${view.partnerName}` : ""}
        </p>
        <p>
          {t("fam.catin.marriage", { date: formatDate(view.marriageDate, locale) })}
          <br />
          <strong>{t("fam.catin.deadline", { date: formatDate(view.deadline, locale) })}</strong>
        </p>
      </div>
      {view.screenings
        .slice()
        .reverse()
        .map((s) => (
          <article
            key={s.id}
            className={`card stack-sm${s.voidReason != null ? " fam-voided" : ""}`}
            data-testid="catin-result"
          >
            <h2>{t("fam.catin.resultOf", { date: formatDate(s.screenedOn, locale) })}</h2>
            {s.voidReason != null && <VoidedMark reason={s.voidReason} />}
            <p>
              {t("fam.catin.measures", {
                age: s.ageYears,
                bmi: formatNumber(s.bmi, locale),
                muac: formatNumber(s.muacCm, locale),
                hb: formatNumber(s.hbGdl, locale),
              })}
            </p>
            {Object.keys(s.extra).length > 0 && (
              <p className="muted">
                {Object.entries(s.extra)
                  .map(([k, v]) => `${catinExtraLabel(k, locale)}: ${v}`)
                  .join(" · ")}
              </p>
            )}
            {s.ready ? (
              <p className="badge badge--ok">{t("fam.catin.ready")}</p>
            ) : (
              <ul className="fam-reasons">
                {s.findings.map((f, i) => (
                  <li key={f}>
                    <span className="badge badge--danger">
                      {CATIN_FINDINGS[f][locale === "id" ? "id" : "en"]}
                    </span>
                    <p>{s.advice[i]?.[locale]}</p>
                  </li>
                ))}
              </ul>
            )}
            {s.voidReason == null && (
              <>
                <p className={`badge ${s.inTime ? "badge--ok" : "badge--warn"}`}>
                  {s.inTime ? t("fam.catin.inTime") : t("fam.catin.late")}
                </p>
                <a
                  className="button button--secondary"
                  href={hrefFor(catinApi.certificate, { params: { id: s.id } })}
                  download
                  data-testid="certificate-link"
                >
                  {t("fam.catin.certificate")}
                </a>
                {voider && (
                  <VoidControl
                    entity="catin_screening_void"
                    id={s.id}
                    regionCode={view.regionCode}
                    label={formatDate(s.screenedOn, locale)}
                    text={(reason) =>
                      t("fam.voidCatinText", { what: formatDate(s.screenedOn, locale), reason })
                    }
                    pending={pendingVoids.has(s.id)}
                  />
                )}
              </>
            )}
          </article>
        ))}
      {unsent?.map((u) => (
        <p key={u.id} className="card" data-testid="catin-screening-unsent">
          {t("fam.unsentScreening", { date: formatDate(u.screenedOn, locale) })}{" "}
          <span className="badge badge--warn">{t("fam.unsent")}</span>
        </p>
      ))}
      {writer && <CatinScreeningForm view={view} />}
    </div>
  );
}

/** The schema's ranges (core CatinScreeningInput), checked here so a typo shows now, not after sync. */
const RANGES = { weight: [25, 250], height: [120, 220], muac: [10, 60], hb: [3, 25] } as const;

function CatinScreeningForm({ view }: { view: CatinView }) {
  const { t, locale } = useI18n();
  const engine = useSyncEngine();
  const [saved, setSaved] = useState(false);
  const [f, setF] = useState({ screenedOn: todayIso(), weight: "", height: "", muac: "", hb: "" });
  const [id, setId] = useState(newId);
  const { busy, error, run } = useAction();
  const [local, setLocal] = useState<string | null>(null);
  const [extra, setExtra] = useState<Record<string, string>>({});
  const set = (k: keyof typeof f) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setF((x) => ({ ...x, [k]: e.target.value }));
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const n = {
      weight: parseDecimal(f.weight),
      height: parseDecimal(f.height),
      muac: parseDecimal(f.muac),
      hb: parseDecimal(f.hb),
    };
    const bad = Object.entries(n).find(
      ([k, v]) =>
        Number.isNaN(v) ||
        ((k === "weight" || k === "height") && v === null) ||
        (v !== null && (v < RANGES[k as "weight"][0] || v > RANGES[k as "weight"][1])),
    );
    if (bad) {
      setLocal(t("fam.catin.badNumber", { field: t(`fam.catin.f.${bad[0] as "weight"}`) }));
      return;
    }
    if (f.screenedOn > todayIso()) {
      setLocal(t("fam.futureDate"));
      return;
    }
    setLocal(null);
    setSaved(false);
    const done = await run(() =>
      screenCatinOffline(
        engine,
        view.regionCode,
        view.id,
        {
          screenedOn: f.screenedOn,
          weightKg: n.weight as number,
          heightCm: n.height as number,
          muacCm: n.muac,
          hbGdl: n.hb,
          extra: Object.fromEntries(Object.entries(extra).filter(([, v]) => v.trim() !== "")),
        },
        id,
      ),
    );
    if (done) {
      setId(newId());
      setF((x) => ({ ...x, weight: "", height: "", muac: "", hb: "" }));
      setExtra({});
      setSaved(true);
    }
  }
  return (
    <form className="card stack" onSubmit={submit} data-testid="catin-screening-form">
      <h2>{t("fam.catin.screen")}</h2>
      <label className="field">
        {t("fam.screenedOn")}
        <input type="date" value={f.screenedOn} max={todayIso()} onChange={set("screenedOn")} />
      </label>
      {(["weight", "height", "muac", "hb"] as const).map((k) => (
        <label key={k} className="field">
          {t(`fam.catin.f.${k}`)}
          <input inputMode="decimal" value={f[k]} onChange={set(k)} name={k} />
        </label>
      ))}
      {CATIN_EXTRA_ITEMS.map((item) => (
        <label key={item.key} className="field">
          {item[locale]} ({t("reg.optional")})
          <input
            value={extra[item.key] ?? ""}
            onChange={(e) => setExtra((x) => ({ ...x, [item.key]: e.target.value }))}
          />
        </label>
      ))}
      {local && <p className="alert alert--error">{local}</p>}
      {saved && (
        <p className="alert alert--ok" role="status">
          {t("fam.savedOffline")}
        </p>
      )}
      <ActionError error={error} />
      <button type="submit" className="button button--primary button--block" disabled={busy}>
        {busy ? t("reg.saving") : t("fam.catin.saveScreening")}
      </button>
    </form>
  );
}
