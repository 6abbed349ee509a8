/**
 * WHO Child Growth Standards, 0–60 months, as computed by WHO anthro
 * 1.1.0.9000. Each function returns the UNROUNDED z, or NaN where anthro gives NA.
 * Rounding and flags are applied by the caller (`batch.ts`).
 */
import { zLms, zLmsRestricted } from "./lms";
import type { LmsTable } from "./tables/types";
import { WFH_2006, WFL_2006 } from "./tables/who2006-lenhei.generated";

/** anthro's `allowed_age_range` upper bound (days); the tables stop at 1826. */
const MAX_AGE_DAYS = 1856;

/**
 * Age-based indicator at whole day `ageDay`, anthro `anthro_zscore_adjusted` +
 * `apply_zscore_and_growthstandards` (`R/z-score-helper.R`):
 * exact-day lookup, no interpolation; a day missing from the table (< 91 for
 * arm circumference/skinfolds, > 1826 for all) gives NA; measurement ≤ 0 → NA;
 * and the z is kept only for unrounded `ageMonths < 60`.
 * `restricted` selects `compute_zscore_adjusted` (weight, BMI, MUAC, skinfolds)
 * rather than `compute_zscore` (length/height, head circumference).
 */
export function zByAgeDay(
  table: LmsTable,
  restricted: boolean,
  sex: number,
  ageDay: number,
  ageMonths: number,
  y: number,
): number {
  // `!(a < b)` rather than `a >= b` so that NaN (missing) also rejects.
  if (!(y > 0) || !(ageMonths < 60) || (sex !== 1 && sex !== 2)) return Number.NaN;
  const i = ageDay - table.first;
  if (!(i >= 0 && i < table.count) || ageDay > MAX_AGE_DAYS) return Number.NaN;
  const o = ((sex - 1) * table.count + i) * 3;
  const lms = table.lms;
  const l = lms[o] as number;
  const m = lms[o + 1] as number;
  const s = lms[o + 2] as number;
  return restricted ? zLmsRestricted(y, l, m, s) : zLms(y, l, m, s);
}

/**
 * Weight-for-length/height, anthro `anthro_zscore_weight_for_lenhei`
 * (`R/z-score-weight-for-lenhei.R`).
 *
 * `ageDay` is the whole-day age (NaN if unknown), `measure` the cleaned
 * measure (0 none, 1 'l', 2 'h'), `clenhei` the length/height after the 0.7 cm
 * adjustment, `oedema` 1 for yes.
 *
 * Table: age < 731 d → WFL; ≥ 731 → WFH; age unknown → by measure; both
 * unknown → clenhei < 87 → WFL. Valid only for clenhei in [45, 110] (WFL) or
 * [65, 120] (WFH), no oedema, age unknown or ≤ 1856 d, and months < 60 when
 * known. Weight ≤ 0 is deliberately NOT rejected here (anthro does not), so
 * weight 0 gives a large finite negative z.
 */
export function zWeightForLenhei(
  sex: number,
  ageDay: number,
  ageMonths: number,
  measure: number,
  clenhei: number,
  weight: number,
  oedema: number,
): number {
  if ((sex !== 1 && sex !== 2) || oedema === 1 || Number.isNaN(clenhei) || Number.isNaN(weight)) {
    return Number.NaN;
  }
  let table: LmsTable;
  if (!Number.isNaN(ageDay)) {
    if (ageDay > MAX_AGE_DAYS || !(ageMonths < 60)) return Number.NaN;
    table = ageDay < 731 ? WFL_2006 : WFH_2006;
  } else if (measure === 1) table = WFL_2006;
  else if (measure === 2) table = WFH_2006;
  else table = clenhei < 87 ? WFL_2006 : WFH_2006;

  const lowerCm = table === WFL_2006 ? 45 : 65;
  const upperCm = table === WFL_2006 ? 110 : 120;
  if (!(clenhei >= lowerCm && clenhei <= upperCm)) return Number.NaN;

  // Interpolation on the 0.1 cm grid, in anthro's exact double arithmetic:
  //   low = trunc(lenhei*10)/10, upp = trunc(lenhei*10 + 1)/10, f = (lenhei - low)/0.1
  // The table row for `low` is the row whose key is trunc(lenhei*10) tenths, since
  // k/10 is the same double as the CSV's text "k/10". `upp` is computed separately
  // (not low + 1) because `x*10 + 1` can round up across an integer, as R does.
  // Example from the README: 80.1 − 0.7 = 79.39999999999999 → low 79.3, f ≈ 0.99999999999990.
  const x10 = clenhei * 10;
  const lowKey = Math.trunc(x10);
  const f = (clenhei - lowKey / 10) / 0.1;
  const count = table.count;
  const lms = table.lms;
  const base = (sex - 1) * count;
  const iLow = lowKey - table.first;
  if (!(iLow >= 0 && iLow < count)) return Number.NaN;
  const o = (base + iLow) * 3;
  let l = lms[o] as number;
  let m = lms[o + 1] as number;
  let s = lms[o + 2] as number;
  if (f > 0) {
    const iUpp = Math.trunc(x10 + 1) - table.first;
    if (!(iUpp >= 0 && iUpp < count)) return Number.NaN;
    const u = (base + iUpp) * 3;
    l = l + f * ((lms[u] as number) - l);
    m = m + f * ((lms[u + 1] as number) - m);
    s = s + f * ((lms[u + 2] as number) - s);
  }
  return zLmsRestricted(weight, l, m, s);
}
