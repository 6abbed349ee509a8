/**
 * WHO Reference 2007, 5–19 years, as computed by WHO anthroplus 1.0.0.9000
 * (`zscore_indicator`, `R/zscores.R`). Returns the UNROUNDED z or NaN for NA.
 */
import { zLms, zLmsRestricted } from "./lms";
import type { LmsTable } from "./tables/types";

/** anthroplus validity: 60 ≤ age ≤ upper bound (months, inclusive). */
export const HFA_2007_MAX_MONTHS = 228;
export const BFA_2007_MAX_MONTHS = 228;
/** `WFA_UPPER_AGE_LIMIT` in anthroplus: WHO publishes weight-for-age only to 10 years. */
export const WFA_2007_MAX_MONTHS = 120;

/**
 * Linear interpolation between whole-month rows, exactly as anthroplus does:
 * `low = trunc(age)`, `upp = trunc(age + 1)`, `f = age − low`, and for f > 0
 * each of M, L, S is `x_low + f·(x_upp − x_low)`. Age in months is NOT rounded.
 * No length/height adjustment and no "measure ≤ 0 → NA" rule exist in
 * anthroplus; the caller treats negative inputs as missing.
 */
export function zByAgeMonth(
  table: LmsTable,
  restricted: boolean,
  maxMonths: number,
  sex: number,
  ageMonths: number,
  y: number,
): number {
  // `!(y >= 0)` also rejects NaN (missing); negative inputs make anthroplus stop.
  if (!(ageMonths >= 60 && ageMonths <= maxMonths) || (sex !== 1 && sex !== 2) || !(y >= 0)) {
    return Number.NaN;
  }
  const low = Math.trunc(ageMonths);
  const f = ageMonths - low;
  const count = table.count;
  const lms = table.lms;
  const base = (sex - 1) * count;
  const iLow = low - table.first;
  if (!(iLow >= 0 && iLow < count)) return Number.NaN;
  const o = (base + iLow) * 3;
  let l = lms[o] as number;
  let m = lms[o + 1] as number;
  let s = lms[o + 2] as number;
  if (f > 0) {
    const iUpp = Math.trunc(ageMonths + 1) - table.first;
    if (!(iUpp >= 0 && iUpp < count)) return Number.NaN;
    const u = (base + iUpp) * 3;
    m = m + f * ((lms[u + 1] as number) - m);
    l = l + f * ((lms[u] as number) - l);
    s = s + f * ((lms[u + 2] as number) - s);
  }
  return restricted ? zLmsRestricted(y, l, m, s) : zLms(y, l, m, s);
}
