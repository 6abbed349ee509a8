// The midwife's list filters as data: which women each shows and how many. Pure, tested beside it.
import type { PregnantWomanRow } from "@tumbuh/core";

export const PREGNANT_FILTERS = ["all", "risk", "dueSoon", "ancBehind", "t3"] as const;
export type PregnantFilter = (typeof PREGNANT_FILTERS)[number];

/** The expected date within this many days counts as "due soon" (a month: time to plan the birth, P4K). */
export const DUE_SOON_DAYS = 30;

/** Any risk the midwife acts on: her own high-risk mark, KEK or anaemia. */
export function atRisk(w: PregnantWomanRow): boolean {
  return w.highRisk || w.kek || w.anaemia;
}

const TESTS: Record<PregnantFilter, (w: PregnantWomanRow) => boolean> = {
  all: () => true,
  risk: atRisk,
  dueSoon: (w) => w.daysToEdd <= DUE_SOON_DAYS,
  ancBehind: (w) => w.ancMissing > 0,
  t3: (w) => w.trimester === 3,
};

export function applyFilter(women: readonly PregnantWomanRow[], filter: PregnantFilter): PregnantWomanRow[] {
  return women.filter(TESTS[filter]);
}

export function filterCounts(women: readonly PregnantWomanRow[]): Record<PregnantFilter, number> {
  const counts = { all: 0, risk: 0, dueSoon: 0, ancBehind: 0, t3: 0 };
  for (const f of PREGNANT_FILTERS) counts[f] = women.filter(TESTS[f]).length;
  return counts;
}

export function parseFilter(value: string | null): PregnantFilter {
  return (PREGNANT_FILTERS as readonly string[]).includes(value ?? "") ? (value as PregnantFilter) : "all";
}
