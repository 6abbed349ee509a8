import type { Kysely, Transaction } from "kysely";
import type { Database, TikaReadingsTable } from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";

type Conn = Kysely<Database> | Transaction<Database>;

export async function readingById(db: Conn, id: string) {
  return db.selectFrom("tika_readings").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertReading(db: Conn, row: TikaReadingsTable): Promise<void> {
  await db.insertInto("tika_readings").values(row).execute();
}

/** A child's readings, oldest first (the child is already known to be in scope). */
export async function readingsOfPerson(db: Conn, personId: string) {
  return db
    .selectFrom("tika_readings")
    .selectAll()
    .where("person_id", "=", personId)
    .orderBy("measured_on")
    .orderBy("created_at")
    .execute();
}

/**
 * Readings from `from` to `to` of children registered in a region (where the child is registered now, as
 * the SKDN counts them, so a child who moved is counted once, at home), oldest first.
 */
export async function readingsInRegion(
  db: Conn,
  scopes: readonly string[],
  regionCode: string,
  from: string,
  to: string,
) {
  return db
    .selectFrom("tika_readings as t")
    .innerJoin("persons as p", "p.id", "t.person_id")
    .select(["t.person_id", "t.measured_on", "t.band"])
    .where("p.deleted_at", "is", null)
    .where(withinScopes("p.region_code", scopes))
    .where(withinScopes("p.region_code", [regionCode]))
    .where("t.measured_on", ">=", from)
    .where("t.measured_on", "<=", to)
    .orderBy("t.measured_on")
    .orderBy("t.created_at")
    .execute();
}
