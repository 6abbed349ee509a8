import {
  ageAtMonthEnd,
  type CellVisitor,
  catalogForRegion,
  evaluateIndicator,
  indicatorsOf,
  LONGER_KINDS,
  monthsOfPeriod,
  PersonPeriods,
  type PersonRule,
  periodContaining,
  type ScoreCell,
  type ServiceCatalog,
  type ServiceIndicator,
  shiftMonth,
  type TargetFacts,
  visitCells,
} from "@tumbuh/core";
import { type Kysely, sql, type Transaction } from "kysely";
import type { Database } from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";
import { coveringCodes, scorecardTargetsPerPerson } from "../services/service";

/**
 * Per desa and month, the counts of the KPM scorecard rules (core services/rules, issue 6) that Paser
 * Pasal 7 names — so an indicator and the scorecard can never disagree about what "ANC to standard" means.
 * Rebuilt with the child aggregates whenever the desa is marked dirty (triggers on service_records and
 * pregnancies, migration 2026-11-22T1900, besides persons/households/measurements of 2026-11-22T1700).
 *
 * A month: numerator = targets scored "Y" that month; denominator = targets scored "Y" or "T" (a target for
 * whom the rule does not apply yet, "TS", is in neither). A quarter, semester or year counts persons, not
 * target-months (issue 14; Pasal 7 c, g, p, q, t name persons): core countPersons, with the way each
 * indicator is met (`PERSON_RULES`). A person who moved away or died is judged in no month that starts on or
 * after that day: the scorecard's groups ask core presence.ts, so those cells come empty. A desa with no service record has no rows: "no data", not 0 %. Rows are
 * kept per month, quarter, semester and year; the table also holds the family, catin and case-audit counts of
 * ./record-aggregates (other codes, same shape).
 */
export const SERVICE_CODES = {
  /** Pasal 7 g: ANC to standard (≥1 T1, ≥1 T2, ≥2 T3, each due when the trimester is over) — core ancCell. */
  anc: "bumil_anc",
  /** Pasal 7 c: pregnant women counselled in the month (konseling gizi / kelas ibu hamil). */
  counselling: "bumil_konseling",
  /** Pasal 7 t: post-partum women with the checks due by their day of nifas (KF1–KF3) — core nifasCell. */
  nifas: "bumil_nifas",
  /** Pasal 7 p: children 0–23 months whose parents attended a parenting class (BKB) in the month. */
  parenting: "anak_pengasuhan",
  /** Pasal 7 q: children 2–6 years attending PAUD in the month. */
  paud: "paud",
  /** Pasal 7 i: the cohort completing 0–11 months (11 completed months at the month's end), see below. */
  idl: "idl_0_11",
} as const;

/**
 * How a person meets each indicator over a longer period (core person-periods): the cumulative rules by the
 * last judged month, the attendance rules by any month.
 */
export const PERSON_RULES: Readonly<Record<string, PersonRule>> = {
  [SERVICE_CODES.anc]: "last",
  [SERVICE_CODES.counselling]: "last",
  [SERVICE_CODES.nifas]: "last",
  [SERVICE_CODES.parenting]: "any",
  [SERVICE_CODES.paud]: "any",
};

/** Months of counts kept per desa: the dashboards' 24-month trend plus a year of history. */
export const KEEP_MONTHS = 36;

/** The scorecard indicator whose cell at 11 months is the basic-immunisation cohort's (Pasal 7 i). */
const IMMUNISATION = "anak_imunisasi";

/** Age (completed months) at which the basic-immunisation cohort is counted: the last month of 0–11. */
const IDL_AGE_MONTHS = 11;

function quarterOf(month: string): string {
  const m = Number(month.slice(5, 7));
  return `${month.slice(0, 4)}-Q${Math.floor((m - 1) / 3) + 1}`;
}

type Counts = Map<string, { numerator: number; denominator: number }>;

/** Recount one desa's service indicators and replace its rows (the set-based way for one desa). */
export async function rebuildDesaServices(
  trx: Transaction<Database> | Kysely<Database>,
  desa: string,
  today: string,
): Promise<void> {
  const counts = await serviceCounts(trx, desa, [desa], today);
  await trx.deleteFrom("indicator_desa_services").where("desa_code", "=", desa).execute();
  await insertCounts(trx, desa, counts.get(desa) ?? new Map());
}

/**
 * The service counts of each of `desas` (all inside `regionCode`), read once for the region (the scorecard
 * targets of each desa and quarter, person by person: `scorecardTargetsPerPerson`) instead of one scorecard
 * per desa and quarter (issue 18). A desa without service records, or not a region, has no entry. Each
 * person's cells are added up as soon as the person is done (issue 18: a list of every judged cell, counted
 * by core countPersons afterwards, was a seventh of the dashboards' rebuild and much of its garbage).
 */
export async function serviceCounts(
  db: Transaction<Database> | Kysely<Database>,
  regionCode: string,
  desas: readonly string[],
  today: string,
): Promise<Map<string, Counts>> {
  const wanted = new Set(desas);
  // Counting starts the month the desa began recording services: its first record other than an
  // immunisation (those are back-filled from the child's book, years back). Before that, "T" would only
  // mean "nothing recorded yet", so those months have no rows ("no data"), and the rebuild stays short.
  const firsts = await db
    .selectFrom("service_records")
    .select((eb) => [
      "region_code",
      eb.fn.min("given_on").as("first"),
      sql<number>`case when service = 'imunisasi' then 1 else 0 end`.as("immunisation"),
    ])
    .where(withinScopes("region_code", [regionCode]))
    .groupBy(["region_code", sql`case when service = 'imunisasi' then 1 else 0 end`])
    .execute();
  const first = { other: new Map<string, string>(), immunisation: new Map<string, string>() };
  for (const f of firsts) {
    const map = Number(f.immunisation) === 1 ? first.immunisation : first.other;
    for (const d of coveringCodes(f.region_code, wanted)) {
      const seen = map.get(d);
      if (f.first !== null && (seen === undefined || f.first < seen)) map.set(d, f.first);
    }
  }
  const thisMonth = today.slice(0, 7);
  const earliest = shiftMonth(thisMonth, -(KEEP_MONTHS - 1));
  const fromOf = new Map<string, string>();
  for (const desa of wanted) {
    const started = first.other.get(desa) ?? first.immunisation.get(desa);
    if (started === undefined) continue;
    const firstMonth = started.slice(0, 7);
    const from = firstMonth > earliest ? firstMonth : earliest;
    if (from <= thisMonth) fromOf.set(desa, from);
  }
  const out = new Map<string, Counts>();
  if (fromOf.size === 0) return out;

  // The counted months, from the first desa's start to this month (core PersonPeriods counts by their index).
  const firstFrom = [...fromOf.values()].sort()[0] as string;
  const monthIndex = new Map<string, number>();
  for (let m = firstFrom; m <= thisMonth; m = shiftMonth(m, 1)) monthIndex.set(m, monthIndex.size);
  const months = [...monthIndex.keys()];
  const quarters: string[] = [];
  for (const m of months) {
    const q = quarterOf(m);
    if (quarters.at(-1) !== q) quarters.push(q);
  }
  const perQuarter = quarters
    .map((quarter) => {
      const last = monthsOfPeriod(quarter).at(-1) as string;
      return { period: quarter, desas: [...fromOf].filter(([, from]) => from <= last).map(([d]) => d) };
    })
    .filter((q) => q.desas.length > 0);
  const quarterMonths = perQuarter.map((q) => monthsOfPeriod(q.period));
  // A month outside the counted ones (before the first start, after this month) is -1.
  const quarterMonthIndex = quarterMonths.map((list) => list.map((m) => monthIndex.get(m) ?? -1));

  // Per desa: persons per period for each code of PERSON_RULES, given person by person (core PersonPeriods:
  // countPersons without a list of every cell), and the immunisation cohort's tally.
  const codes = Object.keys(PERSON_RULES);
  const codeIndex = new Map(codes.map((c, i) => [c, i]));
  const desaCounts = new Map<string, { persons: PersonPeriods[]; cohort: Counts }>();
  // The cohort is a count of children (each once, at 11 months): its periods add up.
  const tally = (counts: Counts, month: string, cell: ScoreCell) => {
    for (const period of [month, ...LONGER_KINDS.map((k) => periodContaining(k, month))]) {
      const key = `${SERVICE_CODES.idl}|${period}`;
      const c = counts.get(key) ?? { numerator: 0, denominator: 0 };
      c.denominator++;
      if (cell === "Y") c.numerator++;
      counts.set(key, c);
    }
  };

  // The target being visited (visitCells' callbacks read these).
  let current = { persons: [] as PersonPeriods[], cohort: new Map() as Counts };
  let fromIndex = 0;
  let q = 0;
  let facts: TargetFacts;
  let catalog: ServiceCatalog;
  let immunisation: ServiceIndicator | undefined;
  const immunisationOf = new Map<string, ServiceIndicator | undefined>();
  // The immunisation indicator is read for the cohort only (`row`): its cells are not visited.
  const cellsCatalogs = new Map<ServiceCatalog, ServiceCatalog>();
  const cellsCatalogOf = (full: ServiceCatalog) => {
    let c = cellsCatalogs.get(full);
    if (!c) {
      c = { ...full, indicators: full.indicators.filter((i) => i.code !== IMMUNISATION) };
      cellsCatalogs.set(full, c);
    }
    return c;
  };
  const visitor: CellVisitor = {
    // Pasal 7 i "bayi 0–11 bulan telah diimunisasi dasar secara lengkap": each child is counted once, in the
    // month it has 11 completed months — when every antigen of the schedule (Permenkes 12/2017; core
    // ANTIGENS, measles due from 10 months) is due, so the scorecard's "complete for age" is "complete".
    // Summed over a year this is the year's cohort of infants and those fully immunised before age one. The
    // cell is scored only there (issue 18: ~24 months of immunisation cells a child scored for one).
    row(group, _indicators, present) {
      if (group !== "anak_0_23" || !immunisation) return;
      const list = quarterMonths[q] as string[];
      const index = quarterMonthIndex[q] as number[];
      for (let i = 0; i < list.length; i++) {
        if ((index[i] as number) < fromIndex || !present[i]) continue;
        const month = list[i] as string;
        if (ageAtMonthEnd(facts.birthDate, month) !== IDL_AGE_MONTHS) continue;
        const cell = evaluateIndicator(immunisation, facts, month, catalog);
        if (cell === "Y" || cell === "T") tally(current.cohort, month, cell);
      }
    },
    // Only cells of a counted month of the desa (PersonPeriods passes over those that judge nothing).
    cell(ind, i, cell) {
      const m = quarterMonthIndex[q]?.[i] as number;
      const c = codeIndex.get(ind.code);
      if (m >= fromIndex && c !== undefined) current.persons[c]?.cell(m, cell);
    },
  };

  const known = await scorecardTargetsPerPerson(db, regionCode, perQuarter, [...codes, IMMUNISATION], {
    target(quarter, desa, desaCatalog, targetFacts) {
      let counts = desaCounts.get(desa);
      if (!counts) {
        counts = {
          persons: codes.map((c) => new PersonPeriods(months, PERSON_RULES[c] as PersonRule)),
          cohort: new Map(),
        };
        desaCounts.set(desa, counts);
        immunisationOf.set(
          desa,
          indicatorsOf(catalogForRegion(desa), "anak_0_23").find((i) => i.code === IMMUNISATION),
        );
      }
      current = counts;
      fromIndex = monthIndex.get(fromOf.get(desa) as string) as number;
      q = quarter;
      facts = targetFacts;
      immunisation = immunisationOf.get(desa);
      catalog = cellsCatalogOf(desaCatalog);
      visitCells(catalog, quarterMonths[quarter] as string[], targetFacts, visitor);
    },
    personDone(desa) {
      for (const persons of desaCounts.get(desa)?.persons ?? []) persons.personDone();
    },
  });
  for (const desa of fromOf.keys()) {
    if (!known.has(desa)) continue;
    const counted = desaCounts.get(desa);
    const counts: Counts = new Map(counted?.cohort);
    out.set(desa, counts);
    counted?.persons.forEach((persons, c) => {
      for (const [period, f] of persons.counts()) counts.set(`${codes[c]}|${period}`, f);
    });
  }
  return out;
}

/** Write counts keyed `${code}|${period}` for one desa. */
export async function insertCounts(
  trx: Transaction<Database> | Kysely<Database>,
  desa: string,
  counts: Map<string, { numerator: number; denominator: number }>,
): Promise<void> {
  const rows = [...counts].map(([key, c]) => {
    const [code, period] = key.split("|") as [string, string];
    return { desa_code: desa, period, code, ...c };
  });
  for (let i = 0; i < rows.length; i += 200)
    await trx
      .insertInto("indicator_desa_services")
      .values(rows.slice(i, i + 200))
      .execute();
}
