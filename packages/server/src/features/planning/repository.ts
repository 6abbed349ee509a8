import { type FundingSource, isVillageBudget } from "@tumbuh/core";
import type { Kysely, Selectable, Transaction } from "kysely";
import type {
  Database,
  PlanningCampaignsTable,
  PlanningCyclesTable,
  PlanningMeetingsTable,
  PlanningProposalsTable,
  PlanningReviewsTable,
  PlanningStagesTable,
} from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";

// Every read takes the actor's scopes: a cycle outside them is simply not found.
type Conn = Kysely<Database> | Transaction<Database>;
export type CycleRow = Selectable<PlanningCyclesTable>;
export type StageRow = Selectable<PlanningStagesTable>;
export type MeetingRow = Selectable<PlanningMeetingsTable>;
export type ProposalRow = Selectable<PlanningProposalsTable>;
export type ReviewRow = Selectable<PlanningReviewsTable>;
export type CampaignRow = Selectable<PlanningCampaignsTable>;

export async function findCycle(db: Conn, scopes: readonly string[], id: string) {
  return db
    .selectFrom("planning_cycles")
    .selectAll()
    .where("id", "=", id)
    .where(withinScopes("region_code", scopes))
    .executeTakeFirst();
}

export async function findCycleOf(db: Conn, scopes: readonly string[], regionCode: string, year: number) {
  return db
    .selectFrom("planning_cycles")
    .selectAll()
    .where("region_code", "=", regionCode)
    .where("year", "=", year)
    .where(withinScopes("region_code", scopes))
    .executeTakeFirst();
}

export async function cyclesIn(db: Conn, scopes: readonly string[], prefix: string, year: number) {
  return db
    .selectFrom("planning_cycles")
    .selectAll()
    .where("year", "=", year)
    .where(withinScopes("region_code", scopes))
    .where(withinScopes("region_code", [prefix]))
    .execute();
}

export async function stagesOfCycles(
  db: Conn,
  scopes: readonly string[],
  cycleIds: readonly string[],
): Promise<StageRow[]> {
  const out: StageRow[] = [];
  for (let i = 0; i < cycleIds.length; i += 500) {
    if (cycleIds.length === 0) break;
    out.push(
      ...(await db
        .selectFrom("planning_stages")
        .selectAll()
        .where("cycle_id", "in", cycleIds.slice(i, i + 500))
        .where(withinScopes("region_code", scopes))
        .execute()),
    );
  }
  return out;
}

/** Sum of the APB Desa amounts (Dana Desa and other village revenue: core `isVillageBudget`) of proposals taken
 *  into the plan, per cycle — the numerator of the APB Desa share (PALI Pasal 40(5), Paser Pasal 50). */
export async function budgetsOfCycles(
  db: Conn,
  scopes: readonly string[],
  cycleIds: readonly string[],
): Promise<Map<string, number>> {
  const map = new Map<string, number>();
  for (let i = 0; i < cycleIds.length; i += 500) {
    const rows = await db
      .selectFrom("planning_proposals")
      .select(["cycle_id", "budget_amount", "funding_source"])
      .where("cycle_id", "in", cycleIds.slice(i, i + 500))
      .where(withinScopes("region_code", scopes))
      .where("in_plan", "=", 1)
      .execute();
    for (const r of rows) {
      if (!isVillageBudget(r.funding_source as FundingSource)) continue;
      map.set(r.cycle_id, (map.get(r.cycle_id) ?? 0) + (r.budget_amount ?? 0));
    }
  }
  return map;
}

export async function approvedCycles(
  db: Conn,
  scopes: readonly string[],
  cycleIds: readonly string[],
): Promise<Set<string>> {
  const set = new Set<string>();
  for (let i = 0; i < cycleIds.length; i += 500) {
    const rows = await db
      .selectFrom("planning_reviews")
      .select(["cycle_id", "decision", "at"])
      .where("cycle_id", "in", cycleIds.slice(i, i + 500))
      .where(withinScopes("region_code", scopes))
      .orderBy("at")
      .execute();
    // The latest decision counts: an approval followed by a request for changes is no longer approved.
    const last = new Map<string, string>();
    for (const r of rows) if (r.decision !== "komentar") last.set(r.cycle_id, r.decision);
    for (const [id, d] of last) if (d === "setuju") set.add(id);
  }
  return set;
}

export async function meetingsOf(db: Conn, scopes: readonly string[], cycleId: string) {
  return db
    .selectFrom("planning_meetings")
    .selectAll()
    .where("cycle_id", "=", cycleId)
    .where(withinScopes("region_code", scopes))
    .orderBy("held_on")
    .orderBy("created_at")
    .execute();
}

export async function proposalsOf(db: Conn, scopes: readonly string[], cycleId: string) {
  return db
    .selectFrom("planning_proposals")
    .selectAll()
    .where("cycle_id", "=", cycleId)
    .where(withinScopes("region_code", scopes))
    .orderBy("priority")
    .orderBy("created_at")
    .execute();
}

export async function findProposal(db: Conn, scopes: readonly string[], id: string) {
  return db
    .selectFrom("planning_proposals")
    .selectAll()
    .where("id", "=", id)
    .where(withinScopes("region_code", scopes))
    .executeTakeFirst();
}

export async function reviewsOf(db: Conn, scopes: readonly string[], cycleId: string) {
  return db
    .selectFrom("planning_reviews")
    .selectAll()
    .where("cycle_id", "=", cycleId)
    .where(withinScopes("region_code", scopes))
    .orderBy("at")
    .execute();
}

export async function campaignsOf(db: Conn, scopes: readonly string[], cycleId: string) {
  return db
    .selectFrom("planning_campaigns")
    .selectAll()
    .where("cycle_id", "=", cycleId)
    .where(withinScopes("region_code", scopes))
    .orderBy("held_on")
    .execute();
}

/** Reviews written since `sinceIso` on cycles in the scopes, with the cycle's year and region name (inbox). */
export async function recentPlanReviews(db: Conn, scopes: readonly string[], sinceIso: string) {
  return db
    .selectFrom("planning_reviews as r")
    .innerJoin("planning_cycles as c", "c.id", "r.cycle_id")
    .innerJoin("regions as g", "g.code", "c.region_code")
    .select([
      "r.id",
      "r.region_code",
      "r.decision",
      "r.reviewer_name",
      "r.at",
      "c.year",
      "g.name as region_name",
    ])
    .where(withinScopes("r.region_code", scopes))
    .where("r.at", ">=", sinceIso)
    .orderBy("r.at", "desc")
    .limit(50)
    .execute();
}
