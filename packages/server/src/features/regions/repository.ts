import type { Kind, Level, Region } from "@tumbuh/core";
import type { Kysely, Transaction } from "kysely";
import type { Database, RegionsTable } from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";

export type RegionWithCount = Region & { childCount: number };

function toRegion(r: Pick<RegionsTable, "code" | "name" | "level" | "kind" | "parent_code">): Region {
  return {
    code: r.code,
    name: r.name,
    level: r.level as Level,
    kind: r.kind as Kind,
    parentCode: r.parent_code,
  };
}

/** A region the caller may see, or undefined — whether it is missing or out of scope is not told apart. */
export async function findRegion(
  db: Kysely<Database>,
  scopes: readonly string[],
  code: string,
): Promise<Region | undefined> {
  const row = await db
    .selectFrom("regions")
    .select(["code", "name", "level", "kind", "parent_code"])
    .where("code", "=", code)
    .where(withinScopes("code", scopes))
    .executeTakeFirst();
  return row && toRegion(row);
}

/** Regions by code regardless of scope: only for names of ancestors the caller already sits under. */
export async function findRegionsByCode(db: Kysely<Database>, codes: readonly string[]): Promise<Region[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .selectFrom("regions")
    .select(["code", "name", "level", "kind", "parent_code"])
    .where("code", "in", codes)
    .execute();
  return rows.map(toRegion);
}

export async function listChildren(
  db: Kysely<Database>,
  scopes: readonly string[],
  parentCode: string,
): Promise<RegionWithCount[]> {
  const rows = await db
    .selectFrom("regions as r")
    .select(["r.code", "r.name", "r.level", "r.kind", "r.parent_code"])
    .select((eb) =>
      eb
        .selectFrom("regions as c")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("c.parent_code", "=", "r.code")
        .as("child_count"),
    )
    .where("r.parent_code", "=", parentCode)
    .where(withinScopes("r.code", scopes))
    .orderBy("r.code")
    .execute();
  return rows.map((r) => ({ ...toRegion(r), childCount: Number(r.child_count ?? 0) }));
}

export async function countRegions(db: Kysely<Database>, prefix: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom("regions")
    .select(["kind", (eb) => eb.fn.countAll<number>().as("n")])
    .where(withinScopes("code", [prefix]))
    .groupBy("kind")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
}

/** Insert or update official regions by code; used by the import, which checks rows before calling. */
export async function upsertRegions(
  db: Kysely<Database> | Transaction<Database>,
  regions: readonly Region[],
  createdAt: string,
): Promise<void> {
  // Chunked to stay under SQLite's bound-parameter limit.
  for (let i = 0; i < regions.length; i += 500) {
    const chunk = regions.slice(i, i + 500).map((r) => ({
      code: r.code,
      name: r.name,
      level: r.level,
      kind: r.kind,
      parent_code: r.parentCode,
      source: "kemendagri",
      created_at: createdAt,
    }));
    await db
      .insertInto("regions")
      .values(chunk)
      .onConflict((oc) =>
        oc.column("code").doUpdateSet((eb) => ({
          name: eb.ref("excluded.name"),
          level: eb.ref("excluded.level"),
          kind: eb.ref("excluded.kind"),
          parent_code: eb.ref("excluded.parent_code"),
        })),
      )
      .execute();
  }
}

export async function existingCodes(db: Kysely<Database>, codes: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < codes.length; i += 500) {
    const rows = await db
      .selectFrom("regions")
      .select("code")
      .where("code", "in", codes.slice(i, i + 500))
      .execute();
    for (const r of rows) found.add(r.code);
  }
  return found;
}

export async function insertLocalUnit(
  db: Kysely<Database> | Transaction<Database>,
  region: Region,
  createdAt: string,
): Promise<void> {
  await db
    .insertInto("regions")
    .values({
      code: region.code,
      name: region.name,
      level: region.level,
      kind: region.kind,
      parent_code: region.parentCode,
      source: "local",
      created_at: createdAt,
    })
    .execute();
}

/** Codes of existing children of a desa with the given letter (D dusun, P posyandu), to number the next one. */
export async function localChildCodes(
  db: Kysely<Database> | Transaction<Database>,
  desaCode: string,
  kind: "dusun" | "posyandu",
): Promise<string[]> {
  const rows = await db
    .selectFrom("regions")
    .select("code")
    .where("parent_code", "=", desaCode)
    .where("kind", "=", kind)
    .execute();
  return rows.map((r) => r.code);
}
