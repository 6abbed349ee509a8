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

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD` into [year, month 1–12, day]; throws on anything else. */
export function parseIsoDate(date: string): [number, number, number] {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) {
    throw new RangeError(`no such date: ${date}`);
  }
  return [y, mo, d];
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
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
