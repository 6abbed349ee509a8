/**
 * The two rounding rules WHO's R code depends on, reproduced bit for bit.
 */

/** 2^43: from here on R's fround() returns x unchanged for digits = 2 (see roundR2). */
const R_ROUND2_NOOP = 8796093022208;

/**
 * R's `round(x, 2)` (R ≥ 4.0.0, `src/nmath/fround.c`), which WHO anthro
 * (`apply_zscore_and_growthstandards`, `R/z-score-helper.R`) and anthroplus
 * (`anthroplus_zscores`, `R/zscores.R`) apply to every z-score *before* flagging.
 *
 * It is not "half away from zero" on the decimal text and not `toFixed`:
 * R takes the two candidates `floor(x·100)/100` and `ceil(x·100)/100`, keeps the
 * one nearer to the binary x (measured in doubles), and only on an exact tie
 * picks the one whose hundredths digit is even. So `round(0.125, 2)` = 0.12
 * (0.125 is exact in binary, a true tie), but `round(0.285, 2)` = 0.28 because
 * the double 0.285 is 0.28499999999999998002… and 0.29 − x > x − 0.28 in doubles.
 * The steps below are those of fround.c with digits = 2, in the same order and
 * in the same IEEE double arithmetic, so the result is identical to R's:
 *   pow10 = 100; x10 = x·100; i10 = floor(x10); xd = i10/100; xu = ceil(x10)/100;
 *   du = xu − x; dd = x − xd; take xu if du < dd, or du == dd and i10 is odd.
 * The sign is handled separately (R rounds |x| and restores the sign), and R
 * returns x unchanged once log10(|x|) + 2 > 15, which for digits = 2 is exactly
 * |x| ≥ 2^43 (`M_LOG10_2·(0.5 + logb(x)) + 2 > DBL_DIG`).
 */
export function roundR2(x: number): number {
  // Fast path, same result: unless x·100 is within 1e-4 of a half-integer, the
  // candidate nearer to x is the integer nearest to x·100 — the rounding
  // errors in R's du/dd comparison are ~1e-14, far below that margin — and
  // Math.round(x10)/100 is then bit-identical to R's xd or xu (same division;
  // for x < 0 the negation is exact). Only near-ties, non-finite values and
  // |x| ≥ 2^43 take R's full algorithm below. (The full algorithm alone costs
  // several unpredictable branches per call.)
  const x10 = x * 100;
  const r = Math.round(x10);
  const d = x10 - r;
  if (d < 0.4999 && d > -0.4999 && x < R_ROUND2_NOOP && x > -R_ROUND2_NOOP) return r / 100;
  return roundR2Exact(x);
}

/** R's fround.c for digits = 2, step by step (see `roundR2`). */
export function roundR2Exact(x: number): number {
  // NaN, ±Infinity and ±0 pass through, as in fround.c.
  if (Number.isNaN(x) || x === 0 || x === Number.POSITIVE_INFINITY || x === Number.NEGATIVE_INFINITY)
    return x;
  let sgn = 1;
  if (x < 0) {
    sgn = -1;
    x = -x;
  }
  if (x >= R_ROUND2_NOOP) return sgn * x;
  const x10 = x * 100;
  const i10 = Math.floor(x10);
  const xd = i10 / 100;
  const xu = Math.ceil(x10) / 100;
  const du = xu - x;
  const dd = x - xd;
  // fround.c tests `fmod(i10, 2.) == 1 && du == dd`; the tie test goes first
  // here only because a double `%` is a slow library call in V8 (same result).
  return sgn * (du < dd || (du === dd && i10 % 2 === 1) ? xu : xd);
}

/**
 * anthro's `round_up` (`R/utils.R`): half rounds up, i.e. `floor(x) + 1` when
 * `x − floor(x) ≥ 0.5`. Used to turn an age into whole days (`age_to_days`).
 * Only defined for x ≥ 0 (anthro stops on negative ages); NaN passes through.
 */
export function roundUp(x: number): number {
  const f = Math.floor(x);
  return x - f >= 0.5 ? f + 1 : f;
}
