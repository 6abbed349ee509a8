// Where a pregnancy stands on a day, as the midwife's list reads it: gestational age in completed weeks,
// trimester, days to the expected date (HPL), and the ANC/TTD counts. Pure; the thresholds are the
// scorecard's (services/catalog RULES, Permenkes 21/2021), so the list and the scorecard never disagree.
import { daysBetween } from "../dates";
import { RULES } from "../services/catalog";

export type Trimester = 1 | 2 | 3;

export interface GestationalAge {
  /** Completed weeks since the first day of the last period (HPHT). */
  weeks: number;
  /** Days beyond the completed weeks (0–6). */
  days: number;
  trimester: Trimester;
}

/** Gestational age on `asOf` from the last period; null before the period's first day. */
export function gestationalAge(lmpDate: string, asOf: string): GestationalAge | null {
  const d = daysBetween(lmpDate, asOf);
  if (d < 0) return null;
  const trimester: Trimester = d >= RULES.trimester3FromDay ? 3 : d >= RULES.trimester2FromDay ? 2 : 1;
  return { weeks: Math.floor(d / 7), days: d % 7, trimester };
}

/** The first day of a trimester, as days since the last period. */
export function trimesterStartDay(t: Trimester): number {
  return t === 1 ? 0 : t === 2 ? RULES.trimester2FromDay : RULES.trimester3FromDay;
}

/**
 * ANC visits per trimester, counted from the visit dates (visits before the last period or after `asOf`
 * are left out). The standard is T1 ≥ 1, T2 ≥ 1, T3 ≥ 2 (RULES, BUKU; Permenkes 97/2014 Pasal 13).
 */
export function ancByTrimester(
  lmpDate: string,
  visitDates: readonly string[],
  asOf: string,
): [number, number, number] {
  const counts: [number, number, number] = [0, 0, 0];
  for (const v of visitDates) {
    if (v > asOf) continue;
    const age = gestationalAge(lmpDate, v);
    if (age) counts[age.trimester - 1] = (counts[age.trimester - 1] ?? 0) + 1;
  }
  return counts;
}

/** Visits still missing for the trimesters already over (0 when the pregnancy is on track). */
export function ancMissing(
  lmpDate: string,
  byTrimester: readonly [number, number, number],
  asOf: string,
): number {
  const d = daysBetween(lmpDate, asOf);
  let missing = 0;
  if (d >= RULES.trimester2FromDay) missing += Math.max(0, 1 - byTrimester[0]);
  if (d >= RULES.trimester3FromDay) missing += Math.max(0, 1 - byTrimester[1]);
  if (d >= RULES.ancT3FirstDueDay) missing += Math.max(0, 1 - byTrimester[2]);
  return missing;
}
