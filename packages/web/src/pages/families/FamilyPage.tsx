// /keluarga/:id — one family: what the registry knows (and the reasons it already gives), the semester's
// screening form prefilled from the registry (Paser Pasal 13(1) a–g), and the screening history with the
// verification step. Every reason shows which facts came from the registry and which from the screener.
// A screening is written through the offline sync's outbox, so it can be recorded without signal.
import {
  type FamilyFacts,
  type FamilyObserved,
  type FamilyRiskResult,
  type FamilyView,
  familiesApi,
  LATRINE_TYPE_CODES,
  LATRINE_TYPES,
  WATER_SOURCE_CODES,
  WATER_SOURCES,
} from "@tumbuh/core";
import { useState } from "react";
import { api } from "../../api";
import { useI18n } from "../../i18n/I18nProvider";
import { formatDate, todayIso } from "../../kit/format";
import { SyncStatusBar } from "../../kit/sync/SyncStatusBar";
import { useReloadWhenSent } from "../../kit/sync/useReloadWhenSent";
import { useLive, useSyncEngine } from "../../kit/sync/useSync";
import { BackLink, LoadGate, useDocumentTitle } from "../../kit/ui";
import { useAction } from "../../kit/useAction";
import { useLoad } from "../../kit/useLoad";
import { pathFor } from "../../router/routes";
import { useMe } from "../../session/SessionProvider";
import { screenFamilyOffline, unconfirmed } from "../../sync/appends";
import { canWrite, canWriteIn } from "../regionLinks";
import { ActionError, newId } from "./shared";
import { usePendingVoids, VoidControl, VoidedMark } from "./Voids";
import "../../kit/kit.css";
import "./families.css";

type YesNo = "" | "ya" | "tidak";
const yn = (b: boolean | null | undefined): YesNo => (b === true ? "ya" : b === false ? "tidak" : "");
const fromYn = (v: YesNo): boolean | null => (v === "ya" ? true : v === "tidak" ? false : null);
const BOOL_FACTS = [
  "hasPus",
  "hasPregnantWoman",
  "hasUnderFive",
  "foodAdequate",
  "underFiveCareAdequate",
  "healthyHouse",
] as const;

export default function FamilyPage({ id }: { id: string }) {
  const family = useLoad<FamilyView>(
    `family:${id}`,
    (s) => api.call(familiesApi.family, { params: { id } }, { signal: s }),
    { cacheKey: `family:${id}` },
  );
  return <LoadGate loaded={family}>{(view) => <Family view={view} reload={family.reload} />}</LoadGate>;
}

export function Reasons({ evaluation }: { evaluation: FamilyRiskResult }) {
  const { t, locale } = useI18n();
  return (
    <div className="stack-sm">
      {evaluation.atRisk ? (
        <p className="badge badge--danger fam-verdict">{t("fam.atRisk")}</p>
      ) : (
        <p className="badge badge--ok fam-verdict">
          {evaluation.isTarget ? t("fam.notAtRisk") : t("fam.notTarget")}
        </p>
      )}
      <ul className="fam-reasons" data-testid="risk-reasons">
        {evaluation.riskReasons.map((r) => (
          <li key={r.ruleId}>
            <strong>{r.label[locale]}</strong>
            <span className="muted">
              {" "}
              {Object.values(r.factSources)
                .map((s) => t(s === "screener" ? "fam.source.screener" : "fam.source.registry"))
                .join(", ")}
              {" · "}
              {r.source}
            </span>
          </li>
        ))}
      </ul>
      {evaluation.unknown.length > 0 && (
        <p className="muted" data-testid="unknown-facts">
          {t("fam.unknown")}: {evaluation.unknown.map((r) => r.label[locale]).join("; ")}
        </p>
      )}
      {evaluation.targetReasons.length > 0 && (
        <p className="muted">
          {t("fam.target")}: {evaluation.targetReasons.map((r) => r.label[locale]).join("; ")}
        </p>
      )}
    </div>
  );
}

function Family({ view, reload }: { view: FamilyView; reload: () => void }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const writer = me.assignments.some((a) => canWrite(a.role));
  const h = view.household;
  useDocumentTitle(`${t("fam.family")} ${h.headName ?? ""}`);
  const engine = useSyncEngine();
  const unsent = useLive(
    () =>
      unconfirmed<{ householdId: string; screenedOn: string }>(
        engine,
        "family_screening",
        (v) => v.householdId === h.id,
      ),
    `${engine.userId}|${h.id}`,
  );
  // Voiding needs the write power where the family lives (a viewer never sees the button).
  const voider = canWriteIn(me.assignments, h.regionCode);
  const pendingVoids = usePendingVoids("family_screening_void", h.id);
  const unsentCount = (unsent?.length ?? 0) + pendingVoids.size;
  // Once the phone's records are accepted, the server's data has them: load it again.
  useReloadWhenSent(unsentCount, reload);
  return (
    <div className="stack-lg">
      {writer && <SyncStatusBar engine={engine} />}
      <div className="stack-sm">
        <BackLink to={pathFor("families", { code: h.regionCode.split(".").slice(0, 4).join(".") })}>
          {t("fam.families.title")}
        </BackLink>
        <h1>
          {t("fam.family")} {h.headName ?? ""}
        </h1>
        <p className="muted">{h.address}</p>
      </div>
      <section className="card stack-sm">
        <h2>{t("fam.registryNow")}</h2>
        <Reasons evaluation={view.registryEvaluation} />
      </section>
      {writer && <ScreeningForm view={view} onSaved={reload} />}
      <section className="stack">
        <h2>{t("fam.history")}</h2>
        {unsent?.map((u) => (
          <p key={u.id} className="card" data-testid="screening-unsent">
            {t("fam.unsentScreening", { date: formatDate(u.screenedOn, locale) })}{" "}
            <span className="badge badge--warn">{t("fam.unsent")}</span>
          </p>
        ))}
        {view.screenings.length === 0 && <p className="muted">{t("fam.noScreening")}</p>}
        {view.screenings.map((s) => (
          <article
            key={s.id}
            className={`card stack-sm${s.voidReason != null ? " fam-voided" : ""}`}
            data-testid="screening"
          >
            <h3>
              {s.semester.replace("-S", " semester ")} · {formatDate(s.screenedOn, locale)}
            </h3>
            {s.voidReason != null && <VoidedMark reason={s.voidReason} />}
            <div className="fam-voided__body stack-sm">
              <Reasons evaluation={s.evaluation} />
              {s.note && <p>{s.note}</p>}
              <p className="muted">{t("fam.by", { user: s.createdBy ?? "—" })}</p>
            </div>
            {s.voidReason != null ? null : s.verification ? (
              <p className={`badge ${s.verification.result === "sesuai" ? "badge--ok" : "badge--warn"}`}>
                {t(s.verification.result === "sesuai" ? "fam.verify.ok" : "fam.verify.notOk")} ·{" "}
                {s.verification.by ?? ""}
                {s.verification.note ? ` · ${s.verification.note}` : ""}
              </p>
            ) : (
              writer && s.createdBy !== me.username && <VerifyButtons id={s.id} onDone={reload} />
            )}
            {s.voidReason == null && voider && (
              <VoidControl
                entity="family_screening_void"
                id={s.id}
                regionCode={h.regionCode}
                label={formatDate(s.screenedOn, locale)}
                text={(reason) =>
                  t("fam.voidScreeningText", { what: formatDate(s.screenedOn, locale), reason })
                }
                pending={pendingVoids.has(s.id)}
              />
            )}
          </article>
        ))}
      </section>
    </div>
  );
}

function VerifyButtons({ id, onDone }: { id: string; onDone: () => void }) {
  const { t } = useI18n();
  const { busy, error, run } = useAction();
  const [note, setNote] = useState("");
  const verify = (result: "sesuai" | "tidak_sesuai") =>
    run(() =>
      api.call(familiesApi.verify, { params: { id }, body: { result, note: note.trim() || null } }),
    ).then((r) => r && onDone());
  return (
    <div className="stack-sm">
      <label className="field">
        {t("fam.verify.note")}
        <input value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() => verify("sesuai")}
        >
          {t("fam.verify.ok")}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={() => verify("tidak_sesuai")}
        >
          {t("fam.verify.notOk")}
        </button>
      </div>
      <ActionError error={error} />
    </div>
  );
}

function ScreeningForm({ view, onSaved }: { view: FamilyView; onSaved: () => void }) {
  const { t, locale } = useI18n();
  const r = view.registryFacts;
  const [screenedOn, setScreenedOn] = useState(todayIso());
  const [water, setWater] = useState<string>(r.waterSource ?? "");
  const [latrine, setLatrine] = useState<string>(r.latrineType ?? "");
  const [bools, setBools] = useState<Record<(typeof BOOL_FACTS)[number], YesNo>>(
    () =>
      Object.fromEntries(
        BOOL_FACTS.map((k) => [k, yn(r[k as keyof FamilyFacts] as boolean | null)]),
      ) as never,
  );
  const [note, setNote] = useState("");
  const [id, setId] = useState(newId);
  const { busy, error, run } = useAction();
  const engine = useSyncEngine();
  const [notice, setNotice] = useState<{ tone: "ok" | "error"; text: string } | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setNotice(null);
    if (screenedOn > todayIso()) {
      setNotice({ tone: "error", text: t("fam.futureDate") });
      return;
    }
    const observed: FamilyObserved = {};
    for (const k of BOOL_FACTS) {
      const v = fromYn(bools[k]);
      // only what differs from the registry (or the registry does not know) is the screener's observation
      if (v !== null && v !== (r[k as keyof FamilyFacts] ?? null)) observed[k] = v;
    }
    if (water && water !== r.waterSource) observed.waterSource = water as FamilyObserved["waterSource"];
    if (latrine && latrine !== r.latrineType) observed.latrineType = latrine as FamilyObserved["latrineType"];
    const saved = await run(() =>
      screenFamilyOffline(
        engine,
        view.household.regionCode,
        { householdId: view.household.id, screenedOn, observed, note: note.trim() || null },
        id,
      ),
    );
    if (saved) {
      setId(newId());
      setNote("");
      setNotice({ tone: "ok", text: t("fam.savedOffline") });
      onSaved();
    }
  }

  return (
    <form className="card stack" onSubmit={submit} data-testid="family-screening-form">
      <h2>{t("fam.screenTitle")}</h2>
      <p className="muted">{t("fam.screenHint")}</p>
      <label className="field">
        {t("fam.screenedOn")}
        <input
          type="date"
          value={screenedOn}
          max={todayIso()}
          onChange={(e) => setScreenedOn(e.target.value)}
        />
      </label>
      {BOOL_FACTS.map((k) => (
        <fieldset key={k} className="field choice">
          <legend>{t(`fam.q.${k}`)}</legend>
          <div className="choice__options">
            {(["ya", "tidak"] as const).map((v) => (
              <label key={v} className="choice__option">
                <input
                  type="radio"
                  name={k}
                  checked={bools[k] === v}
                  onChange={() => setBools((b) => ({ ...b, [k]: v }))}
                />
                <span>{t(v === "ya" ? "fam.yes" : "fam.no")}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <label className="field">
        {t("fam.q.water")}
        <select value={water} onChange={(e) => setWater(e.target.value)}>
          <option value="">{t("reg.choose")}</option>
          {WATER_SOURCE_CODES.map((c) => (
            <option key={c} value={c}>
              {WATER_SOURCES[c][locale]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        {t("fam.q.latrine")}
        <select value={latrine} onChange={(e) => setLatrine(e.target.value)}>
          <option value="">{t("reg.choose")}</option>
          {LATRINE_TYPE_CODES.map((c) => (
            <option key={c} value={c}>
              {LATRINE_TYPES[c][locale]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        {t("fam.note")}
        <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} />
      </label>
      {notice && (
        <p
          className={`alert alert--${notice.tone === "ok" ? "ok" : "error"}`}
          role={notice.tone === "ok" ? "status" : "alert"}
        >
          {notice.text}
        </p>
      )}
      <ActionError error={error} />
      <button type="submit" className="button button--primary button--block" disabled={busy}>
        {busy ? t("reg.saving") : t("fam.saveScreening")}
      </button>
    </form>
  );
}
