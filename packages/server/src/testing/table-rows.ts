import type { Kysely } from "kysely";
import type { Database, MeasurementsTable, PersonsTable } from "../db/schema";

/**
 * Rows exactly as the tables hold them, for tests of code that writes below the feature services (bulk and
 * fed inserts, an import's store): a child and a measurement with every column, plausible values, and what
 * the test names changed. Tests through the services use ./factories instead.
 */
const AT = "2026-12-06T00:00:00.000Z";

export function personRow(id: string, region: string, change: Partial<PersonsTable> = {}): PersonsTable {
  return {
    id,
    region_code: region,
    household_id: null,
    name: `Anak ${id}`,
    name_key: `anak ${id}`,
    sex: 1,
    birth_date: "2025-01-01",
    nik: null,
    mother_id: null,
    parent_name: null,
    birth_weight_kg: null,
    birth_length_cm: null,
    created_at: AT,
    updated_at: AT,
    revision: 1,
    deleted_at: null,
    merged_into: null,
    ...change,
  };
}

export function measurementRow(
  id: string,
  person: PersonsTable,
  change: Partial<MeasurementsTable> = {},
): MeasurementsTable {
  return {
    id,
    person_id: person.id,
    region_code: person.region_code,
    session_id: null,
    import_id: null,
    measured_on: "2026-08-01",
    weight_kg: 9.5,
    lenhei_cm: null,
    measure: null,
    muac_cm: null,
    headc_cm: null,
    oedema: 0,
    measured_by: null,
    created_at: AT,
    created_by: null,
    deleted_at: null,
    age_days: 577,
    zlen: null,
    zwei: 0.1,
    zwfl: null,
    zbmi: null,
    flagged: 0,
    tbu: null,
    bbu: "bbu.normal",
    bbtb: null,
    imtu: null,
    growth_version: 1,
    ...change,
  };
}

/** How many rows a table holds. */
export async function rowCount(
  db: Kysely<Database>,
  table: "persons" | "measurements" | "imports",
): Promise<number> {
  const r = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The change feed summed up: how many rows of each entity each region was given. */
export async function feedByRegion(db: Kysely<Database>) {
  const feed = await db
    .selectFrom("sync_changes")
    .select(["entity", "region_code"])
    .select((eb) => eb.fn.countAll().as("n"))
    .groupBy(["entity", "region_code"])
    .orderBy(["entity", "region_code"])
    .execute();
  return feed.map((f) => ({ ...f, n: Number(f.n) }));
}
