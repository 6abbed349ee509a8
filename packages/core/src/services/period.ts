import { parseIsoDate } from "@tumbuh/growth/age";
import { addDays } from "../dates";

/**
 * Month arithmetic for the scorecard. Periods themselves (month, quarter, semester, year) are `../period`;
 * a quarter's or a year's scorecard uses all of its months.
 */
export { isPeriod, monthsOfPeriod } from "../period";

export function shiftMonth(month: string, by: number): string {
  // Slices, not split/map: scorecards and aggregates shift months millions of times (issue 18).
  const i = Number(month.slice(0, 4)) * 12 + (Number(month.slice(5, 7)) - 1) + by;
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

// The birth date last asked about, as months since year 0: the scorecard asks about one target's age month
// after month (issue 18: ~2M ages in a regency's rebuild, each parsing two dates).
let lastBirth = "";
let lastBirthMonth = 0;

/**
 * Completed months on the last day of `month` of a child born on `birthDate` (growth's completedMonths
 * there), negative when born after that month. On a month's last day every monthly anniversary falling in
 * it has been reached (one on a day the month lacks counts on its last day), so the completed months are
 * the calendar months from the birth month to `month`. `birthDate` is checked as completedMonths checks it.
 */
export function ageAtMonthEnd(birthDate: string, month: string): number {
  if (birthDate !== lastBirth) {
    const [y, m] = parseIsoDate(birthDate);
    lastBirthMonth = y * 12 + m - 1;
    lastBirth = birthDate;
  }
  // By character codes, with no helper function: no string is made (and tsx names every inner function it
  // makes, a property write per call).
  const year =
    month.charCodeAt(0) * 1000 +
    month.charCodeAt(1) * 100 +
    month.charCodeAt(2) * 10 +
    month.charCodeAt(3) -
    53328;
  return year * 12 + month.charCodeAt(5) * 10 + month.charCodeAt(6) - 528 - 1 - lastBirthMonth;
}
