import { type Kysely, sql } from "kysely";
import type { Database, IndicatorDesaHouseholdsTable, IndicatorDesaPeriodsTable } from "../../../db/schema";
import { withinScopes } from "../../../db/scope-filter";
import type { ComputeContext } from "./types";

const CHILD_COLUMNS = [
  "registered",
  "measured",
  "flagged",
  "len_n",
  "stunted",
  "wei_n",
  "underweight",
  "wfl_n",
  "wasted",
] as const;
const HOUSEHOLD_COLUMNS = ["households", "safe_water", "proper_sanitation"] as const;

/**
 * A context for one request. `region` is always a region the caller may read (checked by the service), so
 * every aggregate query is limited to it. `unitLength` is the length of the codes the request needs
 * figures for (8 = kecamatan on a regency dashboard, 13 = desa): rows are added up to that level in SQL, so
 * a regency dashboard reads ~300 rows instead of ~3,500 — the difference between 15 ms and 2 ms here.
 * The `desa_code` of a returned row is then that unit's code; sums over it stay exact (counts add up).
 */
export function computeContext(db: Kysely<Database>, unitLength = 13): ComputeContext {
  const children = new Map<string, Promise<IndicatorDesaPeriodsTable[]>>();
  const households = new Map<string, Promise<IndicatorDesaHouseholdsTable[]>>();
  const unit = sql<string>`substr(desa_code, 1, ${sql.lit(unitLength)})`;
  return {
    db,
    unitLength,
    childRows(region, periods) {
      const key = `${region}|${periods.join(",")}`;
      let p = children.get(key);
      if (!p) {
        p = db
          .selectFrom("indicator_desa_periods")
          .select([
            unit.as("desa_code"),
            "period",
            ...CHILD_COLUMNS.map((c) => sql<number>`sum(${sql.ref(c)})`.as(c)),
          ])
          .where(withinScopes("desa_code", [region]))
          .where("period", "in", periods.length ? [...periods] : [""])
          .groupBy([unit, "period"])
          .execute()
          .then((rows) => rows.map((r) => numeric(r, CHILD_COLUMNS)));
        children.set(key, p);
      }
      return p;
    },
    householdRows(region) {
      let p = households.get(region);
      if (!p) {
        p = db
          .selectFrom("indicator_desa_households")
          .select([
            unit.as("desa_code"),
            ...HOUSEHOLD_COLUMNS.map((c) => sql<number>`sum(${sql.ref(c)})`.as(c)),
          ])
          .where(withinScopes("desa_code", [region]))
          .groupBy(unit)
          .execute()
          .then((rows) => rows.map((r) => numeric(r, HOUSEHOLD_COLUMNS)));
        households.set(region, p);
      }
      return p;
    },
  };
}

/** PostgreSQL returns sum() of integers as bigint text; both dialects give numbers back here. */
function numeric<T extends Record<string, unknown>>(row: T, columns: readonly string[]): T {
  const out: Record<string, unknown> = { ...row };
  for (const c of columns) out[c] = Number(row[c] ?? 0);
  return out as T;
}
