import type { TpkAssignmentInput, TpkMemberInput, TpkTeamInput } from "@tumbuh/core";
import {
  type Actor,
  isOverdue,
  type RecordVoidInput,
  readScopes,
  type TpkAssignmentView,
  type TpkMemberRole,
  type TpkSubjectKind,
  type TpkTeamList,
  type TpkTeamView,
  type TpkVisitInput,
  todayIso,
} from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { Database } from "../../db/schema";
import { inTransaction } from "../../db/transaction";
import { errors } from "../../errors";
import { nowIso } from "../../util/ids";
import { appendAudit, voidAudited } from "../audit/service";
import { auditCasesIn, recommendationsOf, shareOf } from "../case-audits/repository";
import { findCatin } from "../catin/service";
import { findHousehold } from "../households/service";
import { findPerson } from "../persons/service";
import { writableRegion } from "../region-guard";
import { findRegion } from "../regions/service";
import { isWomanOfKind } from "./candidates";
import {
  assignmentsOf,
  findAssignment,
  findMember,
  findTeam,
  findVisit,
  markVisitVoided,
  membersOf,
  subjectLabels,
  teamsIn,
  visitsOf,
} from "./repository";

const LEVELS = ["desa", "dusun", "posyandu"] as const;

/** Family support team (Tim Pendamping Keluarga: bidan, PKK, kader KB; Paser Pasal 1 angka 31), one per desa. */
export async function createTeam(db: Kysely<Database>, actor: Actor, input: z.infer<typeof TpkTeamInput>) {
  const existing = await findTeam(db, [""], input.id);
  if (existing) return viewTeam(db, actor, input.id);
  await writableRegion(db, actor, input.regionCode, ["desa"]);
  await inTransaction(db, async (trx) => {
    const row = { id: input.id, region_code: input.regionCode, name: input.name, created_at: nowIso() };
    await trx.insertInto("tpk_teams").values(row).execute();
    await appendAudit(trx, actor, {
      action: "tpk_team.create",
      entity: "tpk_team",
      entityId: row.id,
      regionCode: row.region_code,
      after: row,
    });
  });
  return viewTeam(db, actor, input.id);
}

export async function addMember(
  db: Kysely<Database>,
  actor: Actor,
  teamId: string,
  input: z.infer<typeof TpkMemberInput>,
) {
  const team = await findTeam(db, readScopes(actor), teamId);
  if (!team) throw errors.notFound();
  if (await findMember(db, [""], input.id)) return viewTeam(db, actor, teamId);
  await writableRegion(db, actor, team.region_code, ["desa"]);
  if (input.userId) {
    const user = await db.selectFrom("users").select("id").where("id", "=", input.userId).executeTakeFirst();
    if (!user) throw errors.validation("userId", "userId: no such user");
  }
  await inTransaction(db, async (trx) => {
    const row = {
      id: input.id,
      region_code: team.region_code,
      team_id: team.id,
      name: input.name,
      role: input.role,
      user_id: input.userId ?? null,
      created_at: nowIso(),
    };
    await trx.insertInto("tpk_members").values(row).execute();
    await appendAudit(trx, actor, {
      action: "tpk_member.create",
      entity: "tpk_member",
      entityId: row.id,
      regionCode: row.region_code,
      after: row,
    });
  });
  return viewTeam(db, actor, teamId);
}

/** The subject must exist inside the actor's scope and inside the team's desa. */
async function subjectRegion(
  db: Kysely<Database>,
  scopes: readonly string[],
  kind: TpkSubjectKind,
  id: string,
) {
  if (kind === "keluarga") return (await findHousehold(db, scopes, id))?.region_code;
  if (kind === "catin") return (await findCatin(db, scopes, id))?.region_code;
  const p = await findPerson(db, scopes, id);
  // a pregnant woman / post-partum mother as the registry shows her today (pregnancy, child born ≤ 42 days)
  return p && p.sex === 2 && !p.merged_into && (await isWomanOfKind(db, p.id, kind))
    ? p.region_code
    : undefined;
}

export async function assignSubject(
  db: Kysely<Database>,
  actor: Actor,
  input: z.infer<typeof TpkAssignmentInput>,
) {
  const scopes = readScopes(actor);
  const member = await findMember(db, scopes, input.memberId);
  if (!member) throw errors.notFound();
  if (await findAssignment(db, [""], input.id)) return viewTeam(db, actor, member.team_id);
  await writableRegion(db, actor, member.region_code, ["desa"]);
  const region = await subjectRegion(db, scopes, input.subjectKind, input.subjectId);
  if (!region || !(region === member.region_code || region.startsWith(`${member.region_code}.`)))
    throw errors.validation("subjectId", "subjectId: not found in the team's desa");
  await inTransaction(db, async (trx) => {
    const row = {
      id: input.id,
      region_code: member.region_code,
      member_id: member.id,
      subject_kind: input.subjectKind,
      subject_id: input.subjectId,
      first_due_on: input.firstDueOn,
      created_at: nowIso(),
    };
    await trx.insertInto("tpk_assignments").values(row).execute();
    await appendAudit(trx, actor, {
      action: "tpk_assignment.create",
      entity: "tpk_assignment",
      entityId: row.id,
      regionCode: row.region_code,
      after: row,
    });
  });
  return viewTeam(db, actor, member.team_id);
}

/**
 * A TPK visit (Paser Pasal 13(2): counselling, referral facilitation, social-assistance facilitation),
 * appended; the client id makes a replay a no-op. The next due date drives "overdue".
 */
export async function recordVisit(db: Kysely<Database>, actor: Actor, input: TpkVisitInput) {
  const scopes = readScopes(actor);
  const a = await findAssignment(db, scopes, input.assignmentId);
  if (!a) throw errors.notFound();
  const member = await findMember(db, [""], a.member_id);
  if (!member) throw errors.notFound();
  const replay = await db.selectFrom("tpk_visits").select("id").where("id", "=", input.id).executeTakeFirst();
  if (replay) return viewTeam(db, actor, member.team_id);
  await writableRegion(db, actor, a.region_code, LEVELS);
  if (input.visitedOn > todayIso()) throw errors.validation("visitedOn", "visitedOn: is in the future");
  if (input.nextDueOn && input.nextDueOn <= input.visitedOn)
    throw errors.validation("nextDueOn", "nextDueOn: must be after the visit");
  if (input.referralDone != null && !input.referralTo)
    throw errors.validation("referralTo", "referralTo: say where the referral went");
  if (input.socialOutcome && !input.socialProgramme)
    throw errors.validation("socialProgramme", "socialProgramme: name the programme");
  await inTransaction(db, async (trx) => {
    const row = {
      id: input.id,
      region_code: a.region_code,
      assignment_id: a.id,
      visited_on: input.visitedOn,
      counselling: input.counselling ?? null,
      referral_to: input.referralTo ?? null,
      referral_done: input.referralDone == null ? null : input.referralDone ? 1 : 0,
      social_programme: input.socialProgramme ?? null,
      social_outcome: input.socialOutcome ?? null,
      next_due_on: input.nextDueOn ?? null,
      note: input.note ?? null,
      created_at: nowIso(),
      created_by: actor.username,
    };
    await trx.insertInto("tpk_visits").values(row).execute();
    await appendAudit(trx, actor, {
      action: "tpk_visit.create",
      entity: "tpk_visit",
      entityId: row.id,
      regionCode: row.region_code,
      after: row,
    });
  });
  return viewTeam(db, actor, member.team_id);
}

/**
 * Void a visit recorded by mistake (wrong family, never happened), with a reason (issue 17): kept, audited,
 * shown struck in the assignment's history; the due date, the visit count and the "families accompanied"
 * figure no longer count it. Voiding it again is a no-op (a phone may resend).
 */
export async function voidVisit(db: Kysely<Database>, actor: Actor, input: RecordVoidInput) {
  const v = await findVisit(db, readScopes(actor), input.id);
  if (!v) throw errors.notFound();
  const a = await findAssignment(db, [""], v.assignment_id);
  const member = a && (await findMember(db, [""], a.member_id));
  if (!member) throw errors.notFound();
  await writableRegion(db, actor, v.region_code, LEVELS);
  if (!v.voided_at) {
    const what = { action: "tpk_visit.void", entity: "tpk_visit", before: v, reason: input.reason };
    await voidAudited(db, actor, v, what, (trx, at) =>
      markVisitVoided(trx, v.id, actor.userId, input.reason, at),
    );
  }
  return viewTeam(db, actor, member.team_id);
}

export async function listTeams(
  db: Kysely<Database>,
  actor: Actor,
  regionCode: string,
): Promise<TpkTeamList> {
  const scopes = readScopes(actor);
  if (!(await findRegion(db, scopes, regionCode))) throw errors.notFound();
  const teams = await teamsIn(db, scopes, regionCode);
  return { teams: teams.map((t) => ({ id: t.id, regionCode: t.region_code, name: t.name })) };
}

/**
 * The team's dashboard: members with their caseload and overdue follow-ups, every assignment with its
 * next due date (the latest visit's next date, else the first due date), the audit recommendations the
 * team owns that are overdue, and the audited share of stunted under-twos in its desa vs the 50% target.
 */
export async function viewTeam(db: Kysely<Database>, actor: Actor, id: string): Promise<TpkTeamView> {
  const scopes = readScopes(actor);
  const team = await findTeam(db, scopes, id);
  if (!team) throw errors.notFound();
  const today = todayIso();
  const region = await findRegion(db, scopes, team.region_code);
  const members = await membersOf(db, team.id);
  const assignments = await assignmentsOf(
    db,
    members.map((m) => m.id),
  );
  const visits = await visitsOf(
    db,
    assignments.map((a) => a.id),
  );
  const labels = await subjectLabels(db, assignments);
  const views: TpkAssignmentView[] = assignments.map((a) => {
    const all = visits.filter((v) => v.assignment_id === a.id);
    // A voided visit stays in the history only: it moves no due date and counts nowhere (issue 17).
    const vs = all.filter((v) => !v.voided_at);
    const last = vs[vs.length - 1];
    const dueOn = last ? last.next_due_on : a.first_due_on;
    return {
      id: a.id,
      memberId: a.member_id,
      subjectKind: a.subject_kind as TpkSubjectKind,
      subjectId: a.subject_id,
      subjectLabel: labels.get(a.subject_id) ?? "—",
      dueOn,
      overdue: isOverdue(dueOn, false, today),
      lastVisit: last
        ? {
            visitedOn: last.visited_on,
            counselling: last.counselling,
            referralTo: last.referral_to,
            referralDone: last.referral_done === null ? null : last.referral_done === 1,
            socialProgramme: last.social_programme,
            socialOutcome: last.social_outcome,
          }
        : null,
      visits: vs.length,
      history: all
        .map((v) => ({
          id: v.id,
          visitedOn: v.visited_on,
          counselling: v.counselling,
          referralTo: v.referral_to,
          referralDone: v.referral_done === null ? null : v.referral_done === 1,
          socialProgramme: v.social_programme,
          socialOutcome: v.social_outcome,
          nextDueOn: v.next_due_on,
          voidReason: v.voided_at ? (v.void_reason ?? "") : null,
        }))
        .reverse(),
    };
  });
  const recs = await recommendationsOf(db, { teamId: team.id }, today);
  const auditIds = [...new Set(recs.filter((r) => r.overdue).map((r) => r.auditId))];
  const names = new Map<string, string>();
  if (auditIds.length)
    for (const a of await db
      .selectFrom("case_audits as a")
      .innerJoin("persons as p", "p.id", "a.child_id")
      .select(["a.id", "p.name"])
      .where("a.id", "in", auditIds)
      .execute())
      names.set(a.id, a.name);
  const cases = await auditCasesIn(db, scopes, team.region_code, today);
  return {
    id: team.id,
    regionCode: team.region_code,
    regionName: region?.name ?? team.region_code,
    name: team.name,
    members: members.map((m) => ({
      id: m.id,
      name: m.name,
      role: m.role as TpkMemberRole,
      userId: m.user_id,
      caseload: views.filter((v) => v.memberId === m.id).length,
      overdue: views.filter((v) => v.memberId === m.id && v.overdue).length,
    })),
    assignments: views,
    overdueFollowUps: recs
      .filter((r) => r.overdue)
      .map((r) => ({
        recommendationId: r.id,
        auditId: r.auditId,
        childName: names.get(r.auditId) ?? "—",
        domain: r.domain,
        text: r.text,
        ownerName: r.ownerName,
        dueOn: r.dueOn,
        status: r.status === "selesai" ? "berjalan" : r.status,
      })),
    auditShare: shareOf(cases),
  };
}

// TPK teams as case audits (recommendation owners) and planning (institutions page) read them.
export { findTeam, memberCounts, teamsIn } from "./repository";
