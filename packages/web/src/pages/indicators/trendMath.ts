// Geometry of a monthly trend chart (percent over months), pure so it is unit-tested in node.
import type { TrendPoint } from "@tumbuh/core";

export interface TrendGeometry {
  width: number;
  height: number;
  plot: { x0: number; x1: number; y0: number; y1: number };
  /** The line through the months that have a value (a gap where nobody was measured). */
  path: string;
  points: { x: number; y: number; period: string; value: number }[];
  yTicks: { value: number; pos: number }[];
  xTicks: { label: string; pos: number; anchor: "start" | "middle" | "end" }[];
  targetY: number | null;
}

export const TREND_HEIGHT = 170;

/** Steps the y axis may use: 1, 2, 5, 10, 20, 25 percent. */
const STEPS = [1, 2, 5, 10, 20, 25];

/** A "nice" y axis: at least the data and the target with 10% headroom, at most 5 round steps. */
export function niceAxis(values: readonly number[]): { max: number; step: number } {
  const top = Math.max(4, ...values) * 1.1;
  const step = STEPS.find((s) => Math.ceil(top / s) <= 5) ?? 25;
  return { max: Math.min(100, Math.ceil(top / step) * step), step };
}

export function trendGeometry(
  points: readonly TrendPoint[],
  width: number,
  target: number | null,
): TrendGeometry {
  const height = TREND_HEIGHT;
  const plot = { x0: 36, x1: Math.max(60, width - 8), y0: 10, y1: height - 24 };
  const values = points.flatMap((p) => (p.value === null ? [] : [p.value]));
  const { max, step } = niceAxis(target === null ? values : [...values, target]);
  const n = Math.max(1, points.length - 1);
  const x = (i: number) => plot.x0 + ((plot.x1 - plot.x0) * i) / n;
  const y = (v: number) => plot.y1 - ((plot.y1 - plot.y0) * v) / max;
  const pts: TrendGeometry["points"] = [];
  let path = "";
  let pen = false;
  points.forEach((p, i) => {
    if (p.value === null) {
      pen = false;
      return;
    }
    const px = x(i);
    const py = y(p.value);
    path += `${pen ? "L" : "M"}${px.toFixed(1)},${py.toFixed(1)}`;
    pen = true;
    pts.push({ x: px, y: py, period: p.period, value: p.value });
  });
  const yTicks = Array.from({ length: Math.round(max / step) + 1 }, (_, k) => {
    const value = k * step;
    return { value, pos: y(value) };
  });
  // One label per January and at both ends, fewer when narrow.
  const every = width < 420 ? 12 : 6;
  const candidates = points
    .map((p, i) => ({ label: p.period, pos: x(i), i }))
    .filter(
      (tk) => tk.i === 0 || tk.i === points.length - 1 || (Number(tk.label.slice(5, 7)) - 1) % every === 0,
    );
  // Keep labels at least 56 px apart (a label is about 40 px wide), always keeping the last one.
  const kept: typeof candidates = [];
  for (const tk of candidates) {
    const isLast = tk.i === points.length - 1;
    while (isLast && kept.length > 1 && tk.pos - (kept.at(-1)?.pos ?? 0) < 56) kept.pop();
    if (isLast || kept.length === 0 || tk.pos - (kept.at(-1)?.pos ?? 0) >= 56) kept.push(tk);
  }
  const xTicks = kept.map(({ label, pos, i }) => ({
    label,
    pos,
    anchor: i === 0 ? ("start" as const) : i === points.length - 1 ? ("end" as const) : ("middle" as const),
  }));
  return {
    width,
    height,
    plot,
    path,
    points: pts,
    yTicks,
    xTicks,
    targetY: target === null || target > max ? null : y(target),
  };
}
