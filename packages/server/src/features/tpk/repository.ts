import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";

type Conn = Kysely<Database> | Transaction<Database>;

export async function findTeam(db: Conn, scopes: readonly string[], id: string) {
  return db
    .selectFrom("tpk_teams")
    .selectAll()
    .where("id", "=", id)
    .where(withinScopes("region_code", scopes))
    .executeTakeFirst();
}

export async function teamsIn(db: Conn, scopes: readonly string[], regionCode: string) {
  return db
    .selectFrom("tpk_teams")
    .selectAll()
    .where(withinScopes("region_code", scopes))
    .where(withinScopes("region_code", [regionCode]))
    .orderBy("region_code")
    .orderBy("name")
    .execute();
}

export async function membersOf(db: Conn, teamId: string) {
  return db
    .selectFrom("tpk_members")
    .selectAll()
    .where("team_id", "=", teamId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export async function findMember(db: Conn, scopes: readonly string[], id: string) {
  return db
    .selectFrom("tpk_members")
    .selectAll()
    .where("id", "=", id)
    .where(withinScopes("region_code", scopes))
    .executeTakeFirst();
}

export async function findAssignment(db: Conn, scopes: readonly string[], id: string) {
  return db
    .selectFrom("tpk_assignments")
    .selectAll()
    .where("id", "=", id)
    .where(withinScopes("region_code", scopes))
    .executeTakeFirst();
}

export async function assignmentsOf(db: Conn, memberIds: readonly string[]) {
  if (memberIds.length === 0) return [];
  return db
    .selectFrom("tpk_assignments")
    .selectAll()
    .where("member_id", "in", memberIds)
    .orderBy("first_due_on")
    .orderBy("id")
    .execute();
}

/** Every visit of the assignments, voided ones included (the history shows them struck), oldest first. */
export async function visitsOf(db: Conn, assignmentIds: readonly string[]) {
  if (assignmentIds.length === 0) return [];
  return db
    .selectFrom("tpk_visits")
    .selectAll()
    .where("assignment_id", "in", assignmentIds)
    .orderBy("visited_on")
    .orderBy("id")
    .execute();
}

/** One visit inside the scopes (voided ones too: their history is shown). */
export async function findVisit(db: Conn, scopes: readonly string[], id: string) {
  return db
    .selectFrom("tpk_visits")
    .selectAll()
    .where("id", "=", id)
    .where(withinScopes("region_code", scopes))
    .executeTakeFirst();
}

/** Void a visit (issue 17): kept with who, when and why; the team view and the figures leave it out. */
export async function markVisitVoided(db: Conn, id: string, by: string, reason: string, at: string) {
  await db
    .updateTable("tpk_visits")
    .set({ voided_at: at, voided_by: by, void_reason: reason })
    .where("id", "=", id)
    .where("voided_at", "is", null)
    .execute();
}

/** Names of the subjects (households by head/address, catin and persons by name) for a team's page. */
export async function subjectLabels(db: Conn, rows: readonly { subject_kind: string; subject_id: string }[]) {
  const labels = new Map<string, string>();
  const ids = (k: (kind: string) => boolean) =>
    rows.filter((r) => k(r.subject_kind)).map((r) => r.subject_id);
  const hh = ids((k) => k === "keluarga");
  if (hh.length)
    for (const h of await db
      .selectFrom("households")
      .select(["id", "head_name", "address"])
      .where("id", "in", hh)
      .execute())
      labels.set(h.id, `${h.head_name ?? "Keluarga"} — ${h.address}`);
  const ct = ids((k) => k === "catin");
  if (ct.length)
    for (const c of await db
      .selectFrom("catin as c")
      .innerJoin("persons as p", "p.id", "c.person_id")
      .select(["c.id", "p.name"])
      .where("c.id", "in", ct)
      .execute())
      labels.set(c.id, c.name);
  const ps = ids((k) => k === "ibu_hamil" || k === "ibu_nifas");
  if (ps.length)
    for (const p of await db.selectFrom("persons").select(["id", "name"]).where("id", "in", ps).execute())
      labels.set(p.id, p.name);
  return labels;
}

/** Members per team, for lists that show a team's size (the planning institutions page). */
export async function memberCounts(db: Conn, teamIds: readonly string[]): Promise<Map<string, number>> {
  if (teamIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("tpk_members")
    .select(["team_id", (eb) => eb.fn.countAll<number | string>().as("n")])
    .where("team_id", "in", [...teamIds])
    .groupBy("team_id")
    .execute();
  return new Map(rows.map((r) => [r.team_id, Number(r.n)]));
}
