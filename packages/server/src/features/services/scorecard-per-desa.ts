import {
  catalogForRegion,
  monthsOfPeriod,
  readScopes,
  type ScorecardRow,
  type ServiceFact,
  SYSTEM_ACTOR,
  scoreTargets,
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
 * Scorecard rows per period of each of its `desas`, read once for all the periods and for `regionCode` (a
 * region holding them all), then split by where each person lives and each measurement and record was
 * taken, and by period (the queries' conditions, in memory: scorecardFilters) — the rows a scorecard of each
 * desa gives (issue 18: the dashboards' rebuild scored ~1,700 desa-quarters one by one; tested equal in
 * indicators/aggregates.test.ts). A desa that is not a region gets no entry.
 *
 * Each input is split by desa once, not once per period, and each service record becomes the fact the rules
 * read once (issue 18: the regency's 224k records read as objects and remade for each of 12 quarters were a
 * third of the dashboards' rebuild); a period only picks which of a person's facts it sees.
 */
export async function scorecardRowsPerDesa(
  db: Kysely<Database>,
  regionCode: string,
  periods: readonly { period: string; desas: readonly string[] }[],
  /**
   * Only these indicators' cells (the rows, one per target and group, are the same). What none of them reads
   * is not read: the dashboards' Pasal 7 counts need no measurement (issue 18: 400k rows fewer).
   */
  only?: readonly string[],
): Promise<Map<string, Map<string, ScorecardRow[]>>> {
  const out = new Map<string, Map<string, ScorecardRow[]>>();
  if (periods.length === 0) return out;
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
    const rowsOf = new Map<string, ScorecardRow[]>();
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
      rowsOf.set(desa, scoreTargets(catalogOf(desa), period, targets));
    }
    out.set(period, rowsOf);
  }
  return out;
}
