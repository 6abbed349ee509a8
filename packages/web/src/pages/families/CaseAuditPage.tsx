// /audit-kasus/:id — one stunting case audit: team, findings by cause domain, recommendations with owner,
// due date and status (from the appended follow-ups), and recording a follow-up.
import { AUDIT_DOMAINS, type CaseAuditView, type RecommendationView } from "@tumbuh/core";
import { useState } from "react";
import { api } from "../../api";
import { useI18n } from "../../i18n/I18nProvider";
import { Link } from "../../router/navigation";
import { pathFor } from "../../router/routes";
import { useMe } from "../../session/SessionProvider";
import { useDocumentTitle } from "../../ui";
import { canWrite } from "../regionLinks";
import { formatDate, todayIso } from "../registry/format";
import { BackLink, LoadGate } from "../registry/ui";
import { useLoad } from "../registry/useLoad";
import { ActionError, newId, useAction } from "./shared";
import "../registry/registry.css";
import "./families.css";

export default function CaseAuditPage({ id }: { id: string }) {
  const audit = useLoad<CaseAuditView>(`caseAudit:${id}`, (s) => api.caseAudit(id, s), {
    cacheKey: `caseAudit:${id}`,
  });
  return (
    <LoadGate loaded={audit}>{(view) => <Audit view={view} set={(v) => audit.setData(() => v)} />}</LoadGate>
  );
}

function Audit({ view, set }: { view: CaseAuditView; set: (v: CaseAuditView) => void }) {
  const { t, locale } = useI18n();
  const me = useMe();
  useDocumentTitle(`${t("fam.audit.title")} ${view.child.name}`);
  const desa = view.regionCode.split(".").slice(0, 4).join(".");
  return (
    <div className="stack-lg">
      <div className="stack-sm">
        <BackLink to={pathFor({ name: "auditCases", code: desa })}>{t("fam.audit.title")}</BackLink>
        <h1>{view.child.name}</h1>
        <p className="muted">
          {t("fam.audit.date")}: {formatDate(view.auditedOn, locale)} · {view.team}
        </p>
        <Link to={pathFor({ name: "person", id: view.child.id })}>{t("fam.audit.childPage")}</Link>
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
            writer={me.assignments.some((a) => canWrite(a.role))}
            onSaved={set}
          />
        ))}
      </section>
    </div>
  );
}

function Recommendation({
  r,
  writer,
  onSaved,
}: {
  r: RecommendationView;
  writer: boolean;
  onSaved: (v: CaseAuditView) => void;
}) {
  const { t, locale } = useI18n();
  const [status, setStatus] = useState<"berjalan" | "selesai">("selesai");
  const [note, setNote] = useState("");
  const [id, setId] = useState(newId);
  const { busy, error, run } = useAction();
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const saved = await run(() =>
      api.followUp({ id, recommendationId: r.id, on: todayIso(), status, note: note.trim() || null }),
    );
    if (saved) {
      setId(newId());
      setNote("");
      onSaved(saved);
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
      {writer && r.status !== "selesai" && (
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
