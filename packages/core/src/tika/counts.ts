import type { TikaCounts, TikaResult } from "./schemas";

/**
 * Which result stands for a child in a period. PALI Pasal 40 ayat (2) d–f counts children "diukur dengan
 * tika pertumbuhan", so a reading off the mat comes first: the latest reading in the period. Only a child
 * with no reading in the period is given the band of its latest plausible length measurement in the period
 * (the same WHO marks the mat prints), marked `source: "length"`, so a posyandu that measures length but
 * never lays out the mat still reports its children — and every count says how many came from which.
 * Ties on a day: the later-listed wins (callers pass results oldest first).
 */
export function tikaResultOf(
  readings: readonly TikaResult[],
  fromLengths: readonly TikaResult[],
  start: string,
  end: string,
): TikaResult | null {
  const inPeriod = (r: TikaResult) => r.on >= start && r.on <= end;
  const latest = (list: readonly TikaResult[]) =>
    list.filter(inPeriod).reduce<TikaResult | null>((a, r) => (a && a.on > r.on ? a : r), null);
  return latest(readings) ?? latest(fromLengths);
}

export const EMPTY_TIKA_COUNTS: TikaCounts = {
  children: 0,
  merah: 0,
  kuning: 0,
  hijau: 0,
  notMeasured: 0,
  fromReading: 0,
  fromLength: 0,
};

/** Counts of a set of children, each with its result of the period (null = not measured). */
export function countTika(results: readonly (TikaResult | null)[]): TikaCounts {
  const c = { ...EMPTY_TIKA_COUNTS };
  for (const r of results) {
    c.children++;
    if (!r) {
      c.notMeasured++;
      continue;
    }
    c[r.band]++;
    if (r.source === "reading") c.fromReading++;
    else c.fromLength++;
  }
  return c;
}

export function addTikaCounts(a: TikaCounts, b: TikaCounts): TikaCounts {
  return {
    children: a.children + b.children,
    merah: a.merah + b.merah,
    kuning: a.kuning + b.kuning,
    hijau: a.hijau + b.hijau,
    notMeasured: a.notMeasured + b.notMeasured,
    fromReading: a.fromReading + b.fromReading,
    fromLength: a.fromLength + b.fromLength,
  };
}
