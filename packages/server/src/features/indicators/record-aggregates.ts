import {
  addDays,
  completedMonths,
  isAuditableCase,
  monthEnd,
  periodContaining,
  screenedInTime,
  semesterOf,
  semesterRange,
  shiftMonth,
} from "@tumbuh/core";
import { type Kysely, sql, type Transaction } from "kysely";
import { forEachRow } from "../../db/raw-rows";
import { rowKey } from "../../db/row-key";
import type { Database } from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";
import { inTransaction } from "../../db/transaction";
import { coveringCodes } from "../services/service";
import { insertCounts, KEEP_MONTHS } from "./service-aggregates";

/**
 * The period of each longer kind a month is the last kept month of (a state "as at its last month").
 */
function lastOfLonger(months: readonly string[]): Map<string, string[]> {
  const last = new Map<string, string>();
  for (const m of months)
    for (const k of ["quarter", "semester"] as const) last.set(periodContaining(k, m), m);
  const out = new Map<string, string[]>();
  for (const [period, m] of last) out.set(m, [...(out.get(m) ?? []), period]);
  return out;
}

/**
 * Per desa, month (YYYY-MM), quarter, semester and year (YYYY): the counts of the annex rows the family, catin and case-audit
 * records of issue 8 answer. Same table, same rebuild-when-dirty as ./service-aggregates (triggers on
 * family_screenings, tpk_assignments, tpk_visits, catin, catin_screenings and case_audits, migration
 * 2026-11-22T1900; measurements and persons already mark their desa).
 */
export const RECORD_CODES = {
  /** Annex A.b.7 / P3.b.1: families at risk of stunting accompanied by a TPK. */
  family: "keluarga_didampingi",
  /** Annex P3.b.2: catin screened ≥ 3 months before marriage (core screenedInTime). */
  catinInTime: "catin_tepat_waktu",
  /** Annex A.b.3: catin with a health examination before marriage (any screening on or before the day). */
  catinExamined: "catin_diperiksa",
  /** Annex P5.a.8: stunted children under two audited (core isAuditableCase; target 50 %). */
  audit: "audit_baduta",
} as const;

type Counts = Map<string, { numerator: number; denominator: number }>;

function bump(counts: Counts, code: string, period: string, numerator: number, denominator: number) {
  const key = `${code}|${period}`;
  const c = counts.get(key) ?? { numerator: 0, denominator: 0 };
  c.numerator += numerator;
  c.denominator += denominator;
  counts.set(key, c);
}

export async function rebuildDesaRecords(
  trx: Transaction<Database> | Kysely<Database>,
  desa: string,
  today: string,
): Promise<void> {
  await insertCounts(trx, desa, await recordCounts(trx, desa, today));
}

/** The family, catin and case-audit counts of one desa (read only; the caller writes them). */
export async function recordCounts(
  trx: Transaction<Database> | Kysely<Database>,
  desa: string,
  today: string,
): Promise<Counts> {
  const { months, from, to } = windowOf(today);
  const counts: Counts = new Map();
  await familyCounts(trx, desa, months, counts);
  await catinCounts(trx, desa, from, to, counts);
  await auditCounts(trx, desa, months, counts);
  return counts;
}

/** The months counted (KEEP_MONTHS up to today's) and their first and last day. */
function windowOf(today: string) {
  const thisMonth = today.slice(0, 7);
  const months: string[] = [];
  for (let i = KEEP_MONTHS - 1; i >= 0; i--) months.push(shiftMonth(thisMonth, -i));
  return { months, from: `${months[0]}-01`, to: monthEnd(thisMonth) };
}

/**
 * `recordCounts` of each of `desas` (all inside `region`), read set-based (issue 18: the case-audit counts
 * read persons and measurements once per desa, ~1.5 s of a regency's rebuild; see auditCountsOf). Family
 * and catin records are few — a desa has a handful a semester, most none — so only the desa holding any are
 * read one by one.
 */
export async function recordCountsOf(
  db: Kysely<Database>,
  region: string,
  desas: readonly string[],
  today: string,
): Promise<Map<string, Counts>> {
  const { months, from, to } = windowOf(today);
  const wanted = new Set(desas);
  const out = new Map<string, Counts>(desas.map((d) => [d, new Map()]));
  const holding = (codes: { region_code: string }[]) =>
    [...new Set(codes.flatMap((c) => coveringCodes(c.region_code, wanted)))].sort();
  const families = await db
    .selectFrom("family_screenings")
    .select("region_code")
    .distinct()
    .where(withinScopes("region_code", [region]))
    .where("screened_on", ">=", from)
    .execute();
  for (const desa of holding(families)) await familyCounts(db, desa, months, out.get(desa) as Counts);
  const catin = await db
    .selectFrom("catin")
    .select("region_code")
    .distinct()
    .where(withinScopes("region_code", [region]))
    .where("marriage_date", ">=", from)
    .where("marriage_date", "<=", to)
    .execute();
  for (const desa of holding(catin)) await catinCounts(db, desa, from, to, out.get(desa) as Counts);

  await auditCountsOf(db, region, wanted, months, out);
  return out;
}

/**
 * Voided records (issue 17: a screening or visit entered by mistake) are read by none of the counts below.
 *
 * Families at risk: the households whose latest screening of the semester (BKKBN Verval KRS runs per
 * semester; core families/semester) says at risk — unless verification found the data do not match the
 * family ("tidak_sesuai"). Accompanied: at least one TPK visit to the family (assignment kind "keluarga")
 * from the semester's start. A month shows its semester so far; a quarter and a semester show their last month
 * kept; a year adds its two semesters (each as at its last month kept), i.e. family-semesters.
 */
async function familyCounts(
  trx: Transaction<Database> | Kysely<Database>,
  desa: string,
  months: readonly string[],
  counts: Counts,
): Promise<void> {
  const screenings = await trx
    .selectFrom("family_screenings")
    .select(["household_id", "semester", "screened_on", "created_at", "at_risk", "verify_result"])
    .where(withinScopes("region_code", [desa]))
    .where("screened_on", ">=", `${months[0]}-01`)
    .where("voided_at", "is", null)
    .orderBy("screened_on")
    .orderBy("created_at")
    .execute();
  if (screenings.length === 0) return;
  const visits = await trx
    .selectFrom("tpk_visits as v")
    .innerJoin("tpk_assignments as a", "a.id", "v.assignment_id")
    .select(["a.subject_id", "v.visited_on"])
    .where("a.subject_kind", "=", "keluarga")
    .where(withinScopes("a.region_code", [desa]))
    .where("v.visited_on", ">=", `${months[0]}-01`)
    .where("v.voided_at", "is", null)
    .execute();
  const visitsOf = new Map<string, string[]>();
  for (const v of visits) {
    const list = visitsOf.get(v.subject_id);
    if (list) list.push(v.visited_on);
    else visitsOf.set(v.subject_id, [v.visited_on]);
  }
  const lastOfSemester = new Map<string, string>();
  for (const m of months) lastOfSemester.set(semesterOf(`${m}-01`), m);
  const longer = lastOfLonger(months);
  for (const month of months) {
    const end = monthEnd(month);
    const semester = semesterOf(`${month}-01`);
    const start = semesterRange(semester).from;
    // Latest screening of the semester up to the month's end, per household (rows are in date order).
    const latest = new Map<string, (typeof screenings)[number]>();
    for (const s of screenings)
      if (s.semester === semester && s.screened_on <= end) latest.set(s.household_id, s);
    let atRisk = 0;
    let accompanied = 0;
    for (const [household, s] of latest) {
      if (s.at_risk !== 1 || s.verify_result === "tidak_sesuai") continue;
      atRisk++;
      if ((visitsOf.get(household) ?? []).some((d) => d >= start && d <= end)) accompanied++;
    }
    if (atRisk === 0) continue;
    bump(counts, RECORD_CODES.family, month, accompanied, atRisk);
    for (const p of longer.get(month) ?? []) bump(counts, RECORD_CODES.family, p, accompanied, atRisk);
    if (lastOfSemester.get(semester) === month)
      bump(counts, RECORD_CODES.family, month.slice(0, 4), accompanied, atRisk);
  }
}

/** Catin counted in the month (quarter, semester, year) of their marriage date, up to this month. */
async function catinCounts(
  trx: Transaction<Database> | Kysely<Database>,
  desa: string,
  from: string,
  to: string,
  counts: Counts,
): Promise<void> {
  const catin = await trx
    .selectFrom("catin")
    .select(["id", "marriage_date"])
    .where(withinScopes("region_code", [desa]))
    .where("marriage_date", ">=", from)
    .where("marriage_date", "<=", to)
    .execute();
  if (catin.length === 0) return;
  const screenings = await trx
    .selectFrom("catin_screenings")
    .select(["catin_id", "screened_on"])
    .where(
      "catin_id",
      "in",
      catin.map((c) => c.id),
    )
    .where("voided_at", "is", null)
    .execute();
  for (const c of catin) {
    const days = screenings.filter((s) => s.catin_id === c.id).map((s) => s.screened_on);
    const inTime = days.some((d) => screenedInTime(d, c.marriage_date)) ? 1 : 0;
    const examined = days.some((d) => d <= c.marriage_date) ? 1 : 0;
    const on = c.marriage_date;
    for (const period of (["month", "quarter", "semester", "year"] as const).map((k) =>
      periodContaining(k, on),
    )) {
      bump(counts, RECORD_CODES.catinInTime, period, inTime, 1);
      bump(counts, RECORD_CODES.catinExamined, period, examined, 1);
    }
  }
}

/**
 * Stunted children under two at a month's end — under 24 months then, latest plausible length-for-age on or
 * before it below −2 SD at under two (core isAuditableCase, as the case-audit list counts today) — and of
 * those, the ones with a case audit on or before that day. A quarter, semester or year shows its last month kept.
 */
async function auditCounts(
  trx: Transaction<Database> | Kysely<Database>,
  desa: string,
  months: readonly string[],
  counts: Counts,
): Promise<void> {
  const children = await trx
    .selectFrom("persons")
    .select(["id", "birth_date", "left_on"])
    .where(withinScopes("region_code", [desa]))
    .where("deleted_at", "is", null)
    .where("merged_into", "is", null)
    .where("birth_date", ">", addDays(`${months[0]}-01`, -800))
    .execute();
  if (children.length === 0) return;
  const ids = children.map((c) => c.id);
  const measurements: { person_id: string; measured_on: string; tbu: string | null }[] = [];
  const audits: { child_id: string; audited_on: string }[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    measurements.push(
      ...(await trx
        .selectFrom("measurements")
        .select(["person_id", "measured_on", "tbu"])
        .where("person_id", "in", chunk)
        .where("deleted_at", "is", null)
        .where("flagged", "=", 0)
        .where("tbu", "is not", null)
        .orderBy("measured_on")
        .execute()),
    );
    audits.push(
      ...(await trx
        .selectFrom("case_audits")
        .select(["child_id", "audited_on"])
        .where("child_id", "in", chunk)
        .execute()),
    );
  }
  tallyAudits(children, measurements, audits, months, counts);
}

interface AuditChild {
  id: string;
  birth_date: string;
  left_on?: string | null;
}

const STUNTED = ["tbu.pendek", "tbu.sangat_pendek"] as const;

/** The case-audit counts of a desa's children from their plausible length-for-age rows in date order. */
function tallyAudits(
  children: readonly AuditChild[],
  measurements: readonly { person_id: string; measured_on: string; tbu: string | null }[],
  audits: readonly { child_id: string; audited_on: string }[],
  months: readonly string[],
  counts: Counts,
): void {
  const byChild = new Map<string, { measured_on: string; tbu: string | null }[]>();
  for (const m of measurements) {
    const list = byChild.get(m.person_id);
    if (list) list.push(m);
    else byChild.set(m.person_id, [m]);
  }
  // A child never measured stunted is never a case: most children, skipped before the month loop.
  for (const [id, ms] of byChild)
    if (!ms.some((m) => (STUNTED as readonly (string | null)[]).includes(m.tbu))) byChild.delete(id);
  const firstAudit = new Map<string, string>();
  for (const a of audits) {
    const seen = firstAudit.get(a.child_id);
    if (!seen || a.audited_on < seen) firstAudit.set(a.child_id, a.audited_on);
  }
  const cases = months.map(() => 0);
  const audited = months.map(() => 0);
  for (const [i, month] of months.entries()) {
    const end = monthEnd(month);
    for (const c of children) {
      const ms = byChild.get(c.id);
      if (!ms) continue; // never measured stunted (most children): asked first, it costs least
      if (c.birth_date > end || completedMonths(c.birth_date, end) >= 24) continue;
      if (c.left_on && c.left_on <= end) continue; // moved away or died: no longer a case here
      let latest: { measured_on: string; tbu: string | null } | undefined;
      for (const m of ms) if (m.measured_on <= end) latest = m;
      if (!latest || !isAuditableCase(c.birth_date, latest.measured_on, latest.tbu)) continue;
      (cases[i] as number)++;
      const a = firstAudit.get(c.id);
      if (a !== undefined && a <= end) (audited[i] as number)++;
    }
  }
  bumpAudits(counts, months, cases, audited);
}

/** A desa's cases and audited cases at each kept month's end as its rows: month, quarter, semester, year. */
function bumpAudits(
  counts: Counts,
  months: readonly string[],
  cases: readonly number[],
  audited: readonly number[],
): void {
  const lastOfYear = new Map<string, string>();
  for (const m of months) lastOfYear.set(m.slice(0, 4), m);
  const longer = lastOfLonger(months);
  for (const [i, month] of months.entries()) {
    const c = cases[i] as number;
    const a = audited[i] as number;
    if (c === 0) continue;
    bump(counts, RECORD_CODES.audit, month, a, c);
    for (const p of longer.get(month) ?? []) bump(counts, RECORD_CODES.audit, p, a, c);
    if (lastOfYear.get(month.slice(0, 4)) === month)
      bump(counts, RECORD_CODES.audit, month.slice(0, 4), a, c);
  }
}

/**
 * Where a measurement stops mattering to a case count: the child's birthday two years on, as text (the
 * same month and day, the year + 2). Measured on or after it, a child is 24 months old (core
 * completedMonths) — and so on every later day, when that row could be its latest: never a case again.
 * (A 29 February birth's bound is a 29 February that may not exist: it keeps the 28th's row, one more,
 * never one fewer.) Text arithmetic both dialects read alike, compared on the (person, day) index.
 */
const UNDER_TWO = sql<string>`(cast(substr(p.birth_date, 1, 4) as integer) + 2) || substr(p.birth_date, 5)`;

/** A child read by auditCountsOf, with its plausible length-for-age rows before its second birthday. */
interface CaseChild {
  birthDate: string;
  leftOn: string | null;
  regionCode: string;
  /** The first case audit's day, if any. */
  audit: string | null;
  /** The rows' days in date order, and their tbu. */
  days: string[];
  tbus: string[];
}

/**
 * The case-audit counts (auditCounts) of `desas`, all inside `region`, in one read (issue 18: reading the
 * regency's children and every measurement of the ones ever stunted cost ~1 s of its rebuild; this ~0.3 s,
 * most of it SQLite's). It reads only what can make a case, each row once:
 * - children ever measured stunted (in the demo 4.5k of 26k young ones): regency-wide their list is one
 *   scan of the measurements table — no index holds tbu, and looking up every row of the young children
 *   instead costs half as much again. The list keeps deleted rows: that only adds children whose live rows
 *   then show no case, and `deleted_at` there made SQLite walk the live (person, day) index, looking each
 *   row up, instead of scanning the table (~15 % slower). For a desa or less, a seek in each child's own
 *   live rows instead (the list is a whole-table scan however small the region: 0.18 s → 0.02 s a desa).
 * - of their rows, those before the second birthday (UNDER_TWO);
 * - and the children's first case audits, read before them.
 * Children are told apart by their row key (db/row-key), both queries in one read-only snapshot.
 */
async function auditCountsOf(
  db: Kysely<Database>,
  region: string,
  wanted: ReadonlySet<string>,
  months: readonly string[],
  out: Map<string, Counts>,
): Promise<void> {
  const stunted = [...STUNTED];
  const ends = months.map(monthEnd);
  const tallies = new Map<string, { cases: number[]; audited: number[] }>();
  const tally = (c: CaseChild) => {
    const desas = coveringCodes(c.regionCode, wanted);
    // No month's end before the first stunted row finds a stunted latest row: the loop starts there.
    let next = c.tbus.findIndex((tbu) => (STUNTED as readonly string[]).includes(tbu));
    // -1: stunted only in a deleted row (the regency-wide list keeps those) or after the second birthday.
    if (desas.length === 0 || next === -1) return;
    const first = c.days[next] as string;
    for (let i = ends.findIndex((e) => e >= first); i !== -1 && i < ends.length; i++) {
      const end = ends[i] as string;
      while (next < c.days.length && (c.days[next] as string) <= end) next++;
      // The conditions of tallyAudits, cheapest first; the latest row on or before the end is next − 1.
      if (c.birthDate > end || (c.leftOn && c.leftOn <= end)) continue;
      if (!isAuditableCase(c.birthDate, c.days[next - 1] as string, c.tbus[next - 1] as string)) continue;
      if (completedMonths(c.birthDate, end) >= 24) break; // and older at every later month's end
      for (const d of desas) {
        let t = tallies.get(d);
        if (!t) {
          t = { cases: months.map(() => 0), audited: months.map(() => 0) };
          tallies.set(d, t);
        }
        (t.cases[i] as number)++;
        if (c.audit !== null && c.audit <= end) (t.audited[i] as number)++;
      }
    }
  };
  // Rows come in (person, day) order, each child tallied once its last has been read: nothing is kept
  // (the regency's 50k rows kept to the end made garbage collection cost as much as the tally). Row keys
  // are of one snapshot (db/row-key): the audits and the rows are read in one read-only transaction.
  await inTransaction(
    db,
    async (trx) => {
      // Case audits are few (a handful a desa): all of them, from their table outward (joined from persons,
      // the read walked every person of the region; a correlated subquery per row cost ~20 ms more).
      const firstAudit = new Map<number | string, string>();
      for (const a of await trx
        .selectFrom("case_audits as a")
        .crossJoin("persons as p")
        .select([rowKey(trx, "p").as("key"), "a.audited_on"])
        .whereRef("p.id", "=", "a.child_id")
        .where(withinScopes("p.region_code", [region]))
        .execute()) {
        const seen = firstAudit.get(a.key);
        if (seen === undefined || a.audited_on < seen) firstAudit.set(a.key, a.audited_on);
      }
      let key: number | string | undefined;
      let child: CaseChild | undefined;
      await forEachRow<[number | string, string, string | null, string, string, string]>(
        trx,
        trx
          .selectFrom("persons as p")
          .innerJoin("measurements as m", "m.person_id", "p.id")
          .select([
            rowKey(trx, "p").as("key"),
            "p.birth_date",
            "p.left_on",
            "p.region_code",
            "m.measured_on",
            "m.tbu",
          ])
          .where(withinScopes("p.region_code", [region]))
          .where("p.deleted_at", "is", null)
          .where("p.merged_into", "is", null)
          .where("p.birth_date", ">", addDays(`${months[0]}-01`, -800))
          .where("m.deleted_at", "is", null)
          .where("m.flagged", "=", 0)
          .where("m.tbu", "is not", null)
          .where("m.measured_on", "<", UNDER_TWO)
          .where((eb) =>
            region.split(".").length >= 4
              ? eb.exists(
                  eb
                    .selectFrom("measurements as s")
                    .select("s.person_id")
                    .whereRef("s.person_id", "=", "p.id")
                    .where("s.deleted_at", "is", null)
                    .where("s.flagged", "=", 0)
                    .where("s.tbu", "in", stunted),
                )
              : eb(
                  "p.id",
                  "in",
                  eb
                    .selectFrom("measurements as s")
                    .select("s.person_id")
                    .where("s.flagged", "=", 0)
                    .where("s.tbu", "in", stunted),
                ),
          )
          // The order the regency-wide plan reads them in anyway (the list by id, then the index): no sort.
          .orderBy("p.id")
          .orderBy("m.measured_on"),
        ([k, birthDate, leftOn, regionCode, measuredOn, tbu]) => {
          if (k !== key || !child) {
            if (child) tally(child);
            key = k;
            child = { birthDate, leftOn, regionCode, audit: firstAudit.get(k) ?? null, days: [], tbus: [] };
          }
          child.days.push(measuredOn);
          child.tbus.push(tbu);
        },
      );
      if (child) tally(child);
    },
    { readOnly: true },
  );
  for (const [desa, t] of tallies) bumpAudits(out.get(desa) as Counts, months, t.cases, t.audited);
}
