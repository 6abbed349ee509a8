/** Calendar dates as `YYYY-MM-DD` strings, computed in UTC so no time zone shifts a birthday. */

/** The number written by the ASCII digits s[at, at + n), or -1 when one of them is no digit. */
function digitsAt(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    v = v * 10 + c;
  }
  return v;
}

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * `YYYY-MM-DD` naming a day of the calendar: the date that Date.UTC makes of it prints back as the same text.
 * Told by arithmetic (imports check two dates a row; a Date and a pattern per check were a tenth of reading
 * a 30k-row file, issue 16): dates.test.ts holds it equal to the Date round trip. Date.UTC reads the years 0
 * to 99 as 1900 to 1999, so those never print back as themselves.
 */
export function isIsoDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const y = digitsAt(s, 0, 4);
  const m = digitsAt(s, 5, 2);
  const d = digitsAt(s, 8, 2);
  if (y < 100 || m < 1 || m > 12 || d < 1) return false;
  const days = m === 2 ? (isLeapYear(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return d <= days;
}

/**
 * The dates any record may carry: no person alive was born before 1900, and no plan, due date or
 * expected delivery lies beyond 2099. Outside this a date is a typing error (9999-12-31), refused in
 * every date field (core `IsoDate`) and every import, so it cannot sort a list or skew a figure.
 */
export const EARLIEST_DATE = "1900-01-01";
export const LATEST_DATE = "2099-12-31";

/** A real calendar date YYYY-MM-DD within EARLIEST_DATE … LATEST_DATE. */
export function isPlausibleDate(s: string): boolean {
  return s >= EARLIEST_DATE && s <= LATEST_DATE && isIsoDate(s);
}

export function toDayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

export function fromDayNumber(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

// One age convention for the whole system: the growth engine's (born 31 Jan → 1 month on 29 Feb), so a
// child's target group and its KMS minimum weight gain never disagree about its age. From the small age
// module only, so the web bundle does not pull in the WHO tables.
export { completedMonths, daysBetween } from "@tumbuh/growth/age";

import { completedMonths } from "@tumbuh/growth/age";

export function completedYears(from: string, to: string): number {
  return Math.floor(completedMonths(from, to) / 12);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}
