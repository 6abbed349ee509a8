import type { Kind, Level, Region } from "@tumbuh/core";
import { type Kysely, sql } from "kysely";
import { sqliteHandleOf } from "../../db/bulk-insert";
import type { Database, PersonsTable } from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";

export type Candidate = Pick<
  PersonsTable,
  "id" | "region_code" | "name_key" | "birth_date" | "parent_name" | "nik" | "sex"
>;

export async function regionsInScope(db: Kysely<Database>, scopes: readonly string[]): Promise<Region[]> {
  // Ancestors of the scope are needed to walk down from the kabupaten and kecamatan names (a desa user's
  // file names its kecamatan), so read provinces, kabupaten and kecamatan everywhere (public names) and
  // the rest inside the scope.
  const rows = await db
    .selectFrom("regions")
    .select(["code", "name", "level", "kind", "parent_code"])
    .where((eb) =>
      eb.or([eb("level", "in", ["provinsi", "kabupaten", "kecamatan"]), withinScopes("code", scopes)]),
    )
    .execute();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    level: r.level as Level,
    kind: r.kind as Kind,
    parentCode: r.parent_code,
  }));
}

export async function isKecamatan(db: Kysely<Database>, code: string): Promise<boolean> {
  const r = await db
    .selectFrom("regions")
    .select("code")
    .where("code", "=", code)
    .where("level", "=", "kecamatan")
    .executeTakeFirst();
  return r !== undefined;
}

/**
 * `column` is one of `values` (text that is never an id: NIKs), as one parameter: a list in JSON on SQLite,
 * an array on PostgreSQL. One statement whatever the count, not an IN list of a parameter each — compiled
 * and prepared anew for every length (an import asks once per chunk; issue 16).
 */
function oneOf(column: "nik", values: readonly string[], db: Kysely<Database>) {
  return sqliteHandleOf(db)
    ? sql<boolean>`${sql.ref(column)} in (select value from json_each(${JSON.stringify(values)}))`
    : sql<boolean>`${sql.ref(column)} = any(${[...values]}::text[])`;
}

/** The registry as it stands for these desa and NIKs (the people an import may match). */
export async function loadCandidates(
  db: Kysely<Database>,
  desaCodes: readonly string[],
  niks: readonly string[],
): Promise<Candidate[]> {
  const out: Candidate[] = [];
  const cols = ["id", "region_code", "name_key", "birth_date", "parent_name", "nik", "sex"] as const;
  for (const desa of desaCodes) {
    out.push(
      ...(await db
        .selectFrom("persons")
        .select(cols)
        .where("deleted_at", "is", null)
        .where("merged_into", "is", null)
        .where(withinScopes("region_code", [desa]))
        .execute()),
    );
  }
  // Only NIKs not already met in these desa are looked up across the regency: next month's file finds
  // nearly every child in its desa, and loading them a second time by NIK was most of this query's time.
  const found = new Set(out.map((c) => c.nik));
  const elsewhere = niks.filter((n) => !found.has(n));
  if (elsewhere.length > 0) {
    out.push(
      ...(await db
        .selectFrom("persons")
        .select(cols)
        .where(oneOf("nik", elsewhere, db))
        .where("deleted_at", "is", null)
        .where("merged_into", "is", null)
        .execute()),
    );
  }
  return [...new Map(out.map((c) => [c.id, c])).values()];
}

/**
 * "personId|YYYY-MM-DD" of every day from `from` to `to` (the file's days) these people were measured. Only
 * the file's days are ever looked up: a month's file against the registry read every earlier measurement of
 * every child (30k rows for the next month) to find none on its days (issue 16); the range runs along the
 * (person, day) index.
 */
export async function measuredDays(
  db: Kysely<Database>,
  personIds: readonly string[],
  from: string,
  to: string,
): Promise<Set<string>> {
  const days = new Set<string>();
  const ids = [...new Set(personIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom("measurements")
      .select(["person_id", "measured_on"])
      .where("person_id", "in", ids.slice(i, i + 500))
      .where("measured_on", ">=", from)
      .where("measured_on", "<=", to)
      .where("deleted_at", "is", null)
      .execute();
    for (const r of rows) days.add(`${r.person_id}|${r.measured_on}`);
  }
  return days;
}
