import { addDays, type BreakdownChild, type CountedMeasurement, periodBounds } from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";

/** A child with its home region, for the breakdown of every mapped area that contains it. */
export interface AreaChild extends BreakdownChild {
  regionCode: string;
}

/**
 * The live children (home inside `scopes`) who could be balita in the period and their live measurements in
 * the period — the same rows the dashboard's aggregates are rebuilt from (indicators/aggregates.ts).
 */
export async function childrenAndMeasurements(
  db: Kysely<Database>,
  scopes: readonly string[],
  period: string,
): Promise<{ children: AreaChild[]; measurements: CountedMeasurement[] }> {
  const { start, end } = periodBounds(period);
  const children = await db
    .selectFrom("persons")
    .select(["id", "sex", "birth_date", "region_code", "left_on"])
    .where(withinScopes("region_code", scopes))
    .where("deleted_at", "is", null)
    .where("merged_into", "is", null)
    .where("birth_date", ">", addDays(start, -1900))
    .where("birth_date", "<=", end)
    .execute();
  const measurements = await db
    .selectFrom("measurements as m")
    .innerJoin("persons as p", "p.id", "m.person_id")
    .select(["m.person_id", "m.measured_on", "m.zlen", "m.zwei", "m.zwfl", "m.flagged", "m.weight_kg"])
    .where(withinScopes("p.region_code", scopes))
    .where("p.deleted_at", "is", null)
    .where("p.merged_into", "is", null)
    .where("m.deleted_at", "is", null)
    .where("m.measured_on", ">=", start)
    .where("m.measured_on", "<=", end)
    .execute();
  return {
    children: children.map((c) => ({
      id: c.id,
      sex: c.sex,
      birthDate: c.birth_date,
      leftOn: c.left_on,
      regionCode: c.region_code,
    })),
    measurements: measurements.map((m) => ({
      personId: m.person_id,
      measuredOn: m.measured_on,
      zlen: m.zlen,
      zwei: m.zwei,
      zwfl: m.zwfl,
      flagged: Number(m.flagged) === 1,
      weighed: m.weight_kg !== null,
    })),
  };
}
