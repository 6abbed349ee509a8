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
