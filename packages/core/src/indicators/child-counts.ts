import { completedMonths, daysInMonth } from "@tumbuh/growth/age";
import { type PeriodKind, periodContaining, periodKind } from "../period";
import { presentOn } from "../presence";
import { SKDN_AGE_MONTHS } from "../skdn/figures";
import { periodBounds } from "./periods";

/**
 * Counts behind the child indicators of one desa for each period (computations stunting_prevalence,
 * wasting_prevalence, underweight_prevalence, measurement_coverage). Pure: the server feeds it the desa's
 * children and their live measurements and stores the result per desa and period.
 *
 * Rules (and why):
 * - A child belongs to the desa of its home (persons.region_code), wherever it was weighed: prevalence is
 *   about the desa's children, and the denominator of coverage (children registered) is by home too. A
 *   child of Sandeley weighed at a posyandu in Kuaro counts for Sandeley.
 * - Registered in a month: the SKDN "S" (core skdn/figures): born on or before the month's last day and
 *   0–59 completed months on it — so the dashboards' D/S and the SKDN report agree (issue 14). In a longer
 *   period (quarter, semester, year): a balita at some time in it (born on or before its last day, under 60
 *   completed months on its first day; Paser Pasal 1: balita 0–59 months).
 * - Left: a child marked moved away or died (persons.left_on) leaves the denominators from that date — it
 *   is in no period that starts on or after it (it still counts in the period it left in: it was there).
 * - Measured: registered and weighed (a measurement with a weight) at least once in the period at 0–59
 *   completed months; for a month that is the SKDN "D". A year's D/S is not this count: see the
 *   computation measurement_coverage (the mean of its months).
 * - Prevalence uses, per indicator, the child's latest measurement in the period that has a usable value
 *   for that indicator: the rounded z stored with the measurement, not flagged by WHO as implausible
 *   (WHO 2006 / anthro: |TB/U| > 6, BB/U < −6 or > 5, |BB/TB| > 5). Only one measurement per child, so a
 *   child weighed every month of a year counts once in the year's figure. Cut-off < −2 SD (Permenkes
 *   2/2020: stunted/pendek, wasted/gizi kurang, underweight/berat badan kurang, each including the severe).
 * - Flagged: measured children whose latest measurement in the period carries any WHO flag (shown so that
 *   data quality sits beside the figure).
 */
export interface ChildCounts {
  registered: number;
  measured: number;
  flagged: number;
  lenN: number;
  stunted: number;
  weiN: number;
  underweight: number;
  wflN: number;
  wasted: number;
}

export interface CountedChild {
  id: string;
  birthDate: string;
  /** persons.left_on: moved away or died on this day (null/absent: still here). */
  leftOn?: string | null;
}

/**
 * Whether a child is in a period's denominator: born by its last day, here when it began (core presence.ts),
 * and a balita — for a month 0–59 completed months at its end (the SKDN's S), for a longer period under 60
 * completed months on its first day. The DHIS2 breakdown asks the same (dhis2/breakdown.ts).
 */
export function registeredIn(
  child: CountedChild,
  bounds: { start: string; end: string },
  isMonth: boolean,
): boolean {
  if (child.birthDate > bounds.end) return false;
  if (!presentOn(child, bounds.start)) return false;
  const age = isMonth
    ? completedMonths(child.birthDate, bounds.end)
    : completedMonths(child.birthDate, bounds.start);
  return isMonth ? age <= SKDN_AGE_MONTHS : age < 60;
}

export interface CountedMeasurement {
  personId: string;
  measuredOn: string;
  zlen: number | null;
  zwei: number | null;
  zwfl: number | null;
  flagged: boolean;
  /** A weight was taken (absent: true). A length-only measurement is not a weighing for D. */
  weighed?: boolean;
}

export function emptyCounts(): ChildCounts {
  return {
    registered: 0,
    measured: 0,
    flagged: 0,
    lenN: 0,
    stunted: 0,
    weiN: 0,
    underweight: 0,
    wflN: 0,
    wasted: 0,
  };
}

/** WHO plausibility ranges of the rounded z-scores; outside them a flagged value is left out. */
const RANGE = { zlen: [-6, 6], zwei: [-6, 5], zwfl: [-5, 5] } as const;

function usable(z: number | null, key: keyof typeof RANGE, flagged: boolean): z is number {
  if (z === null) return false;
  if (!flagged) return true;
  const [lo, hi] = RANGE[key];
  return z >= lo && z <= hi;
}

/** Counts per period (month, quarter, semester or year; core period.ts) for the children and measurements. */
export function countChildren(
  children: readonly CountedChild[],
  measurements: readonly CountedMeasurement[],
  periods: readonly string[],
): Map<string, ChildCounts> {
  const counter = childCounter(periods);
  const byChild = new Map<string, CountedMeasurement[]>();
  for (const m of measurements) {
    const list = byChild.get(m.personId);
    if (list) list.push(m);
    else byChild.set(m.personId, [m]);
  }
  for (const child of children) counter.add(child, byChild.get(child.id) ?? []);
  return counter.counts;
}

/** What `childCounter` reads of a child: not its id (a caller may key its children any way it likes). */
export type CounterChild = Pick<CountedChild, "birthDate" | "leftOn">;
/** What `childCounter` reads of a measurement: not whose it is (`add` is given one child's own). */
export type CounterMeasurement = Omit<CountedMeasurement, "personId">;

/**
 * `countChildren` one child at a time: `add` each child once with all its measurements (any order), then
 * read `counts`. For a caller streaming a regency's measurements child by child, so that they never all sit
 * in memory at once (issue 18).
 *
 * The age rules are the same as everywhere (`registeredIn`, `completedMonths`), but asked once per birth
 * date (which periods a child born that day is a balita in, and its fifth birthday), not per child and
 * period or per measurement: the demo regency's 33k children, born on ~2,000 days, each asked ~100 periods
 * (issue 18: millions of date parses in every full rebuild).
 */
export function childCounter(periods: readonly string[]): {
  add(child: CounterChild, own: CounterMeasurement[]): void;
  counts: Map<string, ChildCounts>;
} {
  const counts = new Map<string, ChildCounts>(periods.map((p) => [p, emptyCounts()]));
  const bounds = periods.map((p) => ({
    month: periodKind(p) === "month",
    ...periodBounds(p),
    c: counts.get(p) as ChildCounts,
    period: p,
  }));
  const kinds = [...new Set(periods.map(periodKind))] as PeriodKind[];
  const indexOf = new Map(periods.map((p, i) => [p, i]));
  /** Per birth date: the periods (indices) whose denominator a child born that day is in (present all along). */
  const bornOn = new Map<string, { periods: number[]; fiveOn: string }>();
  /** Per day: the periods (indices) of each kind it falls in. */
  const periodsOn = new Map<string, number[]>();
  // The child being added's latest values per period, by the period's index. Arrays reused from child to
  // child (a period's slot is the current child's when its stamp is): no objects or maps per child.
  const n = periods.length;
  const stamp = new Int32Array(n);
  const weighed = new Uint8Array(n);
  const flagged = new Uint8Array(n);
  const zlen = new Float64Array(n);
  const zwei = new Float64Array(n);
  const zwfl = new Float64Array(n);
  let serial = 0;
  const add = (child: CounterChild, own: CounterMeasurement[]) => {
    let born = bornOn.get(child.birthDate);
    if (!born) {
      const birthDate = child.birthDate;
      born = {
        periods: bounds.flatMap((b, i) => (registeredIn({ id: "", birthDate }, b, b.month) ? [i] : [])),
        fiveOn: fifthBirthday(birthDate),
      };
      bornOn.set(birthDate, born);
    }
    serial++;
    own.sort((a, b) => (a.measuredOn < b.measuredOn ? -1 : 1));
    // Latest value per period (NaN: none usable yet), in day order: the last one seen is the latest.
    for (const m of own) {
      // Measured as a balita: 0–59 completed months, i.e. from birth to the day before the fifth birthday.
      if (m.measuredOn < child.birthDate || m.measuredOn >= born.fiveOn) continue;
      let on = periodsOn.get(m.measuredOn);
      if (!on) {
        on = kinds.flatMap((k) => indexOf.get(periodContaining(k, m.measuredOn)) ?? []);
        periodsOn.set(m.measuredOn, on);
      }
      for (const i of on) {
        if (stamp[i] !== serial) {
          stamp[i] = serial;
          weighed[i] = 0;
          zlen[i] = Number.NaN;
          zwei[i] = Number.NaN;
          zwfl[i] = Number.NaN;
        }
        flagged[i] = m.flagged ? 1 : 0;
        if (m.weighed !== false) weighed[i] = 1;
        if (usable(m.zlen, "zlen", m.flagged)) zlen[i] = m.zlen;
        if (usable(m.zwei, "zwei", m.flagged)) zwei[i] = m.zwei;
        if (usable(m.zwfl, "zwfl", m.flagged)) zwfl[i] = m.zwfl;
      }
    }
    for (const i of born.periods) {
      const b = bounds[i] as (typeof bounds)[number];
      if (!presentOn(child, b.start)) continue;
      const c = b.c;
      c.registered++;
      if (stamp[i] !== serial) continue;
      if (weighed[i]) c.measured++;
      if (flagged[i]) c.flagged++;
      const len = zlen[i] as number;
      if (!Number.isNaN(len)) {
        c.lenN++;
        if (len < -2) c.stunted++;
      }
      const wei = zwei[i] as number;
      if (!Number.isNaN(wei)) {
        c.weiN++;
        if (wei < -2) c.underweight++;
      }
      const wfl = zwfl[i] as number;
      if (!Number.isNaN(wfl)) {
        c.wflN++;
        if (wfl < -2) c.wasted++;
      }
    }
  };
  return { add, counts };
}

/**
 * The day a child born on `birthDate` has 60 completed months (growth's `completedMonths`: the anniversary,
 * or the month's last day when it lacks that day — born 29 February, five on 28 February). A property test
 * holds it to `completedMonths(birthDate, day) >= 60` for every day.
 */
export function fifthBirthday(birthDate: string): string {
  const year = Number(birthDate.slice(0, 4)) + 5;
  const month = Number(birthDate.slice(5, 7));
  const day = Math.min(Number(birthDate.slice(8, 10)), daysInMonth(year, month));
  return `${year}-${birthDate.slice(5, 7)}-${String(day).padStart(2, "0")}`;
}
