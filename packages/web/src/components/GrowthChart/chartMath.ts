// Pure geometry of the growth chart: domains, scales, nice ticks and SVG path strings. No React and
// no DOM, so it is unit-tested in node and computed once per (data, width) with useMemo.
import type { ChartView } from "@tumbuh/core";

export type Extent = readonly [number, number];

export interface Box {
  /** Left, right, top, bottom edges of the plotting area in SVG pixels. */
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export interface Tick {
  value: number;
  /** Position along its axis in SVG pixels. */
  pos: number;
}

export interface PlottedPoint {
  cx: number;
  cy: number;
  x: number;
  y: number;
  z: number | null;
  measuredOn: string;
  flagged: boolean;
}

export interface ChartGeometry {
  width: number;
  height: number;
  plot: Box;
  xDomain: Extent;
  yDomain: Extent;
  xTicks: Tick[];
  yTicks: Tick[];
  /** One path per SD line, −3 … +3 (index 3 is the median). */
  sdPaths: string[];
  /** Where each SD line leaves the plot on the right (for its label), or null when it does not reach it. */
  sdEnds: ({ y: number } | null)[];
  /** Closed area between −2 and +2 SD. */
  normalBand: string;
  /** The child's line through the plausible points, oldest first. */
  childPath: string;
  points: PlottedPoint[];
}

export const MARGIN = { top: 28, right: 30, bottom: 46, left: 42 } as const;

/** A linear map from a domain to a pixel range; a zero-width domain maps to the middle. */
export function linearScale(domain: Extent, range: Extent): (v: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  if (span === 0) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / span;
  return (v) => r0 + (v - d0) * k;
}

/**
 * The smallest step from `candidates` (then 10×, 100×… of them) that fits `span` in at most `maxTicks`
 * intervals. Months use 1, 2, 3, 6, 12 so ticks fall on quarters and years.
 */
export function niceStep(span: number, maxTicks: number, candidates: readonly number[] = [1, 2, 5]): number {
  const n = Math.max(1, Math.floor(maxTicks));
  if (!(span > 0)) return candidates[0] ?? 1;
  // never below the smallest candidate: a 0.3-month or 0.2-kg step is no use on a growth chart
  for (let scale = 1; scale < 1e9; scale *= 10) {
    for (const c of candidates) {
      const step = c * scale;
      if (span / step <= n) return step;
    }
  }
  return span;
}

/** Multiples of `step` within [min, max], tolerant of floating-point drift. */
export function ticksBetween(min: number, max: number, step: number): number[] {
  const out: number[] = [];
  const eps = step * 1e-9;
  const first = Math.ceil((min - eps) / step);
  const last = Math.floor((max + eps) / step);
  for (let i = first; i <= last; i++) out.push(Number((i * step).toFixed(10)));
  return out;
}

export const X_STEPS = { month: [1, 2, 3, 6, 12, 24], cm: [1, 2, 5, 10, 20] } as const;
export const Y_STEPS = { kg: [0.5, 1, 2, 5, 10, 20], cm: [1, 2, 5, 10, 20, 50] } as const;

/** Padding beyond the child's points and the narrowest span shown, per x unit. */
const X_WINDOW = { month: { pad: 3, minSpan: 12 }, cm: { pad: 5, minSpan: 20 } } as const;

function extentOf(values: Iterable<number>): Extent | null {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : null;
}

/**
 * The x range shown: the curves' range, cut down to a window around the child's points (for age from
 * birth when the child was measured in its first year, else from a little before the first point; for
 * length around the points), never narrower than a year / 20 cm.
 */
export function xDomainOf(view: Pick<ChartView, "curves" | "points" | "xUnit">): Extent {
  const curves = extentOf(view.curves.map((c) => c.x));
  const pts = extentOf(view.points.map((p) => p.x));
  if (!curves && !pts) return [0, 1];
  if (!pts) return curves as Extent;
  const [cMin, cMax] = curves ?? pts;
  const { pad, minSpan } = X_WINDOW[view.xUnit];
  const step = view.xUnit === "month" ? 3 : 5;
  // age: from birth while the child is measured in its first year, else from half a year before
  const monthStart = pts[0] < 12 ? cMin : Math.max(cMin, Math.floor((pts[0] - pad) / 6) * 6);
  let lo = view.xUnit === "month" ? monthStart : Math.max(cMin, Math.floor((pts[0] - pad) / step) * step);
  let hi = Math.min(cMax, Math.ceil((pts[1] + pad) / step) * step);
  lo = Math.min(lo, pts[0]);
  hi = Math.max(hi, pts[1]);
  if (hi - lo < minSpan) {
    hi = Math.min(Math.max(cMax, pts[1]), lo + minSpan);
    if (hi - lo < minSpan) lo = Math.max(Math.min(cMin, pts[0]), hi - minSpan);
  }
  return [lo, hi];
}

/** Curve samples inside [lo, hi] plus one neighbour on each side, so clipped lines reach the edges. */
export function visibleCurves<T extends { x: number }>(curves: readonly T[], [lo, hi]: Extent): T[] {
  let start = 0;
  while (start < curves.length && (curves[start] as T).x < lo) start++;
  let end = curves.length - 1;
  while (end >= 0 && (curves[end] as T).x > hi) end--;
  return curves.slice(Math.max(0, start - 1), Math.min(curves.length, end + 2));
}

/** "M1.0 2.0L3.0 4.0…" through the given pixel points; "" for none. */
export function linePath(xs: readonly number[], ys: readonly number[]): string {
  let d = "";
  const n = Math.min(xs.length, ys.length);
  for (let i = 0; i < n; i++) {
    d += `${i === 0 ? "M" : "L"}${(xs[i] as number).toFixed(1)} ${(ys[i] as number).toFixed(1)}`;
  }
  return d;
}

/** A closed area between an upper and a lower line sampled at the same xs. */
export function areaPath(xs: readonly number[], upper: readonly number[], lower: readonly number[]): string {
  if (xs.length === 0) return "";
  const top = linePath(xs, upper);
  let back = "";
  for (let i = xs.length - 1; i >= 0; i--) {
    back += `L${(xs[i] as number).toFixed(1)} ${(lower[i] as number).toFixed(1)}`;
  }
  return `${top}${back}Z`;
}

/** Height for a width: a little taller than wide on phones, capped on desktops. */
export function chartHeight(width: number): number {
  return Math.round(Math.min(440, Math.max(280, width * 0.9)));
}

export function chartGeometry(view: ChartView, width: number, height = chartHeight(width)): ChartGeometry {
  const plot: Box = {
    x0: MARGIN.left,
    x1: Math.max(MARGIN.left + 1, width - MARGIN.right),
    y0: MARGIN.top,
    y1: Math.max(MARGIN.top + 1, height - MARGIN.bottom),
  };
  const maxXTicks = Math.max(2, Math.floor((plot.x1 - plot.x0) / 38));
  const xDomain = snapToStep(xDomainOf(view), view, maxXTicks);
  const xStep = niceStep(xDomain[1] - xDomain[0] || 1, maxXTicks, X_STEPS[view.xUnit]);
  const curves = visibleCurves(view.curves, xDomain);
  const inX = (x: number) => x >= xDomain[0] && x <= xDomain[1];

  // y: every visible curve value and every point, widened to whole ticks
  const yValues: number[] = [];
  for (const c of curves) if (inX(c.x)) yValues.push(c.sd[0], c.sd[6]);
  for (const p of view.points) yValues.push(p.y);
  const [yMinRaw, yMaxRaw] = extentOf(yValues) ?? [0, 1];
  const maxYTicks = Math.max(3, Math.floor((plot.y1 - plot.y0) / 36));
  const yStep = niceStep(yMaxRaw - yMinRaw || 1, maxYTicks, Y_STEPS[view.yUnit]);
  const yDomain: Extent = [
    Math.floor(yMinRaw / yStep) * yStep,
    Math.max(Math.ceil(yMaxRaw / yStep) * yStep, Math.floor(yMinRaw / yStep) * yStep + yStep),
  ];
  const sx = linearScale(xDomain, [plot.x0, plot.x1]);
  const sy = linearScale(yDomain, [plot.y1, plot.y0]);

  const xs = curves.map((c) => sx(c.x));
  const sdYs = [0, 1, 2, 3, 4, 5, 6].map((k) => curves.map((c) => sy(c.sd[k] as number)));
  const last = curves[curves.length - 1];
  const reachesRight = last !== undefined && last.x >= xDomain[1];
  const sdEnds = sdYs.map((_, k) => {
    if (!reachesRight || curves.length === 0) return null;
    return { y: sy(curveValueAt(curves, xDomain[1], k)) };
  });

  // in time order: on the weight-for-length chart a child's line follows its visits, not its length
  const sorted = [...view.points].sort((a, b) => a.measuredOn.localeCompare(b.measuredOn) || a.x - b.x);
  const points: PlottedPoint[] = sorted.map((p) => ({ ...p, cx: sx(p.x), cy: sy(p.y) }));
  const plausible = points.filter((p) => !p.flagged);

  return {
    width,
    height,
    plot,
    xDomain,
    yDomain,
    xTicks: ticksBetween(xDomain[0], xDomain[1], xStep).map((value) => ({ value, pos: sx(value) })),
    yTicks: ticksBetween(yDomain[0], yDomain[1], yStep).map((value) => ({ value, pos: sy(value) })),
    sdPaths: sdYs.map((ys) => linePath(xs, ys)),
    sdEnds,
    normalBand: areaPath(xs, sdYs[5] as number[], sdYs[1] as number[]),
    childPath: linePath(
      plausible.map((p) => p.cx),
      plausible.map((p) => p.cy),
    ),
    points,
  };
}

/** Widens the x window to whole tick steps where the curves allow, so the axis starts and ends on a tick. */
function snapToStep(domain: Extent, view: Pick<ChartView, "curves" | "xUnit">, maxTicks: number): Extent {
  const step = niceStep(domain[1] - domain[0] || 1, maxTicks, X_STEPS[view.xUnit]);
  const curves = extentOf(view.curves.map((c) => c.x));
  if (!curves) return domain;
  const lo = Math.floor(domain[0] / step) * step;
  const hi = Math.ceil(domain[1] / step) * step;
  return [lo >= curves[0] ? lo : domain[0], hi <= curves[1] ? hi : domain[1]];
}

/** The k-th SD line at x, interpolated linearly between samples (clamped at the ends). */
export function curveValueAt(curves: readonly ChartView["curves"][number][], x: number, k: number): number {
  const first = curves[0];
  if (!first) return Number.NaN;
  if (x <= first.x) return first.sd[k] as number;
  for (let i = 1; i < curves.length; i++) {
    const b = curves[i] as ChartView["curves"][number];
    if (x <= b.x) {
      const a = curves[i - 1] as ChartView["curves"][number];
      const t = b.x === a.x ? 0 : (x - a.x) / (b.x - a.x);
      return (a.sd[k] as number) + t * ((b.sd[k] as number) - (a.sd[k] as number));
    }
  }
  return (curves[curves.length - 1] as ChartView["curves"][number]).sd[k] as number;
}
