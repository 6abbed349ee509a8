import { completedMonths } from "@tumbuh/growth/age";
import { type CountedMeasurement, registeredIn } from "../indicators/child-counts";
import { periodBounds, periodKind } from "../period";

/**
 * Counts of one area and period split by sex and age band, for aggregate reporting (DHIS2). Pure: the
 * server gives it the area's children (with sex) and their live measurements.
 *
 * It follows the rules of the dashboard's `countChildren` (indicators/child-counts.ts) so the totals agree
 * with the indicator figures — a property test holds them equal for every month and year:
 * - registered: `registeredIn` (born by the period's end, here when it began, a balita: for a month 0–59
 *   completed months at its end as the SKDN's S, for a longer period under 60 months on its first day);
 * - measured: registered and weighed in the period at 0–59 completed months (the SKDN's D; a length-only
 *   measurement still counts for its index);
 * - per index, the child's latest usable z in the period (a WHO-flagged value outside the plausible range
 *   is left out), so a child counts once per period.
 * Added here: the age band and the severity.
 * - Age band: completed months at the child's latest measurement in the period; a child not measured, on
 *   the period's last day (at most 59: a child who turns five during the period stays in the oldest band).
 *   Bands 0–5, 6–11, 12–23, 24–59 months (the bands of the issue and of the e-PPGBM reports).
 * - Severity (Permenkes 2/2020, Lampiran, Kategori dan Ambang Batas Status Gizi Anak): severe z < −3 SD
 *   (sangat pendek / gizi buruk / berat badan sangat kurang), moderate −3 SD ≤ z < −2 SD (pendek / gizi
 *   kurang / berat badan kurang), normal z ≥ −2 SD (every other category, including tall and overweight).
 *   So severe + moderate + normal = measured for the index, which the export checks before writing.
 */
export const SEXES = ["male", "female"] as const;
export type Sex = (typeof SEXES)[number];
export const AGE_BANDS = ["0-5", "6-11", "12-23", "24-59"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
/** The growth indices: TB/U (length/height-for-age), BB/U (weight-for-age), BB/TB (weight-for-length/height). */
export const GROWTH_INDICES = ["tbu", "bbu", "bbtb"] as const;
export type GrowthIndex = (typeof GROWTH_INDICES)[number];

export const COUNT_NAMES = [
  "registered",
  "measured",
  ...GROWTH_INDICES.flatMap((i) => [`${i}_measured`, `${i}_severe`, `${i}_moderate`, `${i}_normal`] as const),
] as const;
export type CountName = (typeof COUNT_NAMES)[number];

/** One cell of the breakdown: "male:0-5" … "female:24-59". */
export type CellKey = `${Sex}:${AgeBand}`;
export const CELL_KEYS: readonly CellKey[] = SEXES.flatMap((s) => AGE_BANDS.map((b) => `${s}:${b}` as const));

export type CellCounts = Record<CountName, number>;
export type Breakdown = Record<CellKey, CellCounts>;

export interface BreakdownChild {
  id: string;
  /** 1 laki-laki, 2 perempuan (as the registry stores it). */
  sex: number;
  birthDate: string;
  /** persons.left_on: moved away or died on this day. */
  leftOn?: string | null;
}

const Z_OF: Record<GrowthIndex, keyof Pick<CountedMeasurement, "zlen" | "zwei" | "zwfl">> = {
  tbu: "zlen",
  bbu: "zwei",
  bbtb: "zwfl",
};
/** WHO plausibility ranges of the rounded z-scores, the same as the dashboard's. */
const RANGE = { zlen: [-6, 6], zwei: [-6, 5], zwfl: [-5, 5] } as const;

function usable(m: CountedMeasurement, key: keyof typeof RANGE): number | null {
  const z = m[key];
  if (z === null) return null;
  if (!m.flagged) return z;
  const [lo, hi] = RANGE[key];
  return z >= lo && z <= hi ? z : null;
}

export function emptyCell(): CellCounts {
  return Object.fromEntries(COUNT_NAMES.map((c) => [c, 0])) as CellCounts;
}

export function emptyBreakdown(): Breakdown {
  return Object.fromEntries(CELL_KEYS.map((k) => [k, emptyCell()])) as Breakdown;
}

export function ageBand(months: number): AgeBand {
  if (months < 6) return "0-5";
  if (months < 12) return "6-11";
  if (months < 24) return "12-23";
  return "24-59";
}

export function severity(z: number): "severe" | "moderate" | "normal" {
  if (z < -3) return "severe";
  if (z < -2) return "moderate";
  return "normal";
}

/** The breakdown of the given children for one period (any kind: month, quarter, semester, year). */
export function breakdownChildren(
  children: readonly BreakdownChild[],
  measurements: readonly CountedMeasurement[],
  period: string,
  into: Breakdown = emptyBreakdown(),
): Breakdown {
  const { start, end } = periodBounds(period);
  const isMonth = periodKind(period) === "month";
  const byChild = new Map<string, CountedMeasurement[]>();
  for (const m of measurements) {
    if (m.measuredOn < start || m.measuredOn > end) continue;
    const list = byChild.get(m.personId);
    if (list) list.push(m);
    else byChild.set(m.personId, [m]);
  }
  for (const child of children) {
    if (!registeredIn(child, { start, end }, isMonth)) continue;
    const sex: Sex = child.sex === 2 ? "female" : "male";
    const own = (byChild.get(child.id) ?? [])
      .filter((m) => m.measuredOn >= child.birthDate && completedMonths(child.birthDate, m.measuredOn) < 60)
      .sort((a, b) => (a.measuredOn < b.measuredOn ? -1 : a.measuredOn > b.measuredOn ? 1 : 0));
    const latest = own.at(-1);
    const months = latest
      ? completedMonths(child.birthDate, latest.measuredOn)
      : Math.min(59, completedMonths(child.birthDate, end));
    const cell = into[`${sex}:${ageBand(months)}`];
    cell.registered++;
    if (!latest) continue;
    if (own.some((m) => m.weighed !== false)) cell.measured++;
    for (const index of GROWTH_INDICES) {
      let z: number | null = null;
      for (const m of own) z = usable(m, Z_OF[index]) ?? z;
      if (z === null) continue;
      cell[`${index}_measured`]++;
      cell[`${index}_${severity(z)}`]++;
    }
  }
  return into;
}

/** The sum of every cell: the area's totals. */
export function breakdownTotal(b: Breakdown): CellCounts {
  const total = emptyCell();
  for (const k of CELL_KEYS) for (const c of COUNT_NAMES) total[c] += b[k][c];
  return total;
}

/**
 * Problems that must stop an export: per cell, severe + moderate + normal = measured for each index, and
 * measured for an index ≤ registered, weighed ≤ registered (a length-only measurement counts for TB/U but is
 * not a weighing, so an index may exceed the weighed). `where` names the area in each message.
 */
export function breakdownProblems(b: Breakdown, where: string): string[] {
  const out: string[] = [];
  for (const k of CELL_KEYS) {
    const c = b[k];
    for (const i of GROWTH_INDICES) {
      const sum = c[`${i}_severe`] + c[`${i}_moderate`] + c[`${i}_normal`];
      if (sum !== c[`${i}_measured`])
        out.push(`${where} ${k}: ${i} severe + moderate + normal = ${sum}, measured ${c[`${i}_measured`]}`);
      if (c[`${i}_measured`] > c.registered)
        out.push(`${where} ${k}: ${i} measured ${c[`${i}_measured`]} > registered ${c.registered}`);
    }
    if (c.measured > c.registered)
      out.push(`${where} ${k}: measured ${c.measured} > registered ${c.registered}`);
  }
  return out;
}
