import type { Kysely } from "kysely";
import type { Database, IndicatorDesaHouseholdsTable, IndicatorDesaPeriodsTable } from "../../../db/schema";
import { withinScopes } from "../../../db/scope-filter";
import type { ComputeContext } from "./types";

/**
 * A context for one request. `region` is always a region the caller may read (checked by the service), so
 * every aggregate query is limited to it.
 */
export function computeContext(db: Kysely<Database>): ComputeContext {
  const children = new Map<string, Promise<IndicatorDesaPeriodsTable[]>>();
  const households = new Map<string, Promise<IndicatorDesaHouseholdsTable[]>>();
  return {
    db,
    childRows(region, periods) {
      const key = `${region}|${periods.join(",")}`;
      let p = children.get(key);
      if (!p) {
        p = db
          .selectFrom("indicator_desa_periods")
          .selectAll()
          .where(withinScopes("desa_code", [region]))
          .where("period", "in", periods.length ? [...periods] : [""])
          .execute();
        children.set(key, p);
      }
      return p;
    },
    householdRows(region) {
      let p = households.get(region);
      if (!p) {
        p = db.selectFrom("indicator_desa_households").selectAll().where(withinScopes("desa_code", [region])).execute();
        households.set(region, p);
      }
      return p;
    },
  };
}
