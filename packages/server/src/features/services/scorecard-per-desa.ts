import {
  catalogForRegion,
  monthsOfPeriod,
  readScopes,
  type ScorecardTarget,
  type ServiceCatalog,
  type ServiceFact,
  SYSTEM_ACTOR,
} from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { measurementDaysOf } from "../measurements/service";
import { findRegionsByCode } from "../regions/service";
import {
  coveringCodes,
  loadScorecardInputs,
  readServiceFacts,
  readsOf,
  scorecardFilters,
  targetsFrom,
} from "./scorecard";

/**
 * The scorecard targets per period of each of its `desas` (what scoreTargets scores), read once for all the periods and for `regionCode` (a
 * region holding them all), then split by where each person lives and each measurement and record was
 * taken, and by period (the queries' conditions, in memory: scorecardFilters) — the targets a scorecard of
 * each desa scores (issue 18: the dashboards' rebuild scored ~1,700 desa-quarters one by one; tested equal
 * in indicators/aggregates.test.ts), each given to `visit` with the desa's catalog. A desa that is not a
 * region is not visited.
 *
 * Each input is split by desa once, not once per period, and each service record becomes the fact the rules
 * read once (issue 18: the regency's 224k records read as objects and remade for each of 12 quarters were a
 * third of the dashboards' rebuild); a period only picks which of a person's facts it sees.
 */
export async function scorecardTargetsPerDesa(
  db: Kysely<Database>,
  regionCode: string,
  periods: readonly { period: string; desas: readonly string[] }[],
  /**
   * Only these indicators' cells (the rows, one per target and group, are the same). What none of them reads
   * is not read: the dashboards' Pasal 7 counts need no measurement (issue 18: 400k rows fewer).
   */
  only: readonly string[] | undefined,
  visit: (period: string, desa: string, catalog: ServiceCatalog, targets: ScorecardTarget[]) => void,
): Promise<void> {
  if (periods.length === 0) return;
  const scopes = readScopes(SYSTEM_ACTOR);
  const all = periods.flatMap((p) => monthsOfPeriod(p.period)).sort();
  const span = [all[0] as string, all.at(-1) as string];
  const catalogs = new Map<string, ReturnType<typeof catalogForRegion>>();
  const catalogOf = (desa: string) => {
    let catalog = catalogs.get(desa);
    if (!catalog) {
      const full = catalogForRegion(desa);
      catalog = only ? { ...full, indicators: full.indicators.filter((i) => only.includes(i.code)) } : full;
      catalogs.set(desa, catalog);
    }
    return catalog;
  };
  const desaCodes = [...new Set(periods.flatMap((p) => p.desas))];
  const reads = readsOf(desaCodes.flatMap((d) => catalogOf(d).indicators));
  const inputs = await loadScorecardInputs(db, scopes, regionCode, span, {
    measured: !reads.measured,
    households: !reads.households,
    records: true,
  });
  const known = new Set((await findRegionsByCode(db, desaCodes)).map((r) => r.code));
  const split = <T>(rows: readonly T[], regionOf: (r: T) => string) => {
    const byDesa = new Map<string, T[]>();
    for (const r of rows) {
      for (const d of coveringCodes(regionOf(r), known)) {
        const list = byDesa.get(d);
        if (list) list.push(r);
        else byDesa.set(d, [r]);
      }
    }
    return byDesa;
  };
  const children = split(inputs.children, (c) => c.region_code);
  const pregnancies = split(inputs.pregnancies, (p) => p.region_code);
  const measured = split(inputs.measured, (m) => m.region_code);
  // Per desa the record was taken in and person: the facts, in the order read (as loadScorecardInputs').
  const factsOf = new Map<string, Map<string, ServiceFact[]>>();
  await readServiceFacts(db, scopes, regionCode, span, (personId, region, fact) => {
    for (const d of coveringCodes(region, known)) {
      let persons = factsOf.get(d);
      if (!persons) {
        persons = new Map();
        factsOf.set(d, persons);
      }
      const list = persons.get(personId);
      if (list) list.push(fact);
      else persons.set(personId, [fact]);
    }
  });
  const none: readonly ServiceFact[] = [];
  for (const { period, desas } of periods) {
    const f = scorecardFilters(monthsOfPeriod(period));
    for (const desa of new Set(desas)) {
      if (!known.has(desa)) continue;
      const facts = factsOf.get(desa);
      const targets = targetsFrom(
        {
          children: (children.get(desa) ?? []).filter(f.child),
          pregnancies: (pregnancies.get(desa) ?? []).filter(f.pregnancy),
          measured: measurementDaysOf((measured.get(desa) ?? []).filter(f.measured)),
          households: inputs.households,
        },
        (personId) => facts?.get(personId)?.filter((x) => f.record(x.service, x.givenOn)) ?? none,
      );
      visit(period, desa, catalogOf(desa), targets);
    }
  }
}
