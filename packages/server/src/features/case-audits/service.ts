import {
  type Actor,
  type AuditCaseList,
  AuditFindingsSchema,
  type CaseAuditInput,
  type CaseAuditView,
  type FollowUpInput,
  readScopes,
  todayIso,
} from "@tumbuh/core";
import type { Kysely } from "kysely";
import { parseJsonColumn } from "../../db/json-column";
import type { Database } from "../../db/schema";
import { inTransaction } from "../../db/transaction";
import { errors } from "../../errors";
import { nowIso } from "../../util/ids";
import { appendAudit } from "../audit/service";
import { findPerson } from "../persons/service";
import { writableRegion } from "../region-guard";
import { findRegion } from "../regions/service";
import { findTeam } from "../tpk/service";
import { auditCasesIn, findAudit, findRecommendation, recommendationsOf, shareOf } from "./repository";

const LEVELS = ["desa", "dusun", "posyandu"] as const;

/** Stunted under-twos of a region with whether each is audited, and the audited share vs the 50% target. */
export async function listAuditCases(
  db: Kysely<Database>,
  actor: Actor,
  regionCode: string,
): Promise<AuditCaseList> {
  const scopes = readScopes(actor);
  if (!(await findRegion(db, scopes, regionCode))) throw errors.notFound();
  const cases = await auditCasesIn(db, scopes, regionCode, todayIso());
  return { cases, share: shareOf(cases) };
}

export async function viewAudit(db: Kysely<Database>, actor: Actor, id: string): Promise<CaseAuditView> {
  const a = await findAudit(db, readScopes(actor), id);
  if (!a) throw errors.notFound();
  const recs = await recommendationsOf(db, { auditIds: [a.id] }, todayIso());
  return {
    id: a.id,
    regionCode: a.region_code,
    child: { id: a.child_id, name: a.name, birthDate: a.birth_date },
    auditedOn: a.audited_on,
    team: a.team,
    findings: parseJsonColumn(AuditFindingsSchema, a.findings_json),
    recommendations: recs.map(({ auditId: _, ...r }) => r),
  };
}

/**
 * Records a stunting case audit (Paser Pasal 13(5)) with findings by cause domain and recommendations,
 * each owned by a family support team with a due date. One transaction; the client id makes a replay a no-op.
 */
export async function recordCaseAudit(
  db: Kysely<Database>,
  actor: Actor,
  input: CaseAuditInput,
): Promise<CaseAuditView> {
  const existing = await db
    .selectFrom("case_audits")
    .select("id")
    .where("id", "=", input.id)
    .executeTakeFirst();
  if (existing) return viewAudit(db, actor, input.id);
  const scopes = readScopes(actor);
  const child = await findPerson(db, scopes, input.childId);
  if (!child || child.merged_into) throw errors.notFound();
  await writableRegion(db, actor, child.region_code, LEVELS);
  if (input.auditedOn > todayIso()) throw errors.validation("auditedOn", "auditedOn: is in the future");
  if (Object.keys(input.findings).length === 0)
    throw errors.validation("findings", "findings: record at least one cause domain");
  for (const [i, r] of input.recommendations.entries()) {
    if (!(await findTeam(db, scopes, r.ownerTeamId)))
      throw errors.validation(
        `recommendations.${i}.ownerTeamId`,
        `recommendations.${i}.ownerTeamId: no such team in your area`,
      );
  }
  const at = nowIso();
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto("case_audits")
      .values({
        id: input.id,
        region_code: child.region_code,
        child_id: child.id,
        audited_on: input.auditedOn,
        team: input.team,
        findings_json: JSON.stringify(input.findings),
        created_at: at,
        created_by: actor.username,
      })
      .execute();
    for (const r of input.recommendations) {
      await trx
        .insertInto("audit_recommendations")
        .values({
          id: r.id,
          region_code: child.region_code,
          audit_id: input.id,
          domain: r.domain,
          text: r.text,
          owner_team_id: r.ownerTeamId,
          owner_name: r.ownerName ?? null,
          due_on: r.dueOn,
        })
        .execute();
    }
    await appendAudit(trx, actor, {
      action: "case_audit.create",
      entity: "case_audit",
      entityId: input.id,
      regionCode: child.region_code,
      after: input,
    });
  });
  return viewAudit(db, actor, input.id);
}

/** A follow-up on a recommendation (appended; the latest one is its status). Replay = no-op. */
export async function recordFollowUp(
  db: Kysely<Database>,
  actor: Actor,
  input: FollowUpInput,
): Promise<CaseAuditView> {
  const rec = await findRecommendation(db, readScopes(actor), input.recommendationId);
  if (!rec) throw errors.notFound();
  const existing = await db
    .selectFrom("audit_followups")
    .select("id")
    .where("id", "=", input.id)
    .executeTakeFirst();
  if (existing) return viewAudit(db, actor, rec.audit_id);
  await writableRegion(db, actor, rec.region_code, LEVELS);
  if (input.on > todayIso()) throw errors.validation("on", "on: is in the future");
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto("audit_followups")
      .values({
        id: input.id,
        region_code: rec.region_code,
        recommendation_id: rec.id,
        on_date: input.on,
        status: input.status,
        note: input.note ?? null,
        created_at: nowIso(),
        created_by: actor.username,
      })
      .execute();
    await appendAudit(trx, actor, {
      action: "audit_followup.create",
      entity: "audit_recommendation",
      entityId: rec.id,
      regionCode: rec.region_code,
      after: input,
    });
  });
  return viewAudit(db, actor, rec.audit_id);
}

// Case audits as the TPK team dashboard reads them: stunted under-twos, audited share, recommendations.
export { auditCasesIn, recommendationsOf, shareOf } from "./repository";
