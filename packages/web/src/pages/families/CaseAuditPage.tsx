// /audit-kasus/:id — one stunting case audit: team, findings by cause domain, recommendations with owner,
// due date and status (from the appended follow-ups), and recording a follow-up — through the offline
// sync's outbox, so it can be recorded without signal (the audit itself is kept on the device once seen).
import { AUDIT_DOMAINS, type CaseAuditView, caseAuditsApi, type RecommendationView } from "@tumbuh/core";
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
import { Link } from "../../router/navigation";
import { pathFor } from "../../router/routes";
import { useMe } from "../../session/SessionProvider";
import { recordFollowUpOffline, unconfirmed } from "../../sync/appends";
import { canWrite } from "../regionLinks";
import { ActionError, newId } from "./shared";
import "../../kit/kit.css";
import "./families.css";

export default function CaseAuditPage({ id }: { id: string }) {
  const audit = useLoad<CaseAuditView>(
    `caseAudit:${id}`,
    (s) => api.call(caseAuditsApi.view, { params: { id } }, { signal: s }),
    { cacheKey: `caseAudit:${id}` },
  );
  return <LoadGate loaded={audit}>{(view) => <Audit view={view} reload={audit.reload} />}</LoadGate>;
}

interface UnsentFollowUp {
  recommendationId: string;
  on: string;
  status: "berjalan" | "selesai";
}

function Audit({ view, reload }: { view: CaseAuditView; reload: () => void }) {
  const { t, locale } = useI18n();
  const me = useMe();
  useDocumentTitle(`${t("fam.audit.title")} ${view.child.name}`);
  const desa = view.regionCode.split(".").slice(0, 4).join(".");
  const writer = me.assignments.some((a) => canWrite(a.role));
  const engine = useSyncEngine();
  const recIds = new Set(view.recommendations.map((r) => r.id));
  const unsent = useLive(
    () => unconfirmed<UnsentFollowUp>(engine, "audit_followup", (v) => recIds.has(v.recommendationId)),
    `${engine.userId}|${view.id}|${view.recommendations.length}`,
  );
  // Once the phone's follow-ups are accepted, the server's statuses include them: load the audit again.
  useReloadWhenSent(unsent?.length ?? 0, reload);
  return (
    <div className="stack-lg">
      {writer && <SyncStatusBar engine={engine} />}
      <div className="stack-sm">
        <BackLink to={pathFor("auditCases", { code: desa })}>{t("fam.audit.title")}</BackLink>
        <h1>{view.child.name}</h1>
        <p className="muted">
          {t("fam.audit.date")}: {formatDate(view.auditedOn, locale)} · {view.team}
        </p>
        <Link to={pathFor("person", { id: view.child.id })}>{t("fam.audit.childPage")}</Link>
      </div>
      <section className="card stack-sm">
        <h2>{t("fam.audit.findings")}</h2>
        <ul className="fam-reasons">
          {Object.entries(view.findings).map(([d, text]) => (
            <li key={d}>
              <strong>{AUDIT_DOMAINS[d as keyof typeof AUDIT_DOMAINS][locale]}</strong>: {text}
            </li>
          ))}
        </ul>
      </section>
      <section className="stack-sm">
        <h2>{t("fam.audit.recommendations")}</h2>
        {view.recommendations.map((r) => (
          <Recommendation
            key={r.id}
            r={r}
            regionCode={view.regionCode}
            writer={writer}
            unsent={(unsent ?? []).filter((u) => u.recommendationId === r.id)}
          />
        ))}
      </section>
    </div>
  );
}

function Recommendation({
  r,
  regionCode,
  writer,
  unsent,
}: {
  r: RecommendationView;
  regionCode: string;
  writer: boolean;
  unsent: (UnsentFollowUp & { id: string })[];
}) {
  const { t, locale } = useI18n();
  const engine = useSyncEngine();
  const [status, setStatus] = useState<"berjalan" | "selesai">("selesai");
  const [note, setNote] = useState("");
  const [id, setId] = useState(newId);
  const { busy, error, run } = useAction();
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const saved = await run(() =>
      recordFollowUpOffline(
        engine,
        regionCode,
        { recommendationId: r.id, on: todayIso(), status, note: note.trim() || null },
        id,
      ),
    );
    if (saved) {
      setId(newId());
      setNote("");
    }
  }
  return (
    <article className="card stack-sm" data-testid="recommendation">
      <p>
        <strong>{AUDIT_DOMAINS[r.domain][locale]}</strong>: {r.text}
      </p>
      <p className="muted">
        {r.ownerName ? `${r.ownerName} · ` : ""}
        {t("fam.audit.dueOn")}: {formatDate(r.dueOn, locale)}
      </p>
      <p>
        <span className={`badge ${r.status === "selesai" ? "badge--ok" : "badge--neutral"}`}>
          {t(`fam.status.${r.status}`)}
        </span>{" "}
        {r.overdue && (
          <span className="badge badge--danger">
            {t("fam.overdueSince", { date: formatDate(r.dueOn, locale) })}
          </span>
        )}
      </p>
      {r.followUps.length > 0 && (
        <ul className="fam-reasons">
          {r.followUps.map((f) => (
            <li key={f.id} className="muted">
              {formatDate(f.on, locale)} · {t(`fam.status.${f.status as "selesai"}`)}
              {f.note ? ` · ${f.note}` : ""}
            </li>
          ))}
        </ul>
      )}
      {unsent.map((u) => (
        <p key={u.id} data-testid="followup-unsent">
          {formatDate(u.on, locale)} · {t(`fam.status.${u.status}`)}{" "}
          <span className="badge badge--warn">{t("fam.unsent")}</span>
        </p>
      ))}
      {writer && r.status !== "selesai" && !unsent.some((u) => u.status === "selesai") && (
        <form className="stack-sm" onSubmit={submit}>
          <label className="field">
            {t("fam.audit.followUp")}
            <select value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
              <option value="berjalan">{t("fam.status.berjalan")}</option>
              <option value="selesai">{t("fam.status.selesai")}</option>
            </select>
          </label>
          <label className="field">
            {t("fam.note")}
            <input value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <ActionError error={error} />
          <button type="submit" className="button button--secondary" disabled={busy}>
            {t("reg.save")}
          </button>
        </form>
      )}
    </article>
  );
}
