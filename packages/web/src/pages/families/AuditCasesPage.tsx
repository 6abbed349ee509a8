// /wilayah/:code/audit-kasus — stunting case audit (Paser Pasal 13(5)): stunted children under two from the
// posyandu measurements, which are audited, the audited share against the 50% target (annex SS4 ind. 8),
// and recording an audit with findings by cause domain and recommendations owned by a TPK team.
import {
  AUDIT_DOMAIN_CODES,
  AUDIT_DOMAINS,
  type AuditCase,
  type AuditCaseList,
  type AuditDomain,
  caseAuditsApi,
  tpkApi,
} from "@tumbuh/core";
import { useState } from "react";
import { api } from "../../api";
import { useI18n } from "../../i18n/I18nProvider";
import { formatAge, formatDate, formatZ, todayIso } from "../../kit/format";
import { BackLink, LoadGate, useDocumentTitle } from "../../kit/ui";
import { useAction } from "../../kit/useAction";
import { useLoad } from "../../kit/useLoad";
import { Link, navigate } from "../../router/navigation";
import { pathFor, regionPath } from "../../router/routes";
import { useMe } from "../../session/SessionProvider";
import { canWrite } from "../regionLinks";
import { AuditShareMeter } from "./AuditShareMeter";
import { ActionError, newId } from "./shared";
import "../../kit/kit.css";
import "./families.css";

export default function AuditCasesPage({ code }: { code: string }) {
  const { t, locale } = useI18n();
  const me = useMe();
  useDocumentTitle(t("fam.audit.title"));
  const list = useLoad<AuditCaseList>(
    `auditCases:${code}`,
    (s) => api.call(caseAuditsApi.cases, { params: { code } }, { signal: s }),
    { cacheKey: `auditCases:${code}` },
  );
  const [chosen, setChosen] = useState<AuditCase | null>(null);
  const writer = me.assignments.some((a) => canWrite(a.role));
  return (
    <div className="stack-lg">
      <div className="stack-sm">
        <BackLink to={regionPath(code)}>{t("reg.backRegion")}</BackLink>
        <h1>{t("fam.audit.title")}</h1>
        <p className="muted">{t("fam.audit.lead")}</p>
      </div>
      <LoadGate loaded={list}>
        {(data) => (
          <div className="stack">
            <section className="card">
              <AuditShareMeter share={data.share} />
            </section>
            <ul className="fam-list">
              {data.cases.map((c) => (
                <li key={c.childId} className="card stack-sm" data-testid="audit-case">
                  <p className="fam-title">{c.name}</p>
                  <p className="muted">
                    {formatAge(c.birthDate, todayIso(), locale)} ·{" "}
                    {t(`fam.tbu.${c.tbu === "tbu.sangat_pendek" ? "sp" : "p"}`)} ({formatZ(c.zlen, locale)}) ·{" "}
                    {formatDate(c.measuredOn, locale)}
                  </p>
                  {c.auditId ? (
                    <Link to={pathFor("caseAudit", { id: c.auditId })} className="badge badge--ok">
                      {t("fam.audit.done")}
                    </Link>
                  ) : (
                    writer && (
                      <button type="button" className="button button--secondary" onClick={() => setChosen(c)}>
                        {t("fam.audit.start")}
                      </button>
                    )
                  )}
                  {chosen?.childId === c.childId && <AuditForm code={code} child={c} />}
                </li>
              ))}
            </ul>
          </div>
        )}
      </LoadGate>
    </div>
  );
}

interface Rec {
  id: string;
  domain: AuditDomain;
  text: string;
  ownerTeamId: string;
  ownerName: string;
  dueOn: string;
}

function AuditForm({ code, child }: { code: string; child: AuditCase }) {
  const { t, locale } = useI18n();
  const desa = child.regionCode.split(".").slice(0, 4).join(".");
  const teams = useLoad(`tpk:${desa}:audit`, (s) =>
    api.call(tpkApi.teams, { params: { code: desa } }, { signal: s }),
  );
  const [auditedOn, setAuditedOn] = useState(todayIso());
  const [team, setTeam] = useState("");
  const [findings, setFindings] = useState<Partial<Record<AuditDomain, string>>>({});
  const [recs, setRecs] = useState<Rec[]>([]);
  const [id] = useState(newId);
  const { busy, error, run } = useAction();
  const teamList = teams.state.status === "ready" ? teams.state.data.teams : [];
  const addRec = () =>
    setRecs((r) => [
      ...r,
      {
        id: newId(),
        domain: "pemberian_makan",
        text: "",
        ownerTeamId: teamList[0]?.id ?? "",
        ownerName: "",
        dueOn: todayIso(),
      },
    ]);
  const setRec = (i: number, patch: Partial<Rec>) =>
    setRecs((r) => r.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const f = Object.fromEntries(Object.entries(findings).filter(([, v]) => v?.trim()));
    const saved = await run(() =>
      api.call(caseAuditsApi.record, {
        body: {
          id,
          childId: child.childId,
          auditedOn,
          team,
          findings: f,
          recommendations: recs.map((r) => ({ ...r, ownerName: r.ownerName.trim() || null })),
        },
      }),
    );
    if (saved) navigate(pathFor("caseAudit", { id: saved.id }));
  }
  void code;
  return (
    <form className="stack" onSubmit={submit} data-testid="audit-form">
      <label className="field">
        {t("fam.audit.date")}
        <input
          type="date"
          value={auditedOn}
          max={todayIso()}
          onChange={(e) => setAuditedOn(e.target.value)}
        />
      </label>
      <label className="field">
        {t("fam.audit.team")}
        <input value={team} onChange={(e) => setTeam(e.target.value)} required />
      </label>
      <fieldset className="stack-sm">
        <legend>{t("fam.audit.findings")}</legend>
        {AUDIT_DOMAIN_CODES.map((d) => (
          <label key={d} className="field">
            {AUDIT_DOMAINS[d][locale]}
            <textarea
              rows={2}
              name={`finding-${d}`}
              value={findings[d] ?? ""}
              onChange={(e) => setFindings((x) => ({ ...x, [d]: e.target.value }))}
            />
          </label>
        ))}
      </fieldset>
      <fieldset className="stack-sm">
        <legend>{t("fam.audit.recommendations")}</legend>
        {recs.map((r, i) => (
          <div key={r.id} className="card stack-sm">
            <label className="field">
              {t("fam.audit.domain")}
              <select value={r.domain} onChange={(e) => setRec(i, { domain: e.target.value as AuditDomain })}>
                {AUDIT_DOMAIN_CODES.map((d) => (
                  <option key={d} value={d}>
                    {AUDIT_DOMAINS[d][locale]}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              {t("fam.audit.recommendation")}
              <input
                name={`rec-${i}`}
                value={r.text}
                onChange={(e) => setRec(i, { text: e.target.value })}
                required
              />
            </label>
            <label className="field">
              {t("fam.audit.ownerTeam")}
              <select
                value={r.ownerTeamId}
                onChange={(e) => setRec(i, { ownerTeamId: e.target.value })}
                required
              >
                <option value="">{t("reg.choose")}</option>
                {teamList.map((tm) => (
                  <option key={tm.id} value={tm.id}>
                    {tm.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              {t("fam.audit.ownerName")} ({t("reg.optional")})
              <input value={r.ownerName} onChange={(e) => setRec(i, { ownerName: e.target.value })} />
            </label>
            <label className="field">
              {t("fam.audit.dueOn")}
              <input
                type="date"
                name={`due-${i}`}
                value={r.dueOn}
                onChange={(e) => setRec(i, { dueOn: e.target.value })}
              />
            </label>
          </div>
        ))}
        <button type="button" className="button button--secondary" onClick={addRec}>
          {t("fam.audit.addRecommendation")}
        </button>
      </fieldset>
      <ActionError error={error} />
      <button type="submit" className="button button--primary button--block" disabled={busy}>
        {t("fam.audit.save")}
      </button>
    </form>
  );
}
