/** Calendar dates as `YYYY-MM-DD` strings, computed in UTC so no time zone shifts a birthday. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const valid = new Map<string, boolean>();

export function isIsoDate(s: string): boolean {
  // Imports check the same few hundred dates tens of thousands of times.
  const hit = valid.get(s);
  if (hit !== undefined) return hit;
  const ok = checkIsoDate(s);
  if (valid.size >= 20_000) valid.clear();
  valid.set(s, ok);
  return ok;
}

function checkIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
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
