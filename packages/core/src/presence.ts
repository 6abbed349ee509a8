import { periodBounds } from "./period";

/**
 * THE rule for who still counts (issue 17): a person marked moved away or died (`persons.left_on`) stops
 * counting on that day. Every denominator, working list and due list asks this one predicate, so a child
 * who died is never again "not weighed" and a family that moved is never again "not visited".
 *
 * - On a day: present when nothing is recorded, or the day is before `leftOn` (the day of leaving itself
 *   no longer counts: a child who moved on the 15th is not due at the posyandu on the 15th).
 * - In a period (month, quarter, semester, year): present when here on ANY day of it, i.e. left after its
 *   first day. A child weighed on 3 June who moved on 15 June is in June's D and S (the weighing happened)
 *   and in the year's figures, and out of July's and every later period's. The indicator figures
 *   (core indicators/child-counts.ts, server service-aggregates.ts) ask exactly this.
 */
export interface PresenceFacts {
  /** YYYY-MM-DD or null/undefined while the person is still here. */
  leftOn?: string | null;
}

export function presentOn(person: PresenceFacts, isoDate: string): boolean {
  return !person.leftOn || isoDate < person.leftOn;
}

/** Present in a period as written by core period.ts ("2025-07", "2025-Q3", "2025-S1", "2025"). */
export function presentInPeriod(person: PresenceFacts, period: string): boolean {
  return presentOn(person, periodBounds(period).start);
}

/** Why a person left the registry. */
export const LEFT_REASONS = ["moved", "died"] as const;
export type LeftReason = (typeof LEFT_REASONS)[number];
