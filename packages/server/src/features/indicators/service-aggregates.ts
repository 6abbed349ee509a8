import {
  catalogForRegion,
  completedMonths,
  countPersons,
  evaluateIndicator,
  indicatorsOf,
  LONGER_KINDS,
  monthEnd,
  monthsOfPeriod,
  type PersonMonthCell,
  type PersonRule,
  periodContaining,
  type ScoreCell,
  shiftMonth,
  visitCells,
} from "@tumbuh/core";
import { type Kysely, sql, type Transaction } from "kysely";
import { forEachRow } from "../../db/raw-rows";
import type { Database } from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";
import { coveringCodes, scorecardTargetsPerDesa } from "../services/service";

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
 * The service counts of each of `desas` (all inside `regionCode`), read once per quarter for the region
 * (core scorecard targets split per desa: `scorecardTargetsPerDesa`) instead of one scorecard per desa and
 * quarter (issue 18). A desa without service records, or not a region, has no entry.
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

  // Birth dates of those who can be 11 months old in a counted month (not every adult's).
  const births = new Map<string, string>();
  await forEachRow<[string, string]>(
    db as Kysely<Database>,
    db
      .selectFrom("persons")
      .select(["id", "birth_date"])
      .where(withinScopes("region_code", [regionCode]))
      .where("birth_date", ">=", `${shiftMonth(earliest, -(IDL_AGE_MONTHS + 2))}-01`),
    ([id, birthDate]) => {
      births.set(id, birthDate);
    },
  );
  // The immunisation cohort is a count of children (each once, at 11 months): its periods add up.
  const tally = (counts: Counts, code: string, month: string, cell: ScoreCell | null | undefined) => {
    if (cell !== "Y" && cell !== "T") return;
    for (const period of [month, ...LONGER_KINDS.map((k) => periodContaining(k, month))]) {
      const key = `${code}|${period}`;
      const c = counts.get(key) ?? { numerator: 0, denominator: 0 };
      c.denominator++;
      if (cell === "Y") c.numerator++;
      counts.set(key, c);
    }
  };
  const cellsOf = new Map<string, Map<string, PersonMonthCell[]>>();
  const quarters: string[] = [];
  const firstFrom = [...fromOf.values()].sort()[0] as string;
  for (let m = firstFrom; m <= thisMonth; m = shiftMonth(m, 1)) {
    const q = quarterOf(m);
    if (quarters.at(-1) !== q) quarters.push(q);
  }
  const perQuarter = quarters
    .map((quarter) => {
      const last = monthsOfPeriod(quarter).at(-1) as string;
      return { period: quarter, desas: [...fromOf].filter(([, from]) => from <= last).map(([d]) => d) };
    })
    .filter((q) => q.desas.length > 0);
  // Scored without rows (core visitCells), and the immunisation cell only where it is counted: at 11
  // months (issue 18: ~24 months of immunisation cells a child scored for one).
  await scorecardTargetsPerDesa(
    db,
    regionCode,
    perQuarter,
    Object.keys(PERSON_RULES),
    (quarter, desa, catalog, targets) => {
      const months = monthsOfPeriod(quarter);
      const ends = months.map(monthEnd);
      const from = fromOf.get(desa) as string;
      const immunisation = indicatorsOf(catalogForRegion(desa), "anak_0_23").find(
        (i) => i.code === IMMUNISATION,
      );
      let counts = out.get(desa);
      if (!counts) {
        counts = new Map();
        out.set(desa, counts);
      }
      let cells = cellsOf.get(desa);
      if (!cells) {
        cells = new Map(Object.keys(PERSON_RULES).map((code) => [code, []]));
        cellsOf.set(desa, cells);
      }
      const desaCounts = counts;
      const desaCells = cells;
      for (const { personId, facts } of targets) {
        visitCells(catalog, months, facts, {
          // Pasal 7 i "bayi 0–11 bulan telah diimunisasi dasar secara lengkap": each child is counted once, in
          // the month it has 11 completed months — when every antigen of the schedule (Permenkes 12/2017; core
          // ANTIGENS, measles due from 10 months) is due, so the scorecard's "complete for age" is "complete".
          // Summed over a year this is the year's cohort of infants and those fully immunised before age one.
          row(group, _indicators, present) {
            if (group !== "anak_0_23" || !immunisation) return;
            const born = births.get(personId);
            if (!born) return;
            for (let i = 0; i < months.length; i++) {
              const month = months[i] as string;
              if (month < from || month > thisMonth) continue;
              if (completedMonths(born, ends[i] as string) === IDL_AGE_MONTHS)
                tally(
                  desaCounts,
                  SERVICE_CODES.idl,
                  month,
                  present[i] ? evaluateIndicator(immunisation, facts, month, catalog) : null,
                );
            }
          },
          // Only cells that judge (Y or T): countPersons passes over the rest (issue 18: a list of every cell
          // was a fifth of the rebuild's garbage).
          cell(ind, i, cell) {
            const list = desaCells.get(ind.code);
            const month = months[i] as string;
            if (list && (cell === "Y" || cell === "T") && month >= from && month <= thisMonth)
              list.push({ personId, month, cell });
          },
        });
      }
    },
  );
  for (const [desa, cells] of cellsOf) {
    const counts = out.get(desa) as Counts;
    for (const [code, list] of cells)
      for (const [period, f] of countPersons(list, PERSON_RULES[code] as PersonRule))
        counts.set(`${code}|${period}`, f);
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
