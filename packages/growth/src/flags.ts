/**
 * Biologically implausible value flags, applied to the ROUNDED z
 * (anthro `flag_zscore`, `R/z-score-helper.R`, thresholds per indicator file;
 * anthroplus `anthroplus_zscores`, `R/zscores.R`). A flagged z is still
 * reported; WHO only drops it from prevalence estimates.
 *
 * Flag values: 1 flagged, 0 not flagged, -1 where the z is missing (R's NA).
 */
export const FLAG_NA = -1;

/** `[low, high]`: flag if z < low or z > high. */
export const FLAG_LIMITS = {
  len: [-6, 6],
  wei: [-6, 5],
  wfl: [-5, 5],
  bmi: [-5, 5],
  hc: [-5, 5],
  ac: [-5, 5],
  hfa: [-6, 6],
  wfa: [-6, 5],
  bfa: [-5, 5],
} as const satisfies Record<string, readonly [number, number]>;

export function flag(zRounded: number, low: number, high: number): number {
  if (Number.isNaN(zRounded)) return FLAG_NA;
  return zRounded < low || zRounded > high ? 1 : 0;
}
