import type { IndicatorValueView } from "@tumbuh/core";
import type { Kysely, Transaction } from "kysely";
import type { Database, IndicatorValuesTable } from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";

type Db = Kysely<Database> | Transaction<Database>;

export function toValueView(r: IndicatorValuesTable): IndicatorValueView {
  return {
    id: r.id,
    indicatorId: r.indicator_id,
    regionCode: r.region_code,
    period: r.period,
    value: r.value,
    numerator: r.numerator,
    denominator: r.denominator,
    note: r.note,
    enteredAt: r.entered_at,
    enteredBy: r.entered_by_name,
    supersededAt: r.superseded_at,
  };
}

/** Current (not superseded) entered values for these regions and periods, inside `scopes`. */
export async function currentValues(
  db: Db,
  scopes: readonly string[],
  regions: readonly string[],
  periods: readonly string[],
): Promise<IndicatorValuesTable[]> {
  if (regions.length === 0 || periods.length === 0) return [];
  return db
    .selectFrom("indicator_values")
    .selectAll()
    .where(withinScopes("region_code", scopes))
    .where("region_code", "in", [...regions])
    .where("period", "in", [...periods])
    .where("superseded_at", "is", null)
    .execute();
}

/** Every revision of one indicator at one region and period, newest first. */
export async function valueHistory(
  db: Db,
  scopes: readonly string[],
  key: { indicatorId: string; regionCode: string; period: string },
): Promise<IndicatorValuesTable[]> {
  return db
    .selectFrom("indicator_values")
    .selectAll()
    .where(withinScopes("region_code", scopes))
    .where("indicator_id", "=", key.indicatorId)
    .where("region_code", "=", key.regionCode)
    .where("period", "=", key.period)
    .orderBy("entered_at", "desc")
    .orderBy("id", "desc")
    .execute();
}

export async function insertValue(db: Db, row: IndicatorValuesTable): Promise<void> {
  await db.insertInto("indicator_values").values(row).execute();
}

export async function supersede(db: Db, id: string, by: string, at: string): Promise<void> {
  await db
    .updateTable("indicator_values")
    .set({ superseded_at: at, superseded_by: by })
    .where("id", "=", id)
    .where("superseded_at", "is", null)
    .execute();
}
