import { AnyPeriod } from "../period";

/**
 * A reporting period of the indicators: a month "2025-06" (posyandu weighing month, monthly trend), a
 * quarter "2025-Q3" (PALI Pasal 38), a semester "2025-S1" (PALI Pasal 39; Paser Pasal 46) or a year "2025"
 * (the targets of Paser Pasal 6 are yearly; the annex's "one publication per year") — core period.ts.
 */
export const Period = AnyPeriod;
export type Period = AnyPeriod;

/** A calendar month "2025-06" — not a quarter "2025-Q3" or semester "2025-S1", which have 7 characters too. */
export function isMonth(period: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(period);
}

export { periodBounds, periodYear } from "../period";

/** The `count` months ending with `last` (YYYY-MM), oldest first. */
export function monthsEnding(last: string, count: number): string[] {
  const y = Number(last.slice(0, 4));
  const m = Number(last.slice(5, 7)) - 1;
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(y, m - i, 1));
    out.push(d.toISOString().slice(0, 7));
  }
  return out;
}
