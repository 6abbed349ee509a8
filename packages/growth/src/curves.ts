/**
 * Chart lines: the −3…+3 SD curves of any table, `SD(k) = M·(1 + L·S·k)^(1/L)`
 * (anthro `calc_sd` in `compute_zscore_adjusted`, R/z-score-helper.R; WHO
 * Child Growth Standards, Methods and development, 2006, ch. 7). At |k| ≤ 3 the
 * restricted z-scale coincides with the LMS scale, so these lines are exactly
 * where the engine's z equals k for every indicator.
 *
 * The x-axis uses the table's own lookup rule, so a point lies where the
 * engine would put a child: WHO 2006 age tables by whole day (round half up),
 * WFL/WFH by cm with anthro's 0.1 cm interpolation, WHO 2007 by month with
 * anthroplus' monthly interpolation.
 */
import { DAYS_PER_MONTH } from "./age";
import { sdLms } from "./lms";
import { roundUp } from "./round";
import type { LmsTable } from "./tables/types";
import {
  ACFA_2006,
  BFA_2006,
  HCFA_2006,
  LHFA_2006,
  SSFA_2006,
  TSFA_2006,
  WFA_2006,
} from "./tables/who2006-age.generated";
import { WFH_2006, WFL_2006 } from "./tables/who2006-lenhei.generated";
import { BFA_2007, HFA_2007, WFA_2007 } from "./tables/who2007.generated";

export const CURVE_TABLES = {
  lhfa: LHFA_2006,
  wfa: WFA_2006,
  bfa: BFA_2006,
  hcfa: HCFA_2006,
  acfa: ACFA_2006,
  tsfa: TSFA_2006,
  ssfa: SSFA_2006,
  wfl: WFL_2006,
  wfh: WFH_2006,
  hfa2007: HFA_2007,
  bfa2007: BFA_2007,
  wfa2007: WFA_2007,
} as const satisfies Record<string, LmsTable>;

export type CurveIndicator = keyof typeof CURVE_TABLES;

export interface Lms {
  l: number;
  m: number;
  s: number;
}

export interface SdCurvePoint {
  /** In the curve's x unit (days, months or cm). */
  x: number;
  sdm3: number;
  sdm2: number;
  sdm1: number;
  sd0: number;
  sd1: number;
  sd2: number;
  sd3: number;
}

export interface SdCurveOptions {
  /** For the WHO 2006 age tables only: x in days (default) or in months (× 30.4375, rounded half up). */
  xUnit?: "days" | "months";
}

/** x unit of an indicator's table. */
export function curveUnit(indicator: CurveIndicator): "days" | "months" | "cm" {
  const t = CURVE_TABLES[indicator];
  return t.keyUnit === "day" ? "days" : t.keyUnit === "month" ? "months" : "cm";
}

/**
 * L, M, S of a table at x (days, months or cm per `curveUnit`), or null outside
 * the table. Days: exact whole-day row. Cm: anthro WFL/WFH interpolation.
 * Months: anthroplus interpolation.
 */
export function lmsAt(indicator: CurveIndicator, sex: 1 | 2, x: number): Lms | null {
  const t = CURVE_TABLES[indicator];
  if (t.keyUnit === "day") return rowAt(t, sex, roundUp(x));
  const mm = t.keyUnit === "mm";
  const lowKey = mm ? Math.trunc(x * 10) : Math.trunc(x);
  const f = mm ? (x - lowKey / 10) / 0.1 : x - lowKey;
  const lo = rowAt(t, sex, lowKey);
  if (lo === null || !(f > 0)) return lo;
  const hi = rowAt(t, sex, mm ? Math.trunc(x * 10 + 1) : Math.trunc(x + 1));
  if (hi === null) return null;
  return { l: lo.l + f * (hi.l - lo.l), m: lo.m + f * (hi.m - lo.m), s: lo.s + f * (hi.s - lo.s) };
}

/** Row `key` of a table for `sex`, or null outside the table. */
function rowAt(t: LmsTable, sex: 1 | 2, key: number): Lms | null {
  const i = key - t.first;
  if (!(i >= 0 && i < t.count)) return null;
  const o = ((sex - 1) * t.count + i) * 3;
  return { l: t.lms[o] as number, m: t.lms[o + 1] as number, s: t.lms[o + 2] as number };
}

/**
 * SD lines −3…+3 of `indicator` for `sex` from `from` to `to` (inclusive) in
 * steps of `step` (default: 1 day, 1 month, or 0.1 cm). Throws RangeError if
 * the range leaves the table.
 */
export function sdCurves(
  indicator: CurveIndicator,
  sex: 1 | 2,
  from: number,
  to: number,
  step?: number,
  options: SdCurveOptions = {},
): SdCurvePoint[] {
  const t = CURVE_TABLES[indicator];
  if (sex !== 1 && sex !== 2) throw new RangeError(`sex must be 1 or 2, got ${String(sex)}`);
  const inMonths = t.keyUnit === "day" && options.xUnit === "months";
  const dx = step ?? (t.keyUnit === "mm" ? 0.1 : 1);
  if (!(dx > 0) || !(to >= from)) throw new RangeError("need step > 0 and to >= from");
  const points: SdCurvePoint[] = [];
  const n = Math.floor((to - from) / dx + 1e-9);
  for (let i = 0; i <= n; i++) {
    // Rounded to 10 decimals so that 45 + 3 × 0.1 is the grid point 45.3.
    const x = Math.round((from + i * dx) * 1e10) / 1e10;
    const lms = lmsAt(indicator, sex, inMonths ? x * DAYS_PER_MONTH : x);
    if (lms === null) throw new RangeError(`${indicator}: x = ${x} is outside the table`);
    const { l, m, s } = lms;
    points.push({
      x,
      sdm3: sdLms(-3, l, m, s),
      sdm2: sdLms(-2, l, m, s),
      sdm1: sdLms(-1, l, m, s),
      sd0: sdLms(0, l, m, s),
      sd1: sdLms(1, l, m, s),
      sd2: sdLms(2, l, m, s),
      sd3: sdLms(3, l, m, s),
    });
  }
  return points;
}
