// /layanan/:id — record a service given to a target (KPM, cadre or midwife), with the person's history.
// Big touch targets for a phone at 360 px. Each form fill carries its own client-made UUIDv7, so a
// double tap or a retry after a lost response stores the service once (the server treats a repeated id
// as the same record). The record is written through the offline sync's outbox (issue 5): it is saved on
// the phone first and sent when there is signal, so the form works without a network; the person and
// the history are kept on the device from the last time they were loaded.
import {
  ANTIGEN_CODES,
  ANTIGENS,
  personsApi,
  type RecordedService,
  type ServiceRecordView,
  STATE_SERVICES,
  servicesApi,
} from "@tumbuh/core";
import { useState } from "react";
import { api, type PersonRecord } from "../../api";
import { useI18n } from "../../i18n/I18nProvider";
import type { MessageKey } from "../../i18n/messages";
import { formatDate, todayIso } from "../../kit/format";
import { SyncStatusBar } from "../../kit/sync/SyncStatusBar";
import { useReloadWhenSent } from "../../kit/sync/useReloadWhenSent";
import { useLive, useSyncEngine } from "../../kit/sync/useSync";
import { BackLink, LoadGate, Notice, useDocumentTitle } from "../../kit/ui";
import { useLoad } from "../../kit/useLoad";
import { Link } from "../../router/navigation";
import { personPath, scorecardPath } from "../../router/routes";
import { recordServiceOffline, unconfirmed, voidOffline } from "../../sync/appends";
import { uuidv7 } from "../../sync/uuidv7";
import "../../kit/kit.css";
import "./services.css";
import { useWriterAt } from "../registry/useWriter";
import { MAX_TABLETS, tabletCount } from "./tablets";
import { VoidRecord } from "./VoidRecord";

/** Services a child is recorded for; the others are a (pregnant) woman's. */
const CHILD_SERVICES: RecordedService[] = [
  "imunisasi",
  "konseling_gizi",
  "kunjungan_rumah",
  "kelas_pengasuhan",
  "akta_lahir",
  "jkn",
  "paud",
];
const MOTHER_SERVICES: RecordedService[] = [
  "anc",
  "ttd",
  "nifas",
  "konseling_gizi",
  "kunjungan_rumah",
  "jkn",
];
/** Children up to 6 years (PAUD age); older persons are offered the pregnancy services. */
const CHILD_MAX_MONTHS = 83;

interface UnsentService {
  personId: string;
  service: string;
  givenOn: string;
  detail?: string | null;
  quantity?: number | null;
  received: boolean;
}

export default function RecordServicePage({ id }: { id: string }) {
  const person = useLoad(
    `person:${id}`,
    (s) => api.call(personsApi.view, { params: { id } }, { signal: s }),
    { cacheKey: `person:${id}` },
  );
  return (
    <LoadGate loaded={person}>
      {(view) => <RecordService person={view.person} reloadPerson={person.reload} />}
    </LoadGate>
  );
}

function RecordService({ person, reloadPerson }: { person: PersonRecord; reloadPerson: () => void }) {
  const { t, locale } = useI18n();
  useDocumentTitle(`${t("svc.recordTitle")} · ${person.name}`);
  const history = useLoad<ServiceRecordView[]>(
    `services:${person.id}`,
    (s) => api.call(servicesApi.ofPerson, { params: { id: person.id } }, { signal: s }),
    { cacheKey: `services:${person.id}` },
  );
  const engine = useSyncEngine();
  const writer = useWriterAt(person.regionCode);
  const unsent = useLive(
    () => unconfirmed<UnsentService>(engine, "service_record", (v) => v.personId === person.id),
    `${engine.userId}|${person.id}`,
  );
  const unsentVoids = useLive(
    () => unconfirmed<{ recordId: string }>(engine, "service_record_void", () => true),
    `${engine.userId}|${person.id}|voids`,
  );
  const pendingVoid = new Set((unsentVoids ?? []).map((v) => v.recordId));
  const unsentCount = (unsent?.length ?? 0) + (unsentVoids?.length ?? 0);
  // Once the phone's records are accepted, the server's data has them: load it again.
  useReloadWhenSent(unsentCount, () => {
    history.reload();
    reloadPerson();
  });
  const services = person.ageMonths <= CHILD_MAX_MONTHS ? CHILD_SERVICES : MOTHER_SERVICES;
  const [service, setService] = useState<RecordedService>(services[0] as RecordedService);
  const [givenOn, setGivenOn] = useState(todayIso());
  const [antigen, setAntigen] = useState<string>("");
  // Iron tablets given (TTD): the scorecard counts ≥ 90 in the pregnancy (core rules, BUKU 1000 HPK).
  const [tablets, setTablets] = useState("");
  const [received, setReceived] = useState(true);
  const [clientId, setClientId] = useState(uuidv7);
  const [status, setStatus] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const desa = person.regionCode.split(".").slice(0, 4).join(".");
  const isState = STATE_SERVICES.includes(service);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setSaving(true);
    setStatus(null);
    try {
      if (service === "imunisasi" && !antigen) {
        setStatus({ tone: "error", text: t("svc.antigenRequired") });
        return;
      }
      const quantity = service === "ttd" && received ? tabletCount(tablets) : null;
      if (service === "ttd" && received && quantity === null) {
        setStatus({ tone: "error", text: t("svc.tabletsRequired") });
        return;
      }
      if (givenOn > todayIso()) {
        setStatus({ tone: "error", text: t("svc.futureDate") });
        return;
      }
      await recordServiceOffline(
        engine,
        person.regionCode,
        {
          personId: person.id,
          service,
          givenOn,
          received,
          ...(service === "imunisasi" ? { detail: antigen as (typeof ANTIGEN_CODES)[number] } : {}),
          ...(quantity !== null ? { quantity } : {}),
        },
        clientId,
      );
      setStatus({ tone: "ok", text: t("svc.savedOffline") });
      setClientId(uuidv7());
      setTablets("");
    } catch (err) {
      setStatus({ tone: "error", text: String(err) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="stack-lg">
      <SyncStatusBar engine={engine} />
      <div className="stack-sm">
        <BackLink to={personPath(person.id)}>{t("reg.back", { name: person.name })}</BackLink>
        <h1>{t("svc.recordTitle")}</h1>
        <p className="muted">{t("svc.recordFor", { name: person.name })}</p>
      </div>
      <form className="stack" onSubmit={submit} noValidate>
        <fieldset className="field">
          <legend>{t("svc.service")}</legend>
          <div className="choice__options">
            {services.map((s) => (
              <label key={s} className="choice__option">
                <input
                  type="radio"
                  name="service"
                  value={s}
                  checked={service === s}
                  onChange={() => setService(s)}
                />
                <span>{t(`svc.service.${s}` as MessageKey)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {service === "imunisasi" && (
          <div className="field">
            <label htmlFor="svc-antigen">{t("svc.antigen")}</label>
            <select id="svc-antigen" value={antigen} onChange={(e) => setAntigen(e.target.value)} required>
              <option value="">{t("reg.choose")}</option>
              {ANTIGEN_CODES.map((a) => (
                <option key={a} value={a}>
                  {ANTIGENS[a].label}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="svc-date">{t("svc.givenOn")}</label>
          <input
            id="svc-date"
            type="date"
            value={givenOn}
            max={todayIso()}
            onChange={(e) => setGivenOn(e.target.value)}
          />
        </div>
        <fieldset className="field">
          <legend>{t("svc.received")}</legend>
          <div className="choice__options">
            <label className="choice__option">
              <input type="radio" name="received" checked={received} onChange={() => setReceived(true)} />
              <span>{t(isState ? "svc.hasYes" : "svc.receivedYes")}</span>
            </label>
            <label className="choice__option">
              <input type="radio" name="received" checked={!received} onChange={() => setReceived(false)} />
              <span>{t(isState ? "svc.hasNo" : "svc.receivedNo")}</span>
            </label>
          </div>
        </fieldset>
        {service === "ttd" && received && (
          <div className="field">
            <label htmlFor="svc-tablets">{t("svc.tablets")}</label>
            <input
              id="svc-tablets"
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_TABLETS}
              step={1}
              value={tablets}
              onChange={(e) => setTablets(e.target.value)}
              aria-describedby="svc-tablets-hint"
              required
            />
            <p id="svc-tablets-hint" className="muted">
              {t("svc.tabletsHint")}
            </p>
          </div>
        )}
        {status && <Notice tone={status.tone}>{status.text}</Notice>}
        <button type="submit" className="button button--primary button--big button--block" disabled={saving}>
          {saving ? t("reg.saving") : t("reg.save")}
        </button>
      </form>
      <section className="stack-sm" aria-labelledby="svc-history">
        <h2 id="svc-history">{t("svc.history")}</h2>
        {unsentCount > 0 && (
          <ul className="service-history" data-testid="service-unsent">
            {unsent?.map((r) => (
              <li key={r.id}>
                <span>{formatDate(r.givenOn, locale)}</span>{" "}
                <strong>{t(`svc.service.${r.service}` as MessageKey)}</strong>
                {r.detail ? ` · ${ANTIGENS[r.detail as keyof typeof ANTIGENS]?.label ?? r.detail}` : ""}
                {r.quantity ? ` · ${t("svc.tabletsCount", { n: r.quantity })}` : ""}
                {!r.received && ` · ${t("svc.notReceived")}`} ·{" "}
                <span className="badge badge--warn">{t("svc.unsent")}</span>
              </li>
            ))}
          </ul>
        )}
        <LoadGate loaded={history}>
          {(records) =>
            records.length === 0 ? (
              <p className="muted">{t("svc.historyEmpty")}</p>
            ) : (
              <ul className="service-history" data-testid="service-history">
                {records.map((r) => (
                  <li key={r.id} className={r.live ? "" : "service-history--old"}>
                    <span>{formatDate(r.givenOn, locale)}</span>{" "}
                    <strong>{t(`svc.service.${r.service}` as MessageKey)}</strong>
                    {r.detail ? ` · ${ANTIGENS[r.detail as keyof typeof ANTIGENS]?.label ?? r.detail}` : ""}
                    {r.quantity ? ` · ${t("svc.tabletsCount", { n: r.quantity })}` : ""}
                    {!r.received && ` · ${t("svc.notReceived")}`}
                    {r.voidReason != null
                      ? ` · ${t("svc.voided", { reason: r.voidReason })}`
                      : !r.live && ` · ${t("svc.corrected")}`}
                    {pendingVoid.has(r.id) ? (
                      <>
                        {" "}
                        · <span className="badge badge--warn">{t("svc.voidUnsent")}</span>
                      </>
                    ) : (
                      r.live &&
                      writer && (
                        <VoidRecord
                          label={`${t(`svc.service.${r.service}` as MessageKey)} ${formatDate(r.givenOn, locale)}`}
                          save={async (reason) => {
                            await voidOffline(engine, "service_record_void", r.regionCode, {
                              id: r.id,
                              reason,
                            });
                          }}
                        />
                      )
                    )}
                  </li>
                ))}
              </ul>
            )
          }
        </LoadGate>
      </section>
      <Link className="button button--secondary button--block" to={scorecardPath(desa)}>
        {t("svc.toScorecard")}
      </Link>
    </div>
  );
}
