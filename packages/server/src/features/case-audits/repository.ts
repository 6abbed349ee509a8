import {
  AUDIT_TARGET_SHARE,
  type AuditCase,
  type AuditDomain,
  type AuditShareView,
  addDays,
  auditShare,
  completedMonths,
  isAuditableCase,
  isOverdue,
  presentOn,
  type RecommendationView,
} from "@tumbuh/core";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";

type Conn = Kysely<Database> | Transaction<Database>;

/**
 * Stunted children under two in a region today (the audit's target group, Paser Pasal 13(5) and annex
 * SS4 indicator 8): children under 24 months whose latest plausible length-for-age is below −2 SD.
 */
export async function auditCasesIn(
  db: Conn,
  scopes: readonly string[],
  regionCode: string,
  today: string,
): Promise<AuditCase[]> {
  const children = await db
    .selectFrom("persons")
    .select(["id", "name", "birth_date", "region_code", "left_on"])
    .where("deleted_at", "is", null)
    .where("merged_into", "is", null)
    .where(withinScopes("region_code", scopes))
    .where(withinScopes("region_code", [regionCode]))
    .where("birth_date", ">", addDays(today, -800))
    .where("birth_date", "<=", today)
    .execute();
  // A child who moved away or died is no longer a case to audit here (core presentOn, issue 17).
  const under2 = children.filter(
    (c) => completedMonths(c.birth_date, today) < 24 && presentOn({ leftOn: c.left_on }, today),
  );
  const latest = new Map<string, { measured_on: string; tbu: string | null; zlen: number | null }>();
  const audited = new Map<string, string>();
  for (let i = 0; i < under2.length; i += 500) {
    const ids = under2.slice(i, i + 500).map((c) => c.id);
    // Only each child's latest plausible measurement (the index on person_id, measured_on answers the
    // subquery), not its whole history: a regency has ~10,000 under-twos with two years of weighings.
    const rows = await db
      .selectFrom("measurements as m")
      .select(["m.person_id", "m.measured_on", "m.tbu", "m.zlen"])
      .where("m.person_id", "in", ids)
      .where("m.deleted_at", "is", null)
      .where("m.flagged", "=", 0)
      .where("m.tbu", "is not", null)
      .where((eb) =>
        eb(
          "m.measured_on",
          "=",
          eb
            .selectFrom("measurements as l")
            .select((e) => e.fn.max("l.measured_on").as("last"))
            .whereRef("l.person_id", "=", "m.person_id")
            .where("l.deleted_at", "is", null)
            .where("l.flagged", "=", 0)
            .where("l.tbu", "is not", null),
        ),
      )
      .orderBy("m.measured_on")
      .execute();
    for (const r of rows) latest.set(r.person_id, r);
    const audits = await db
      .selectFrom("case_audits")
      .select(["id", "child_id"])
      .where("child_id", "in", ids)
      .execute();
    for (const a of audits) audited.set(a.child_id, a.id);
  }
  const cases: AuditCase[] = [];
  for (const c of under2) {
    const m = latest.get(c.id);
    if (!m || !isAuditableCase(c.birth_date, m.measured_on, m.tbu)) continue;
    cases.push({
      childId: c.id,
      name: c.name,
      birthDate: c.birth_date,
      regionCode: c.region_code,
      measuredOn: m.measured_on,
      tbu: m.tbu as string,
      zlen: m.zlen,
      auditId: audited.get(c.id) ?? null,
    });
  }
  cases.sort((a, b) => a.name.localeCompare(b.name));
  return cases;
}

export function shareOf(cases: readonly AuditCase[]): AuditShareView {
  const audited = cases.filter((c) => c.auditId !== null).length;
  return {
    stuntedUnder2: cases.length,
    audited,
    target: AUDIT_TARGET_SHARE,
    ...auditShare(cases.length, audited),
  };
}

export async function recommendationsOf(
  db: Conn,
  where: { auditIds?: readonly string[]; teamId?: string },
  today: string,
): Promise<(RecommendationView & { auditId: string })[]> {
  let q = db.selectFrom("audit_recommendations").selectAll();
  if (where.auditIds) {
    if (where.auditIds.length === 0) return [];
    q = q.where("audit_id", "in", where.auditIds);
  }
  if (where.teamId) q = q.where("owner_team_id", "=", where.teamId);
  const recs = await q.orderBy("due_on").orderBy("id").execute();
  if (recs.length === 0) return [];
  const followUps = await db
    .selectFrom("audit_followups")
    .selectAll()
    .where(
      "recommendation_id",
      "in",
      recs.map((r) => r.id),
    )
    .orderBy("on_date")
    .orderBy("id")
    .execute();
  return recs.map((r) => {
    const fs = followUps.filter((f) => f.recommendation_id === r.id);
    const last = fs[fs.length - 1];
    const status = (last?.status ?? "terbuka") as RecommendationView["status"];
    return {
      id: r.id,
      auditId: r.audit_id,
      domain: r.domain as AuditDomain,
      text: r.text,
      ownerTeamId: r.owner_team_id,
      ownerName: r.owner_name,
      dueOn: r.due_on,
      status,
      overdue: isOverdue(r.due_on, status === "selesai", today),
      followUps: fs.map((f) => ({ id: f.id, on: f.on_date, status: f.status, note: f.note })),
    };
  });
}

export async function findAudit(db: Conn, scopes: readonly string[], id: string) {
  return db
    .selectFrom("case_audits as a")
    .innerJoin("persons as p", "p.id", "a.child_id")
    .selectAll("a")
    .select(["p.name", "p.birth_date"])
    .where("a.id", "=", id)
    .where(withinScopes("a.region_code", scopes))
    .executeTakeFirst();
}

export async function findRecommendation(db: Conn, scopes: readonly string[], id: string) {
  return db
    .selectFrom("audit_recommendations")
    .selectAll()
    .where("id", "=", id)
    .where(withinScopes("region_code", scopes))
    .executeTakeFirst();
}
