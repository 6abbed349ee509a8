/**
 * Age conventions.
 *
 * WHO anthro (`age_to_days`, `age_to_months`, `R/utils.R`):
 *  - a month is 30.4375 days (`ANTHRO_DAYS_OF_MONTH`, 365.25 / 12);
 *  - the table lookup uses whole days `round_up(age_days)` (half up), and an
 *    age in months is first converted with `round_up(months × 30.4375)`;
 *  - the "under 60 months" and "under 9 months" tests use the UNROUNDED age in
 *    months (`age_days / 30.4375`, or the months as given).
 * So 24 months → 730.5 days → 731 (height-based), and 1826.25 days → 60.0
 * months → outside the 0–60-month standard even though day 1826 is in the table.
 */
import { roundUp } from "./round";

export const DAYS_PER_MONTH = 30.4375;

/** Whole days used for the WHO 2006 table lookup (NaN when age is missing). */
export function ageDaysFromDays(days: number): number {
  return roundUp(days);
}

/** anthro `age_to_days(months, is_age_in_month = TRUE)`: `round_up(months × 30.4375)`. */
export function ageDaysFromMonths(months: number): number {
  return roundUp(months * DAYS_PER_MONTH);
}

/** anthro `age_to_months(days)`: unrounded `days / 30.4375`. */
export function ageMonthsFromDays(days: number): number {
  return days / DAYS_PER_MONTH;
}

/** Two ASCII digits at `i` as a number, or NaN. */
function digits2(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : Number.NaN;
}

/**
 * Parses `YYYY-MM-DD` into [year, month 1–12, day]; throws on anything else. Read by character codes rather
 * than a regular expression: the aggregates and scorecards call this millions of times (a sixth of a full
 * rebuild's time went to date parsing, issue 18); `parse-iso-date.test.ts` checks it against the regex.
 */
export function parseIsoDate(date: string): [number, number, number] {
  const y =
    date.length === 10 && date[4] === "-" && date[7] === "-"
      ? digits2(date, 0) * 100 + digits2(date, 2)
      : Number.NaN;
  const mo = digits2(date, 5);
  const d = digits2(date, 8);
  if (Number.isNaN(y) || Number.isNaN(mo) || Number.isNaN(d)) {
    throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  }
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) {
    throw new RangeError(`no such date: ${date}`);
  }
  return [y, mo, d];
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  // Date.UTC reads years 0–99 as 1900–1999: keep its answer there; elsewhere the Gregorian rule, no Date.
  if (year < 100 || month < 1 || month > 12 || !Number.isInteger(year) || !Number.isInteger(month))
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month !== 2) return MONTH_DAYS[month - 1] as number;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** Days between two ISO dates (`to − from`), independent of time zone. */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parseIsoDate(from);
  const [y2, m2, d2] = parseIsoDate(to);
  return (Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000;
}

/**
 * Age in COMPLETED calendar months on `date` for a child born on `birthDate`
 * (the age a parent would say: 1 month on the first monthly anniversary).
 * A monthly anniversary that falls on a day the month lacks (born on the 31st)
 * is taken as reached on the month's last day, e.g. born 2024-01-31 → 1 month
 * on 2024-02-29. Returns a negative number if `date` is before the birth.
 */
export function completedMonths(birthDate: string, date: string): number {
  const [y1, m1, d1] = parseIsoDate(birthDate);
  const [y2, m2, d2] = parseIsoDate(date);
  let months = (y2 - y1) * 12 + (m2 - m1);
  const anniversaryDay = Math.min(d1, daysInMonth(y2, m2));
  if (months > 0 && d2 < anniversaryDay) months -= 1;
  else if (months < 0 && d2 > anniversaryDay) months += 1;
  return months;
}

/**
 * Months between the calendar months of two dates, ignoring the day: the
 * KMS card's "umur (bulan)" column counts the birth month as 0 and every
 * following calendar month as one more.
 */
export function calendarMonths(birthDate: string, date: string): number {
  const [y1, m1] = parseIsoDate(birthDate);
  const [y2, m2] = parseIsoDate(date);
  return (y2 - y1) * 12 + (m2 - m1);
}
