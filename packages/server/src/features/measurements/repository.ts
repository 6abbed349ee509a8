import type { RawMeasurement } from "@tumbuh/core/growth-views";
import type { Kysely, Selectable, Transaction } from "kysely";
import type { Database, MeasurementsTable } from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";

type Conn = Kysely<Database> | Transaction<Database>;
export type MeasurementRow = Selectable<MeasurementsTable>;

export function toRaw(r: MeasurementRow): RawMeasurement {
  return {
    id: r.id,
    measuredOn: r.measured_on,
    weightKg: r.weight_kg,
    lenheiCm: r.lenhei_cm,
    measure: r.measure === "l" || r.measure === "h" ? r.measure : null,
    muacCm: r.muac_cm,
    headcCm: r.headc_cm,
    oedema: r.oedema === 1,
    measuredBy: r.measured_by,
    imported: r.import_id !== null,
  };
}

/** A person's live measurements (the person is already known to be in scope). */
export async function measurementsOf(db: Conn, personId: string): Promise<RawMeasurement[]> {
  const rows = await db
    .selectFrom("measurements")
    .selectAll()
    .where("person_id", "=", personId)
    .where("deleted_at", "is", null)
    .orderBy("measured_on")
    .execute();
  return rows.map(toRaw);
}

/** One live measurement of a person, or undefined. */
export async function liveMeasurement(db: Conn, personId: string, id: string) {
  return db
    .selectFrom("measurements")
    .selectAll()
    .where("id", "=", id)
    .where("person_id", "=", personId)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
}

/** Void a row: kept with who and why; every list, aggregate and view reads live rows only. */
export async function voidRow(db: Conn, id: string, by: string | null, reason: string, at: string) {
  await db
    .updateTable("measurements")
    .set({ deleted_at: at, voided_by: by, change_reason: reason })
    .where("id", "=", id)
    .execute();
}

export async function measurementOnDay(db: Conn, personId: string, day: string) {
  return db
    .selectFrom("measurements")
    .select("id")
    .where("person_id", "=", personId)
    .where("measured_on", "=", day)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
}

export async function insertMeasurements(db: Conn, rows: readonly MeasurementsTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto("measurements")
      .values(rows.slice(i, i + 200))
      .execute();
  }
}

/** Live measurements of many persons up to a day, for lists (scope checked on the persons). */
export async function measurementsOfPersons(
  db: Conn,
  personIds: readonly string[],
  from: string,
  to: string,
): Promise<Map<string, RawMeasurement[]>> {
  const map = new Map<string, RawMeasurement[]>();
  for (let i = 0; i < personIds.length; i += 500) {
    const rows = await db
      .selectFrom("measurements")
      .selectAll()
      .where("person_id", "in", personIds.slice(i, i + 500))
      .where("deleted_at", "is", null)
      .where("measured_on", ">=", from)
      .where("measured_on", "<=", to)
      .orderBy("measured_on")
      .execute();
    for (const r of rows) map.set(r.person_id, [...(map.get(r.person_id) ?? []), toRaw(r)]);
  }
  return map;
}

export async function insertSession(
  db: Conn,
  row: {
    id: string;
    region_code: string;
    held_on: string;
    cadres_json: string;
    created_at: string;
    created_by: string;
  },
) {
  await db.insertInto("posyandu_sessions").values(row).execute();
}

export async function findSession(
  db: Conn,
  scopes: readonly string[],
  where: { id?: string; region?: string; day?: string },
) {
  let q = db.selectFrom("posyandu_sessions").selectAll().where(withinScopes("region_code", scopes));
  if (where.id) q = q.where("id", "=", where.id);
  if (where.region) q = q.where("region_code", "=", where.region);
  if (where.day) q = q.where("held_on", "=", where.day);
  return q.executeTakeFirst();
}

/**
 * Days each child born on or after `bornFrom` was weighed / measured for length or height, in a region
 * (and scope) and date range (the scorecard's children 0–23 months: one query, no older children's rows).
 */
export async function measurementDaysInRegion(
  db: Conn,
  scopes: readonly string[],
  regionCode: string,
  from: string,
  to: string,
  bornFrom: string,
): Promise<Map<string, MeasuredDays>> {
  return measurementDaysOf(await measurementDayRowsInRegion(db, scopes, regionCode, from, to, bornFrom));
}

/** The rows behind `measurementDaysInRegion`, with the region each was taken in (to split a region up). */
export function measurementDayRowsInRegion(
  db: Conn,
  scopes: readonly string[],
  regionCode: string,
  from: string,
  to: string,
  bornFrom: string,
) {
  return db
    .selectFrom("measurements as m")
    .innerJoin("persons as p", "p.id", "m.person_id")
    .select([
      "m.person_id",
      "m.region_code",
      "m.measured_on",
      "m.weight_kg",
      "m.lenhei_cm",
      "m.tbu",
      "m.bbtb",
      "m.flagged",
      "p.birth_date",
    ])
    .where("m.deleted_at", "is", null)
    .where(withinScopes("m.region_code", scopes))
    .where(withinScopes("m.region_code", [regionCode]))
    .where("m.measured_on", ">=", from)
    .where("m.measured_on", "<=", to)
    .where("p.birth_date", ">=", bornFrom)
    .orderBy("m.measured_on")
    .execute();
}

/** Weighing and length days and nutrition statuses per person, in date order, from rows in date order. */
export function measurementDaysOf(
  rows: readonly {
    person_id: string;
    measured_on: string;
    weight_kg: number | null;
    lenhei_cm: number | null;
    tbu: string | null;
    bbtb: string | null;
    flagged: number;
  }[],
): Map<string, MeasuredDays> {
  const map = new Map<string, MeasuredDays>();
  for (const r of rows) {
    let days = map.get(r.person_id);
    if (!days) {
      days = { weighedOn: [], lengthOn: [], nutrition: [] };
      map.set(r.person_id, days);
    }
    if (r.weight_kg !== null && r.weight_kg > 0) days.weighedOn.push(r.measured_on);
    if (r.lenhei_cm !== null && r.lenhei_cm > 0) days.lengthOn.push(r.measured_on);
    // Gizi buruk/kurang (BB/PB) or stunting (PB/U), from the stored Permenkes codes of plausible values.
    if (r.flagged === 0 && (r.tbu !== null || r.bbtb !== null))
      days.nutrition.push({
        on: r.measured_on,
        undernourished: UNDERNOURISHED.has(r.tbu ?? "") || UNDERNOURISHED.has(r.bbtb ?? ""),
      });
  }
  return map;
}

/** Days a child was weighed / measured and its nutrition status on each measurement with one. */
export interface MeasuredDays {
  weighedOn: string[];
  lengthOn: string[];
  nutrition: { on: string; undernourished: boolean }[];
}

/** Permenkes 2/2020 codes the KPM's child home visit is for (BUKU: gizi buruk, gizi kurang, stunting). */
const UNDERNOURISHED = new Set(["tbu.sangat_pendek", "tbu.pendek", "bbtb.gizi_buruk", "bbtb.gizi_kurang"]);

/** Live weighings of children born from `bornFrom` in a region up to a day, oldest first (the SKDN report). */
export async function weighingsInRegion(
  db: Conn,
  scopes: readonly string[],
  regionCode: string,
  bornFrom: string,
  to: string,
) {
  return db
    .selectFrom("measurements as m")
    .innerJoin("persons as p", "p.id", "m.person_id")
    .select(["m.person_id", "m.measured_on", "m.weight_kg", "m.import_id", "m.zwei", "m.flagged"])
    .where("m.deleted_at", "is", null)
    .where("m.weight_kg", ">", 0)
    .where(withinScopes("m.region_code", scopes))
    .where(withinScopes("m.region_code", [regionCode]))
    .where("m.measured_on", "<=", to)
    .where("p.birth_date", ">=", bornFrom)
    .orderBy("m.person_id")
    .orderBy("m.measured_on")
    .execute();
}

/**
 * Live length/height measurements from `from` to `to` of children of the region born from `bornFrom`, raw
 * (tika pertumbuhan recomputes the band from the raw value by the current engine, as pages do).
 */
export async function lengthsInRegion(
  db: Conn,
  scopes: readonly string[],
  regionCode: string,
  from: string,
  to: string,
  bornFrom: string,
) {
  return db
    .selectFrom("measurements as m")
    .innerJoin("persons as p", "p.id", "m.person_id")
    .select(["m.person_id", "m.measured_on", "m.lenhei_cm", "m.measure"])
    .where("m.deleted_at", "is", null)
    .where("m.lenhei_cm", ">", 0)
    .where("p.deleted_at", "is", null)
    .where(withinScopes("p.region_code", scopes))
    .where(withinScopes("p.region_code", [regionCode]))
    .where("p.birth_date", ">=", bornFrom)
    .where("m.measured_on", ">=", from)
    .where("m.measured_on", "<=", to)
    .orderBy("m.measured_on")
    .execute();
}
