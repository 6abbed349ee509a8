import { addDays } from "../dates";

/**
 * Scorecard periods: a month "2025-07" or a quarter "2025-Q3". Monthly monitoring and the three-monthly
 * evaluation meeting are PALI Pasal 36–38; a quarter's scorecard uses all three of its months.
 */
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

export function isPeriod(s: string): boolean {
  return MONTH.test(s) || QUARTER.test(s);
}

/** The months of a period, in order; throws on a malformed period (validate with `isPeriod` first). */
export function monthsOfPeriod(period: string): string[] {
  if (MONTH.test(period)) return [period];
  const q = QUARTER.exec(period);
  if (!q) throw new Error(`not a period: ${period}`);
  const first = (Number(q[2]) - 1) * 3 + 1;
  return [0, 1, 2].map((i) => `${q[1]}-${String(first + i).padStart(2, "0")}`);
}

export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const i = y * 12 + (m - 1) + by;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
}

export function monthStart(month: string): string {
  return `${month}-01`;
}

// Scorecards ask for the same few month ends hundreds of thousands of times.
const ends = new Map<string, string>();

export function monthEnd(month: string): string {
  let end = ends.get(month);
  if (end === undefined) {
    end = addDays(`${shiftMonth(month, 1)}-01`, -1);
    if (ends.size > 1000) ends.clear();
    ends.set(month, end);
  }
  return end;
}

/** The month a date falls in. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}
