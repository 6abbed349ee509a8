import type { Kysely } from "kysely";
import type { Database, IndicatorDesaHouseholdsTable, IndicatorDesaPeriodsTable } from "../../../db/schema";

/** Numerator and denominator of one desa in one period. */
export interface DesaFraction {
  desa: string;
  period: string;
  numerator: number;
  denominator: number;
}

/** Shared, memoised reads for the computations of one request (they mostly read the same aggregate rows). */
export interface ComputeContext {
  db: Kysely<Database>;
  /** Length of the codes figures are needed for (13 = desa, 8 = kecamatan): rows may be added up to it. */
  unitLength: number;
  /** Child aggregate rows of every desa inside `region` for these periods. */
  childRows(region: string, periods: readonly string[]): Promise<IndicatorDesaPeriodsTable[]>;
  /** Household aggregate rows of every desa inside `region` (the registry's current state). */
  householdRows(region: string): Promise<IndicatorDesaHouseholdsTable[]>;
}

/**
 * A computation named in the catalog (`measure.computation`). Adding one = one small file exporting this
 * and one line in ./index.ts. It returns per-desa fractions; the engine adds them up to any level, so a
 * computation must be additive over desa (counts, not rates).
 */
export interface ComputationDef {
  name: string;
  /** One line for the dashboard and the CSV: what is counted over what. */
  describe: string;
  fractions(ctx: ComputeContext, region: string, periods: readonly string[]): Promise<DesaFraction[]>;
}

/** A computation over the child aggregates: pick numerator and denominator from a row. */
export function childComputation(
  name: string,
  describe: string,
  pick: (row: IndicatorDesaPeriodsTable) => [numerator: number, denominator: number],
): ComputationDef {
  return {
    name,
    describe,
    async fractions(ctx, region, periods) {
      return (await ctx.childRows(region, periods)).map((r) => {
        const [numerator, denominator] = pick(r);
        return { desa: r.desa_code, period: r.period, numerator, denominator };
      });
    },
  };
}

/**
 * A computation over households. The registry keeps a household's current water source and latrine only,
 * not their history, so every period gets today's state (documented on the dashboard).
 */
export function householdComputation(
  name: string,
  describe: string,
  pick: (row: IndicatorDesaHouseholdsTable) => number,
): ComputationDef {
  return {
    name,
    describe,
    async fractions(ctx, region, periods) {
      const rows = await ctx.householdRows(region);
      return periods.flatMap((period) =>
        rows.map((r) => ({ desa: r.desa_code, period, numerator: pick(r), denominator: r.households })),
      );
    },
  };
}
