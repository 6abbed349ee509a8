import {
  completedMonths,
  deriveTargetRoles,
  maskNik,
  nameKey,
  type PersonFacts,
  type PersonSummary,
} from "@tumbuh/core";
import { type Kysely, type Selectable, sql, type Transaction } from "kysely";
import type { Database, PersonsTable } from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";
import { pregnancyFactsOf } from "../pregnancies/repository";

type Conn = Kysely<Database> | Transaction<Database>;
export type PersonRow = Selectable<PersonsTable>;

export function toSummary(r: PersonRow, asOf: string, facts: Partial<PersonFacts> = {}): PersonSummary {
  const sex = r.sex === 2 ? 2 : 1;
  return {
    id: r.id,
    regionCode: r.region_code,
    name: r.name,
    sex,
    birthDate: r.birth_date,
    nikMasked: maskNik(r.nik),
    ageMonths: Math.max(0, completedMonths(r.birth_date, asOf)),
    targetRoles: deriveTargetRoles({ sex, birthDate: r.birth_date, ...facts }, asOf),
  };
}

export async function findPerson(
  db: Conn,
  scopes: readonly string[],
  id: string,
): Promise<PersonRow | undefined> {
  return db
    .selectFrom("persons")
    .selectAll()
    .where("id", "=", id)
    .where("deleted_at", "is", null)
    .where(withinScopes("region_code", scopes))
    .executeTakeFirst();
}

export async function findPersonsByIds(db: Conn, scopes: readonly string[], ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom("persons")
    .selectAll()
    .where("id", "in", ids)
    .where("deleted_at", "is", null)
    .where("merged_into", "is", null)
    .where(withinScopes("region_code", scopes))
    .execute();
}

/** The live person with this NIK inside `scopes` (two may exist across areas: see assertNikFree). */
export async function findLivePersonByNik(
  db: Conn,
  nik: string,
  scopes: readonly string[],
): Promise<PersonRow | undefined> {
  return db
    .selectFrom("persons")
    .selectAll()
    .where("nik", "=", nik)
    .where(withinScopes("region_code", scopes))
    .where("deleted_at", "is", null)
    .where("merged_into", "is", null)
    .executeTakeFirst();
}

export async function insertPerson(db: Conn, row: PersonsTable): Promise<void> {
  await db.insertInto("persons").values(row).execute();
}

export async function updatePerson(
  db: Conn,
  id: string,
  expectedRevision: number,
  changes: Partial<PersonsTable>,
): Promise<boolean> {
  const res = await db
    .updateTable("persons")
    .set({ ...changes, revision: expectedRevision + 1 })
    .where("id", "=", id)
    .where("revision", "=", expectedRevision)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function childrenOf(db: Conn, scopes: readonly string[], motherId: string) {
  return db
    .selectFrom("persons")
    .selectAll()
    .where("mother_id", "=", motherId)
    .where("deleted_at", "is", null)
    .where("merged_into", "is", null)
    .where(withinScopes("region_code", scopes))
    .orderBy("birth_date")
    .execute();
}

/** Birth dates of each mother's children, regardless of scope: a mother's target role depends on them. */
export async function childBirthDates(
  db: Conn,
  motherIds: readonly string[],
): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (motherIds.length === 0) return map;
  const rows = await db
    .selectFrom("persons")
    .select(["mother_id", "birth_date"])
    .where("mother_id", "in", motherIds)
    .where("deleted_at", "is", null)
    .where("merged_into", "is", null)
    .execute();
  for (const r of rows)
    if (r.mother_id) map.set(r.mother_id, [...(map.get(r.mother_id) ?? []), r.birth_date]);
  return map;
}

export async function listPersonsOfHousehold(db: Conn, scopes: readonly string[], householdId: string) {
  const rows = await db
    .selectFrom("persons")
    .selectAll()
    .where("household_id", "=", householdId)
    .where("deleted_at", "is", null)
    .where("merged_into", "is", null)
    .where(withinScopes("region_code", scopes))
    .orderBy("birth_date")
    .execute();
  return rows;
}

/**
 * Summaries with the facts a woman's target roles depend on (her pregnancies and her children's birth
 * dates), fetched for all rows at once.
 */
export async function summariesWithFacts(
  db: Conn,
  rows: readonly PersonRow[],
  asOf: string,
): Promise<PersonSummary[]> {
  const women = rows.filter((r) => r.sex === 2).map((r) => r.id);
  const kids = await childBirthDates(db, women);
  const pregnancies = await pregnancyFactsOf(db, women);
  return rows.map((r) =>
    toSummary(r, asOf, { pregnancies: pregnancies.get(r.id) ?? [], childBirthDates: kids.get(r.id) ?? [] }),
  );
}

/** Name search inside a region: substring of the name, or the same sound-alike key. */
export async function searchPersons(
  db: Conn,
  scopes: readonly string[],
  regionCode: string,
  q: string,
  limit: number,
) {
  const key = nameKey(q);
  let query = db
    .selectFrom("persons")
    .selectAll()
    .where("deleted_at", "is", null)
    .where("merged_into", "is", null)
    .where(withinScopes("region_code", scopes))
    .where(withinScopes("region_code", [regionCode]));
  const needle = q.trim().toLowerCase();
  if (needle !== "") {
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`lower(name) like ${`%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`,
        ...(key ? [eb("name_key", "like", `${key}%`)] : []),
      ]),
    );
  }
  return query.orderBy("name").limit(limit).execute();
}

/** Live persons registered in a region (and the caller's scope) born in a date range, for scorecards. */
export async function personsInRegionBornBetween(
  db: Conn,
  scopes: readonly string[],
  regionCode: string,
  from: string,
  to: string,
) {
  return (
    personsInRegionBornBetweenQuery(db, scopes, regionCode, from, to)
      // left_on: the scorecard asks core presentInPeriod with it (moved away or died).
      .select([
        "id",
        "name",
        "region_code",
        "household_id",
        "birth_date",
        "birth_length_cm",
        "sex",
        "left_on",
      ])
      .execute()
  );
}

/**
 * The persons of `personsInRegionBornBetween`, nothing selected yet: a regency-wide reader selects only what
 * it needs (the dashboards' rebuild: a key and four columns as arrays, issue 18).
 */
export function personsInRegionBornBetweenQuery(
  db: Conn,
  scopes: readonly string[],
  regionCode: string,
  from: string,
  to: string,
) {
  return db
    .selectFrom("persons")
    .where("deleted_at", "is", null)
    .where("merged_into", "is", null)
    .where(withinScopes("region_code", scopes))
    .where(withinScopes("region_code", [regionCode]))
    .where("birth_date", ">=", from)
    .where("birth_date", "<=", to);
}
