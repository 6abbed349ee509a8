import type { HouseholdView } from "@tumbuh/core";
import { LATRINE_TYPES, WATER_SOURCES } from "@tumbuh/core";
import type { Kysely, Selectable, Transaction } from "kysely";
import type { Database, HouseholdsTable } from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";

type Conn = Kysely<Database> | Transaction<Database>;

export function toHouseholdView(r: Selectable<HouseholdsTable>): HouseholdView {
  return {
    id: r.id,
    regionCode: r.region_code,
    kkNumber: r.kk_number,
    headName: r.head_name,
    address: r.address,
    rt: r.rt,
    rw: r.rw,
    waterSource: r.water_source,
    latrineType: r.latrine_type,
    safeWater: WATER_SOURCES[r.water_source as keyof typeof WATER_SOURCES]?.layak ?? false,
    properLatrine: LATRINE_TYPES[r.latrine_type as keyof typeof LATRINE_TYPES]?.layak ?? false,
    revision: r.revision,
  };
}

export async function findHousehold(db: Conn, scopes: readonly string[], id: string) {
  return db
    .selectFrom("households")
    .selectAll()
    .where("id", "=", id)
    .where("deleted_at", "is", null)
    .where(withinScopes("region_code", scopes))
    .executeTakeFirst();
}

export async function insertHousehold(db: Conn, row: HouseholdsTable) {
  await db.insertInto("households").values(row).execute();
}

function sanitation(r: { water_source: string; latrine_type: string }) {
  return {
    waterLayak: WATER_SOURCES[r.water_source as keyof typeof WATER_SOURCES]?.layak ?? false,
    latrineLayak: LATRINE_TYPES[r.latrine_type as keyof typeof LATRINE_TYPES]?.layak ?? false,
  };
}

/**
 * Whether each household's water and latrine are "layak", for the households with these ids: those of the
 * region in one query, any others (a posyandu's child lives in a dusun's household) by id. Not
 * scope-filtered beyond that: the ids come from persons already read within the caller's scope.
 */
export async function householdSanitationOf(
  db: Conn,
  scopes: readonly string[],
  regionCode: string,
  ids: readonly string[],
): Promise<Map<string, { waterLayak: boolean; latrineLayak: boolean }>> {
  const map = new Map<string, { waterLayak: boolean; latrineLayak: boolean }>();
  const rows = await db
    .selectFrom("households")
    .select(["id", "water_source", "latrine_type"])
    .where("deleted_at", "is", null)
    .where(withinScopes("region_code", scopes))
    .where(withinScopes("region_code", [regionCode]))
    .execute();
  for (const r of rows) map.set(r.id, sanitation(r));
  const missing = [...new Set(ids)].filter((id) => !map.has(id));
  for (let i = 0; i < missing.length; i += 500) {
    const more = await db
      .selectFrom("households")
      .select(["id", "water_source", "latrine_type"])
      .where("id", "in", missing.slice(i, i + 500))
      .where("deleted_at", "is", null)
      .execute();
    for (const r of more) map.set(r.id, sanitation(r));
  }
  return map;
}
