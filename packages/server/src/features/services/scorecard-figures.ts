import {
  type Actor,
  addCounts,
  catalogForRegion,
  countTargets,
  emptyScorecardCounts,
  type FiguresFreshness,
  monthsEnding,
  monthsOfPeriod,
  readScopes,
  type ScorecardCounts,
  ScorecardCountsSchema,
  type ScorecardView,
  type ServiceFact,
  SYSTEM_ACTOR,
  totalsOfCounts,
} from "@tumbuh/core";
import type { Kysely, Transaction } from "kysely";
import type { Database, ScorecardFiguresTable } from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";
import { errors } from "../../errors";
import { measurementDaysOf } from "../measurements/service";
import { findRegion, findRegionsByCode } from "../regions/service";
import {
  areaDepth,
  buildScorecard,
  inputsWithin,
  loadScorecardInputs,
  readServiceFacts,
  scorecardFilters,
  targetsFrom,
} from "./scorecard";

/**
 * Issue 14 (speed): the scorecard of a regency or kecamatan from stored per-desa counts.
 *
 * Why: scoring the regency's 35,000 targets took ~2.5 s CPU per request; a regency or kecamatan view shows
 * totals and per-area totals only (rows are for a desa and below), and totals are sums of per-desa counts.
 * How they stay right: the counts are rebuilt with the dashboards' per-desa figures (indicators/aggregates
 * rebuildDesas: the same dirty marks — triggers on persons, pregnancies, measurements and service records —
 * and the same background job), and the view says how fresh they are, as the dashboards do. A desa and below
 * stay live (a KPM sees their own write at once), and so does any period not stored.
 *
 * "Desa" here is the first 13 characters of a person's region code, as the dirty marks use it: the desa,
 * or the kecamatan/regency itself for a person registered there.
 */

/**
 * Months stored: the current one and the eleven before it — the months the scorecard page offers (web
 * services/period.ts). Each stored month costs the rebuild one regency-wide scoring (~2–3 s CPU on the
 * 25k-child demo), so older months and quarters are scored live when asked for.
 */
export const FIGURE_MONTHS = 12;

/** The periods stored by a build in `month`. */
export function figurePeriods(month: string): string[] {
  return monthsEnding(month, FIGURE_MONTHS);
}

const desaOf = (code: string) => code.slice(0, 13);

/** The kecamatan holding a region code; null for a code above kecamatan level. */
function kecamatanOf(code: string): string | null {
  const parts = code.split(".");
  return parts.length >= 3 ? parts.slice(0, 3).join(".") : null;
}

// No string made: asked for every record and measurement of every stored month.
const within = (code: string, region: string) =>
  code === region || (code.startsWith(region) && code[region.length] === ".");

/**
 * The stored rows of `desas` (all inside `regency`) for `periods`: their targets scored with the facts the
 * regency's scorecard reads (everything within the regency), and — for a target with a record or
 * measurement taken outside its kecamatan — also as the kecamatan's scorecard reads them (only what was
 * taken inside it), so both sums equal a fresh scorecard. Reads the regency once for all the periods.
 */
export async function scorecardFiguresOf(
  db: Kysely<Database> | Transaction<Database>,
  regency: string,
  desas: readonly string[],
  periods: readonly string[],
): Promise<ScorecardFiguresTable[]> {
  if (periods.length === 0 || desas.length === 0) return [];
  const wanted = new Set(desas);
  const all = periods.flatMap((p) => monthsOfPeriod(p)).sort();
  const months = [all[0] as string, all.at(-1) as string];
  const scopes = readScopes(SYSTEM_ACTOR);
  const span = await loadScorecardInputs(db as Kysely<Database>, scopes, regency, months, { records: true });
  // Taken outside the target's kecamatan: the regency's scorecard sees it, the kecamatan's does not. A
  // person's home (persons.region_code, for a child and a pregnancy alike) is the same in every period, so
  // each record and measurement is asked once, not once per period (issue 18: ~5M questions a rebuild).
  const kecamatanOfHome = new Map<string, string | null>();
  for (const c of span.children) kecamatanOfHome.set(c.id, kecamatanOf(c.region_code));
  for (const p of span.pregnancies) kecamatanOfHome.set(p.person_id, kecamatanOf(p.region_code));
  const outsideHome = (personId: string, region: string) => {
    const k = kecamatanOfHome.get(personId);
    return k !== undefined && k !== null && !within(region, k);
  };
  const measuredOutside = new Set(span.measured.filter((m) => outsideHome(m.person_id, m.region_code)));
  // Each record once, as the fact the rules read, per person in the order read (as targetsOf would);
  // a period picks which of them it sees (issue 18: 224k records remade into facts for each of 12 months).
  const factsOf = new Map<string, Fact[]>();
  await readServiceFacts(db as Kysely<Database>, scopes, regency, months, (personId, region, fact) => {
    const entry = { fact, outside: outsideHome(personId, region) };
    const list = factsOf.get(personId);
    if (list) list.push(entry);
    else factsOf.set(personId, [entry]);
  });
  const catalog = catalogForRegion(regency);
  const out: ScorecardFiguresTable[] = [];
  for (const period of periods) {
    const f = scorecardFilters(monthsOfPeriod(period));
    const inputs = inputsWithin(span, monthsOfPeriod(period));
    const children = inputs.children.filter((c) => wanted.has(desaOf(c.region_code)));
    const pregnancies = inputs.pregnancies.filter((p) => wanted.has(desaOf(p.region_code)));
    const recordsOf = new Map<string, Fact[]>();
    const seen = (personId: string) => {
      let list = recordsOf.get(personId);
      if (!list) {
        list = (factsOf.get(personId) ?? []).filter((r) => f.record(r.fact.service, r.fact.givenOn));
        recordsOf.set(personId, list);
      }
      return list;
    };
    // This period's targets: only their records and measurements can be outside their kecamatan.
    const home = new Set<string>();
    for (const c of children) home.add(c.id);
    for (const p of pregnancies) home.add(p.person_id);
    const targets = targetsFrom(
      { ...inputs, children, pregnancies, measured: measurementDaysOf(inputs.measured) },
      (id) => seen(id).map((r) => r.fact),
    );
    // Only a target's own records can be outside its kecamatan (a record of anyone else has no home here).
    const cross = new Set<string>();
    for (const id of home) if (seen(id).some((r) => r.outside)) cross.add(id);
    for (const m of inputs.measured)
      if (home.has(m.person_id) && measuredOutside.has(m)) cross.add(m.person_id);
    const kecamatanTargets =
      cross.size === 0
        ? []
        : targetsFrom(
            {
              children: children.filter((c) => cross.has(c.id)),
              pregnancies: pregnancies.filter((p) => cross.has(p.person_id)),
              measured: measurementDaysOf(
                inputs.measured.filter((m) => cross.has(m.person_id) && !measuredOutside.has(m)),
              ),
              households: inputs.households,
            },
            (id) => seen(id).flatMap((r) => (r.outside ? [] : [r.fact])),
          );
    // Counted without making the rows (core countTargets: the same counts as countsOf of scoreTargets' rows).
    const crossByDesa = groupBy(kecamatanTargets, (t) => desaOf(t.regionCode));
    for (const [desa, list] of groupBy(targets, (t) => desaOf(t.regionCode))) {
      const counts = countTargets(catalog, period, list, emptyScorecardCounts());
      if (counts.targets === 0) continue; // no target in any group: no row, as before
      const crossList = crossByDesa.get(desa);
      let kecamatan: ScorecardCounts | null = null;
      if (crossList) {
        const persons = new Set<string>();
        const k = countTargets(
          catalog,
          period,
          list.filter((t) => !cross.has(t.personId)),
          emptyScorecardCounts(),
          persons,
        );
        const rowsBefore = rowsOf(k);
        countTargets(catalog, period, crossList, k, persons);
        if (rowsOf(k) > rowsBefore) kecamatan = k;
      }
      out.push({
        desa_code: desa,
        period,
        counts: JSON.stringify(counts),
        kecamatan_counts: kecamatan ? JSON.stringify(kecamatan) : null,
      });
    }
  }
  return out;
}

/** A service fact and whether it was taken outside its person's home kecamatan. */
interface Fact {
  fact: ServiceFact;
  outside: boolean;
}

/** Rows counted (one per target and group it is in). */
const rowsOf = (c: ScorecardCounts) => Object.values(c.groups).reduce((a, b) => a + b, 0);

function groupBy<T>(list: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of list) {
    const k = key(x);
    const l = out.get(k);
    if (l) l.push(x);
    else out.set(k, [x]);
  }
  return out;
}

/** Replace the stored rows of `desas` (inside a rebuild's transaction). */
export async function replaceScorecardFigures(
  trx: Transaction<Database>,
  desas: readonly string[],
  rows: readonly ScorecardFiguresTable[],
): Promise<void> {
  for (let i = 0; i < desas.length; i += 200)
    await trx
      .deleteFrom("scorecard_figures")
      .where("desa_code", "in", desas.slice(i, i + 200))
      .execute();
  for (let i = 0; i < rows.length; i += 200)
    await trx
      .insertInto("scorecard_figures")
      .values(rows.slice(i, i + 200))
      .execute();
}

/** Every desa is built for `month`'s periods: a read may take them from the store (end of a full rebuild). */
export async function markScorecardFigures(db: Kysely<Database>, today: string): Promise<void> {
  const month = today.slice(0, 7);
  await db
    .insertInto("scorecard_figures_state")
    .values({ id: 1, month })
    .onConflict((oc) => oc.column("id").doUpdateSet({ month }))
    .execute();
}

/**
 * The scorecard view of a region for a period: for a regency or kecamatan and a stored period, the sum of
 * its desa's stored counts with how fresh they are (`freshness` asks, and starts a rebuild when behind);
 * otherwise scored now (`buildScorecard`). Totals and per-area totals equal a fresh scorecard's.
 */
export async function scorecardView(
  db: Kysely<Database>,
  actor: Actor,
  regionCode: string,
  period: string,
  freshness: () => Promise<FiguresFreshness>,
  today: string,
): Promise<ScorecardView> {
  const region = await findRegion(db, readScopes(actor), regionCode);
  if (!region) throw errors.notFound();
  const level = region.level === "kabupaten" ? "regency" : region.level === "kecamatan" ? "kecamatan" : null;
  if (level && (await isStored(db, period, today))) {
    const fresh = await freshness();
    const rows = await db
      .selectFrom("scorecard_figures")
      .select(["desa_code", "counts", "kecamatan_counts"])
      .where("period", "=", period)
      .where(withinScopes("desa_code", [region.code]))
      .execute();
    const catalog = catalogForRegion(region.code);
    const depth = areaDepth(region.level) as number;
    const total = emptyScorecardCounts();
    const byArea = new Map<string, ScorecardCounts>();
    for (const r of rows) {
      const stored = level === "kecamatan" && r.kecamatan_counts !== null ? r.kecamatan_counts : r.counts;
      const counts = ScorecardCountsSchema.parse(JSON.parse(stored)) as ScorecardCounts;
      addCounts(total, counts);
      const area = r.desa_code.split(".").slice(0, depth).join(".");
      let sum = byArea.get(area);
      if (!sum) {
        sum = emptyScorecardCounts();
        byArea.set(area, sum);
      }
      addCounts(sum, counts);
    }
    const names = new Map((await findRegionsByCode(db, [...byArea.keys()])).map((r) => [r.code, r.name]));
    return {
      regionCode: region.code,
      regionName: region.name,
      regionLevel: region.level,
      period,
      months: monthsOfPeriod(period),
      catalog: { key: catalog.key, regulation: catalog.regulation, packages: [...catalog.packages] },
      totals: totalsOfCounts(catalog, total),
      rows: null,
      areas: [...byArea]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([code, counts]) => ({
          code,
          name: names.get(code) ?? code,
          totals: totalsOfCounts(catalog, counts),
        })),
      freshness: fresh,
    };
  }
  return (await buildScorecard(db, actor, regionCode, period)).view;
}

/** Stored: a period of both the last completed build's month and today's (a turning month drops the oldest). */
async function isStored(db: Kysely<Database>, period: string, today: string): Promise<boolean> {
  const state = await db
    .selectFrom("scorecard_figures_state")
    .select("month")
    .where("id", "=", 1)
    .executeTakeFirst();
  if (!state) return false;
  return figurePeriods(state.month).includes(period) && figurePeriods(today.slice(0, 7)).includes(period);
}
