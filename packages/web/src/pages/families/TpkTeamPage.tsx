// /tpk/:id — the family support team's dashboard: overdue follow-ups of stunting case audits it owns, the
// audited share of stunted under-twos in its desa against the 50% target (Paser 47/2024 annex, SS4
// indicator 8), its members' caseload and overdue visits, and recording a visit (Paser Pasal 13(2):
// counselling, referral, social assistance). A visit is written through the offline sync's outbox, so it
// can be recorded in the field without signal (the page itself is kept on the device once loaded).
import {
  AUDIT_DOMAINS,
  catinApi,
  familiesApi,
  TPK_MEMBER_ROLES,
  type TpkAssignmentView,
  type TpkSubjectKind,
  type TpkTeamView,
  tpkApi,
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
import { Link } from "../../router/navigation";
import { pathFor } from "../../router/routes";
import { useMe } from "../../session/SessionProvider";
import { recordTpkVisitOffline, unconfirmed } from "../../sync/appends";
import { canWrite, canWriteIn } from "../regionLinks";
import { AuditShareMeter } from "./AuditShareMeter";
import { ActionError, newId } from "./shared";
import { usePendingVoids, VoidControl, VoidedMark } from "./Voids";
import "../../kit/kit.css";
import "./families.css";

export default function TpkTeamPage({ id }: { id: string }) {
  const team = useLoad<TpkTeamView>(
    `tpkTeam:${id}`,
    (s) => api.call(tpkApi.team, { params: { id } }, { signal: s }),
    { cacheKey: `tpkTeam:${id}` },
  );
  return (
    <LoadGate loaded={team}>
      {(view) => <Team view={view} set={(v) => team.setData(() => v)} reload={team.reload} />}
    </LoadGate>
  );
}

interface UnsentVisit {
  assignmentId: string;
  visitedOn: string;
}

function Team({
  view,
  set,
  reload,
}: {
  view: TpkTeamView;
  set: (v: TpkTeamView) => void;
  reload: () => void;
}) {
  const { t, locale } = useI18n();
  const me = useMe();
  const writer = me.assignments.some((a) => canWrite(a.role));
  useDocumentTitle(view.name);
  const engine = useSyncEngine();
  const ids = new Set(view.assignments.map((a) => a.id));
  const unsent = useLive(
    () => unconfirmed<UnsentVisit>(engine, "tpk_visit", (v) => ids.has(v.assignmentId)),
    `${engine.userId}|${view.id}|${view.assignments.length}`,
  );
  // Voiding a visit needs the write power in the team's desa (a viewer never sees the button).
  const voider = canWriteIn(me.assignments, view.regionCode);
  const pendingVoids = usePendingVoids("tpk_visit_void", view.id);
  const unsentCount = (unsent?.length ?? 0) + pendingVoids.size;
  // Once the phone's records are accepted, the server's data has them: load it again.
  useReloadWhenSent(unsentCount, reload);
  return (
    <div className="stack-lg">
      {writer && <SyncStatusBar engine={engine} />}
      <div className="stack-sm">
        <BackLink to={pathFor("tpkList", { code: view.regionCode })}>{t("fam.tpk.title")}</BackLink>
        <h1>{view.name}</h1>
        <p className="muted">{view.regionName}</p>
      </div>
      <section className="card stack-sm" data-testid="overdue-followups">
        <h2>{t("fam.tpk.overdueFollowUps", { n: view.overdueFollowUps.length })}</h2>
        {view.overdueFollowUps.length === 0 && <p className="muted">{t("fam.tpk.noOverdue")}</p>}
        <ul className="fam-reasons">
          {view.overdueFollowUps.map((f) => (
            <li key={f.recommendationId}>
              <span className="badge badge--danger">
                {t("fam.overdueSince", { date: formatDate(f.dueOn, locale) })}
              </span>{" "}
              <Link to={pathFor("caseAudit", { id: f.auditId })}>
                <strong>{f.childName}</strong>
              </Link>
              <p>
                {AUDIT_DOMAINS[f.domain][locale]}: {f.text}
                {f.ownerName ? ` — ${f.ownerName}` : ""} · {t(`fam.status.${f.status}`)}
              </p>
            </li>
          ))}
        </ul>
      </section>
      <section className="card stack-sm">
        <h2>{t("fam.audit.title")}</h2>
        <AuditShareMeter share={view.auditShare} />
        <Link to={pathFor("auditCases", { code: view.regionCode })}>{t("fam.audit.open")}</Link>
      </section>
      <section className="stack-sm">
        <h2>{t("fam.tpk.members")}</h2>
        <table className="fam-table" data-testid="caseload">
          <thead>
            <tr>
              <th>{t("fam.tpk.member")}</th>
              <th>{t("fam.tpk.caseload")}</th>
              <th>{t("fam.tpk.overdue")}</th>
            </tr>
          </thead>
          <tbody>
            {view.members.map((m) => (
              <tr key={m.id}>
                <td>
                  {m.name}
                  <br />
                  <span className="muted">{t(`fam.role.${m.role}`)}</span>
                </td>
                <td>{m.caseload}</td>
                <td>{m.overdue > 0 ? <span className="badge badge--danger">{m.overdue}</span> : 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {writer && <AddMember teamId={view.id} onSaved={set} />}
      </section>
      <section className="stack-sm">
        <h2>{t("fam.tpk.assignments")}</h2>
        {view.assignments.map((a) => (
          <Assignment
            key={a.id}
            a={a}
            regionCode={view.regionCode}
            member={view.members.find((m) => m.id === a.memberId)?.name ?? ""}
            writer={writer}
            voider={voider}
            pendingVoids={pendingVoids}
            unsent={(unsent ?? []).filter((v) => v.assignmentId === a.id)}
          />
        ))}
        {writer && <Assign view={view} onSaved={set} />}
      </section>
    </div>
  );
}

function Assignment({
  a,
  regionCode,
  member,
  writer,
  voider,
  pendingVoids,
  unsent,
}: {
  a: TpkAssignmentView;
  regionCode: string;
  member: string;
  writer: boolean;
  voider: boolean;
  pendingVoids: Set<string>;
  unsent: (UnsentVisit & { id: string })[];
}) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  // A team view kept on the device from before visits had a history has none.
  const history = a.history ?? [];
  return (
    <article className="card stack-sm">
      <p>
        <strong>{a.subjectLabel}</strong>{" "}
        <span className="muted">
          · {t(`fam.kind.${a.subjectKind}`)} · {member}
        </span>
      </p>
      <p>
        {a.overdue ? (
          <span className="badge badge--danger">
            {t("fam.overdueSince", { date: formatDate(a.dueOn, locale) })}
          </span>
        ) : (
          <span className="muted">
            {a.dueOn ? t("fam.tpk.nextDue", { date: formatDate(a.dueOn, locale) }) : "—"}
          </span>
        )}
      </p>
      {a.lastVisit && (
        <p className="muted">
          {t("fam.tpk.lastVisit", { date: formatDate(a.lastVisit.visitedOn, locale), n: a.visits })}
          {a.lastVisit.referralTo
            ? ` · ${t("fam.tpk.referral")}: ${a.lastVisit.referralTo} (${a.lastVisit.referralDone ? t("fam.yes") : t("fam.no")})`
            : ""}
          {a.lastVisit.socialProgramme
            ? ` · ${a.lastVisit.socialProgramme}: ${a.lastVisit.socialOutcome ?? "—"}`
            : ""}
        </p>
      )}
      {history.length > 0 && (
        <details className="stack-sm" data-testid="visit-history">
          <summary>{t("fam.tpk.history", { n: history.length })}</summary>
          <ul className="fam-visits">
            {history.map((v) => (
              <li key={v.id} className={`fam-visit stack-sm${v.voidReason != null ? " fam-voided" : ""}`}>
                <p className="fam-visit__what">
                  <strong>{formatDate(v.visitedOn, locale)}</strong>
                  {v.counselling ? ` · ${v.counselling}` : ""}
                  {v.referralTo ? ` · ${t("fam.tpk.referral")}: ${v.referralTo}` : ""}
                  {v.socialProgramme ? ` · ${v.socialProgramme}` : ""}
                </p>
                {v.voidReason != null ? (
                  <VoidedMark reason={v.voidReason} />
                ) : (
                  voider && (
                    <VoidControl
                      entity="tpk_visit_void"
                      id={v.id}
                      regionCode={regionCode}
                      label={t("fam.tpk.visitOn", { date: formatDate(v.visitedOn, locale) })}
                      text={(reason) =>
                        t("fam.voidVisitText", {
                          what: `${a.subjectLabel} ${formatDate(v.visitedOn, locale)}`,
                          reason,
                        })
                      }
                      pending={pendingVoids.has(v.id)}
                    />
                  )
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
      {unsent.map((v) => (
        <p key={v.id} data-testid="visit-unsent">
          {t("fam.tpk.unsentVisit", { date: formatDate(v.visitedOn, locale) })}{" "}
          <span className="badge badge--warn">{t("fam.unsent")}</span>
        </p>
      ))}
      {saved && !open && (
        <p className="alert alert--ok" role="status">
          {t("fam.savedOffline")}
        </p>
      )}
      {writer &&
        (open ? (
          <VisitForm
            assignmentId={a.id}
            regionCode={regionCode}
            onSaved={() => {
              setOpen(false);
              setSaved(true);
            }}
          />
        ) : (
          <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
            {t("fam.tpk.recordVisit")}
          </button>
        ))}
    </article>
  );
}

function VisitForm({
  assignmentId,
  regionCode,
  onSaved,
}: {
  assignmentId: string;
  regionCode: string;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const engine = useSyncEngine();
  const [problem, setProblem] = useState<string | null>(null);
  const [f, setF] = useState({
    visitedOn: todayIso(),
    counselling: "",
    referralTo: "",
    referralDone: "",
    socialProgramme: "",
    socialOutcome: "",
    nextDueOn: "",
  });
  const [id] = useState(newId);
  const { busy, error, run } = useAction();
  const set =
    (k: keyof typeof f) =>
    (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
      setF((x) => ({ ...x, [k]: e.target.value }));
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    // The server's rules, checked here too so a mistake shows now and not after the phone finds signal.
    const check =
      f.visitedOn > todayIso()
        ? "fam.futureDate"
        : f.nextDueOn && f.nextDueOn <= f.visitedOn
          ? "fam.tpk.badNextDue"
          : f.referralDone !== "" && !f.referralTo.trim()
            ? "fam.tpk.needReferralTo"
            : f.socialOutcome && !f.socialProgramme.trim()
              ? "fam.tpk.needProgramme"
              : null;
    setProblem(check ? t(check) : null);
    if (check) return;
    const saved = await run(() =>
      recordTpkVisitOffline(
        engine,
        regionCode,
        {
          assignmentId,
          visitedOn: f.visitedOn,
          counselling: f.counselling.trim() || null,
          referralTo: f.referralTo.trim() || null,
          referralDone: f.referralDone === "" ? null : f.referralDone === "ya",
          socialProgramme: f.socialProgramme.trim() || null,
          socialOutcome: (f.socialOutcome || null) as "diajukan" | null,
          nextDueOn: f.nextDueOn || null,
        },
        id,
      ),
    );
    if (saved) onSaved();
  }
  return (
    <form className="stack-sm" onSubmit={submit}>
      <label className="field">
        {t("fam.tpk.visitedOn")}
        <input type="date" value={f.visitedOn} max={todayIso()} onChange={set("visitedOn")} />
      </label>
      <label className="field">
        {t("fam.tpk.counselling")}
        <textarea rows={2} value={f.counselling} onChange={set("counselling")} />
      </label>
      <label className="field">
        {t("fam.tpk.referralTo")}
        <input value={f.referralTo} onChange={set("referralTo")} />
      </label>
      <label className="field">
        {t("fam.tpk.referralDone")}
        <select value={f.referralDone} onChange={set("referralDone")}>
          <option value="">—</option>
          <option value="ya">{t("fam.yes")}</option>
          <option value="tidak">{t("fam.no")}</option>
        </select>
      </label>
      <label className="field">
        {t("fam.tpk.social")}
        <input value={f.socialProgramme} onChange={set("socialProgramme")} placeholder="PKH, BPNT, PMT…" />
      </label>
      <label className="field">
        {t("fam.tpk.socialOutcome")}
        <select value={f.socialOutcome} onChange={set("socialOutcome")}>
          <option value="">—</option>
          {(["diajukan", "diterima", "ditolak"] as const).map((o) => (
            <option key={o} value={o}>
              {t(`fam.social.${o}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        {t("fam.tpk.nextDueOn")}
        <input type="date" value={f.nextDueOn} onChange={set("nextDueOn")} />
      </label>
      {problem && (
        <p className="alert alert--error" role="alert">
          {problem}
        </p>
      )}
      <ActionError error={error} />
      <button type="submit" className="button button--primary" disabled={busy}>
        {t("reg.save")}
      </button>
    </form>
  );
}

function AddMember({ teamId, onSaved }: { teamId: string; onSaved: (v: TpkTeamView) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState("");
  const [role, setRole] = useState<(typeof TPK_MEMBER_ROLES)[number]>("bidan");
  const [id, setId] = useState(newId);
  const { busy, error, run } = useAction();
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const saved = await run(() =>
      api.call(tpkApi.addMember, { params: { id: teamId }, body: { id, name, role } }),
    );
    if (saved) {
      setId(newId());
      setName("");
      onSaved(saved);
    }
  }
  return (
    <form className="card stack-sm" onSubmit={submit}>
      <h3>{t("fam.tpk.addMember")}</h3>
      <label className="field">
        {t("pf.name")}
        <input value={name} onChange={(e) => setName(e.target.value)} required />
      </label>
      <label className="field">
        {t("fam.tpk.role")}
        <select value={role} onChange={(e) => setRole(e.target.value as typeof role)}>
          {TPK_MEMBER_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`fam.role.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <ActionError error={error} />
      <button type="submit" className="button button--secondary" disabled={busy}>
        {t("reg.save")}
      </button>
    </form>
  );
}

/** Assign a family screened at risk or a catin of the desa to a member. */
function Assign({ view, onSaved }: { view: TpkTeamView; onSaved: (v: TpkTeamView) => void }) {
  const { t } = useI18n();
  const families = useLoad(`families:${view.regionCode}:assign`, (s) =>
    api.call(familiesApi.list, { params: { code: view.regionCode }, query: {} }, { signal: s }),
  );
  const catin = useLoad(`catin:${view.regionCode}:assign`, (s) =>
    api.call(catinApi.list, { params: { code: view.regionCode }, query: {} }, { signal: s }),
  );
  const women = useLoad(`tpkCandidates:${view.regionCode}`, (s) =>
    api.call(tpkApi.candidates, { params: { code: view.regionCode } }, { signal: s }),
  );
  const [memberId, setMemberId] = useState(view.members[0]?.id ?? "");
  const [subject, setSubject] = useState("");
  const [due, setDue] = useState(todayIso());
  const [id, setId] = useState(newId);
  const { busy, error, run } = useAction();
  const options = [
    ...(families.state.status === "ready"
      ? families.state.data.rows
          .filter((r) => r.atRisk)
          .map((r) => ({
            v: `keluarga:${r.householdId}`,
            l: `${t("fam.kind.keluarga")}: ${r.headName ?? r.address}`,
          }))
      : []),
    ...(women.state.status === "ready"
      ? women.state.data.candidates.map((w) => ({
          v: `${w.kind}:${w.personId}`,
          l: `${t(`fam.kind.${w.kind}`)}: ${w.name}`,
        }))
      : []),
    ...(catin.state.status === "ready"
      ? catin.state.data.rows.map((c) => ({
          v: `catin:${c.id}`,
          l: `${t("fam.kind.catin")}: ${c.person.name}`,
        }))
      : []),
  ];
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const [kind, subjectId] = subject.split(":") as [TpkSubjectKind, string];
    const saved = await run(() =>
      api.call(tpkApi.assign, { body: { id, memberId, subjectKind: kind, subjectId, firstDueOn: due } }),
    );
    if (saved) {
      setId(newId());
      setSubject("");
      onSaved(saved);
    }
  }
  if (view.members.length === 0) return null;
  return (
    <form className="card stack-sm" onSubmit={submit}>
      <h3>{t("fam.tpk.assign")}</h3>
      <label className="field">
        {t("fam.tpk.member")}
        <select value={memberId} onChange={(e) => setMemberId(e.target.value)}>
          {view.members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        {t("fam.tpk.subject")}
        <select value={subject} onChange={(e) => setSubject(e.target.value)} required>
          <option value="">{t("reg.choose")}</option>
          {options.map((o) => (
            <option key={o.v} value={o.v}>
              {o.l}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        {t("fam.tpk.firstDue")}
        <input type="date" value={due} onChange={(e) => setDue(e.target.value)} />
      </label>
      <ActionError error={error} />
      <button type="submit" className="button button--secondary" disabled={busy}>
        {t("reg.save")}
      </button>
    </form>
  );
}
