// Periods offered on the scorecard page: the last 12 months, 6 quarters, 4 semesters and 3 years, newest
// first (issue 14: semester and year wherever a month or quarter is taken; core period.ts).
import { isPeriod, recentPeriods } from "@tumbuh/core";

export function periodChoices(now: Date = new Date()): string[] {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth(); // 0-based
  const months: string[] = [];
  for (let i = 0; i < 12; i++) {
    const k = y * 12 + m - i;
    months.push(`${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}`);
  }
  const quarters: string[] = [];
  const q0 = y * 4 + Math.floor(m / 3);
  for (let i = 0; i < 6; i++) quarters.push(`${Math.floor((q0 - i) / 4)}-Q${((q0 - i) % 4) + 1}`);
  const today = `${months[0]}-01`;
  return [...months, ...quarters, ...recentPeriods("semester", today, 4), ...recentPeriods("year", today, 3)];
}

/** The period in the URL when it is one, else the current month. */
export function periodFrom(param: string | null, now: Date = new Date()): string {
  return param && isPeriod(param) ? param : (periodChoices(now)[0] as string);
}
