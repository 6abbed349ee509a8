/**
 * Permenkes No. 2 Tahun 2020 classification of a ROUNDED z-score (the value WHO
 * Anthro prints, `roundR2`). The bands themselves are data in
 * `data/permenkes-2-2020.ts`.
 *
 * For the batch path every band has a small global numeric id (1…N, 0 = none)
 * so a category fits in a Uint8Array; `PERMENKES_BANDS[id - 1]` gives the band.
 */
import {
  BBTB,
  BBU,
  IMTU,
  IMTU_5_18,
  IMTU_5_18_MAX_MONTHS,
  PERMENKES_INDICES,
  type PermenkesBand,
  type PermenkesIndex,
  TBU,
} from "./data/permenkes-2-2020";

/** Every band of every index, in index order; global id = position + 1. */
export const PERMENKES_BANDS: readonly PermenkesBand[] = PERMENKES_INDICES.flatMap((ix) => ix.bands);

const offsets = new Map<PermenkesIndex, number>();
{
  let o = 0;
  for (const ix of PERMENKES_INDICES) {
    offsets.set(ix, o);
    o += ix.bands.length;
  }
}

function inBand(b: PermenkesBand, z: number): boolean {
  if (b.min !== null && (b.minInclusive ? z < b.min : z <= b.min)) return false;
  if (b.max !== null && (b.maxInclusive ? z > b.max : z >= b.max)) return false;
  return true;
}

/**
 * Global id (1-based into `PERMENKES_BANDS`) of the band of `index` that
 * contains `zRounded`, or 0 when z is missing (NaN) or not finite.
 */
export function bandId(index: PermenkesIndex, zRounded: number): number {
  if (!Number.isFinite(zRounded)) return 0;
  const offset = bandOffset(index);
  const i = index.bands.findIndex((b) => inBand(b, zRounded));
  return i < 0 ? 0 : offset + i + 1;
}

/** Global id of the first band of `index`, minus one (hoist it out of hot loops). */
export function bandOffset(index: PermenkesIndex): number {
  const o = offsets.get(index);
  if (o === undefined) throw new Error(`unknown Permenkes index ${index.id}`);
  return o;
}

/**
 * The bands of one index compiled for a hot loop: since the bands are
 * consecutive intervals in increasing order, the band of z is the first whose
 * upper bound admits z. Upper bounds as a Float64Array (+Infinity when open)
 * avoid reading nullable object fields per row.
 */
export interface CompiledBands {
  readonly offset: number;
  readonly max: Float64Array;
  readonly maxInclusive: Uint8Array;
}

export function compileBands(index: PermenkesIndex): CompiledBands {
  const bands = index.bands;
  bands.forEach((b, i) => {
    const prev = bands[i - 1];
    const contiguous =
      prev === undefined
        ? b.min === null
        : b.min === prev.max && b.minInclusive !== prev.maxInclusive && prev.max !== null;
    if (!contiguous) throw new Error(`Permenkes bands of ${index.id} are not contiguous at ${b.code}`);
  });
  if (bands[bands.length - 1]?.max !== null) throw new Error(`last band of ${index.id} must be open`);
  return {
    offset: bandOffset(index),
    max: Float64Array.from(bands, (b) => b.max ?? Number.POSITIVE_INFINITY),
    maxInclusive: Uint8Array.from(bands, (b) => (b.maxInclusive ? 1 : 0)),
  };
}

/** `bandId` on compiled bands. */
export function bandIdCompiled(c: CompiledBands, zRounded: number): number {
  if (!(zRounded - zRounded === 0)) return 0; // NaN or ±Infinity
  const max = c.max;
  const incl = c.maxInclusive;
  const n = max.length;
  for (let i = 0; i < n; i++) {
    const m = max[i] as number;
    if (zRounded < m || (zRounded === m && incl[i] === 1)) return c.offset + i + 1;
  }
  return 0;
}

/** The band of `index` containing `zRounded`, or null. */
export function classify(index: PermenkesIndex, zRounded: number): PermenkesBand | null {
  return bandById(bandId(index, zRounded));
}

/** Band for a global id (0 → null). */
export function bandById(id: number): PermenkesBand | null {
  return id === 0 ? null : (PERMENKES_BANDS[id - 1] ?? null);
}

/** Looks a band up by its stable code (e.g. `"tbu.pendek"`). */
export function bandByCode(code: string): PermenkesBand | null {
  return PERMENKES_BANDS.find((b) => b.code === code) ?? null;
}

/**
 * Which IMT/U bands apply at an (unrounded) age in months: the 0–60-month
 * bands below 60 months (where the WHO 2006 standard is used), the 5–18-year
 * bands from 60 months up to `IMTU_5_18_MAX_MONTHS`, none above or when the
 * age is unknown.
 */
export function imtuIndexForAge(ageMonths: number): PermenkesIndex | null {
  if (ageMonths < 60) return IMTU;
  if (ageMonths <= IMTU_5_18_MAX_MONTHS) return IMTU_5_18;
  return null;
}

export { BBTB, BBU, IMTU, IMTU_5_18, TBU };
