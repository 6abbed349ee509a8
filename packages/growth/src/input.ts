/**
 * Cleaning of the categorical inputs, following WHO anthro (`standardize_sex_var`,
 * `standardize_oedema_var` in `R/utils.R`; measure cleaning in `anthro_zscores`,
 * `R/z-score.R`). The batch path stores them as small integer codes.
 */

/** 1 male, 2 female, 0 unknown. */
export type SexCode = 0 | 1 | 2;
/** 0 unknown, 1 recumbent length ('l'), 2 standing height ('h'). */
export type MeasureCode = 0 | 1 | 2;

export type SexInput = 1 | 2 | "1" | "2" | "m" | "f" | "M" | "F" | string | number | null | undefined;
export type MeasureInput = "l" | "h" | "L" | "H" | string | null | undefined;
export type OedemaInput =
  | boolean
  | "y"
  | "n"
  | "Y"
  | "N"
  | "1"
  | "2"
  | 1
  | 2
  | string
  | number
  | null
  | undefined;

/** `1`/`m`/`M` → 1, `2`/`f`/`F` → 2 (trimmed), anything else → 0 (no z-scores). */
export function sexCode(sex: SexInput): SexCode {
  if (sex === 1 || sex === 2) return sex;
  if (typeof sex !== "string") return 0;
  const v = sex.trim().toLowerCase();
  if (v === "1" || v === "m") return 1;
  if (v === "2" || v === "f") return 2;
  return 0;
}

/** Lower-cased and trimmed; anything but `l`/`h` is missing. */
export function measureCode(measure: MeasureInput): MeasureCode {
  if (typeof measure !== "string") return 0;
  const v = measure.trim().toLowerCase();
  return v === "l" ? 1 : v === "h" ? 2 : 0;
}

/** `y`/`Y`/`1` (or `true`) → oedema; everything else, missing included, → none. */
export function oedemaCode(oedema: OedemaInput): 0 | 1 {
  if (oedema === true || oedema === 1) return 1;
  if (typeof oedema !== "string") return 0;
  const v = oedema.trim().toLowerCase();
  return v === "y" || v === "1" ? 1 : 0;
}

/**
 * Numeric input → number or NaN for missing. Negative measurements and ages are
 * treated as missing (as are NaN and Infinity): anthro/anthroplus stop with an error on negative ages
 * and anthroplus on negative measurements, and no z is defined for them.
 */
export function nonNegative(x: number | null | undefined): number {
  return typeof x === "number" && x >= 0 && x < Number.POSITIVE_INFINITY ? x : Number.NaN;
}
