import type { ChartView } from "@tumbuh/core";
import { describe, expect, it } from "vitest";
import {
  areaPath,
  chartGeometry,
  chartHeight,
  curveValueAt,
  linearScale,
  linePath,
  MARGIN,
  niceStep,
  ticksBetween,
  visibleCurves,
  xDomainOf,
} from "./chartMath";

/** A made-up but chart-shaped TB/U table: median 50 cm at birth rising to ~110 at 60 months, SD ~3–4 cm. */
function tbuView(points: ChartView["points"] = []): ChartView {
  const curves: ChartView["curves"] = [];
  for (let m = 0; m <= 60; m++) {
    const median = 49 + 30 * Math.log1p(m / 6) * 0.9;
    const sd = 1.9 + m * 0.04;
    curves.push({
      x: m,
      sd: [-3, -2, -1, 0, 1, 2, 3].map((k) => median + k * sd) as ChartView["curves"][number]["sd"],
    });
  }
  return { indicator: "tbu", sex: 2, xUnit: "month", yUnit: "cm", curves, points };
}

function girlPoints(n: number): ChartView["points"] {
  return Array.from({ length: n }, (_, i) => ({
    x: 4 + i,
    y: 60 + i * 1.1,
    z: -1.5 - (0.9 * i) / Math.max(1, n - 1),
    measuredOn: `${2023 + Math.floor(i / 12)}-${String(1 + (i % 12)).padStart(2, "0")}-07`,
    flagged: i === 7,
  }));
}

describe("scales and ticks", () => {
  it("maps a domain linearly, inverted for y", () => {
    const s = linearScale([0, 10], [100, 0]);
    expect(s(0)).toBe(100);
    expect(s(10)).toBe(0);
    expect(s(2.5)).toBe(75);
    expect(linearScale([5, 5], [0, 10])(5)).toBe(5);
  });

  it("picks a nice step from the candidates", () => {
    expect(niceStep(24, 8, [1, 2, 3, 6, 12])).toBe(3);
    expect(niceStep(60, 6, [1, 2, 3, 6, 12])).toBe(12);
    expect(niceStep(7, 10)).toBe(1);
    expect(niceStep(45, 6)).toBe(10);
    expect(niceStep(0.8, 5, [0.5, 1, 2])).toBe(0.5);
    expect(niceStep(3.2, 8, [0.5, 1, 2])).toBe(0.5);
    expect(niceStep(0, 5)).toBe(1);
  });

  it("lists multiples of the step without float drift", () => {
    expect(ticksBetween(0, 30, 6)).toEqual([0, 6, 12, 18, 24, 30]);
    expect(ticksBetween(3.2, 5.1, 0.5)).toEqual([3.5, 4, 4.5, 5]);
    expect(ticksBetween(0.1, 0.35, 0.1)).toEqual([0.1, 0.2, 0.3]);
  });
});

describe("paths", () => {
  it("builds line and area paths", () => {
    expect(linePath([0, 10], [5, 6.25])).toBe("M0.0 5.0L10.0 6.3");
    expect(linePath([], [])).toBe("");
    expect(areaPath([0, 10], [1, 2], [5, 6])).toBe("M0.0 1.0L10.0 2.0L10.0 6.0L0.0 5.0Z");
    expect(areaPath([], [], [])).toBe("");
  });

  it("keeps one curve sample beyond each edge of the window", () => {
    const curves = [0, 1, 2, 3, 4, 5].map((x) => ({ x }));
    expect(visibleCurves(curves, [1.5, 3.5]).map((c) => c.x)).toEqual([1, 2, 3, 4]);
    expect(visibleCurves(curves, [0, 5]).map((c) => c.x)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("interpolates an SD line", () => {
    const view = tbuView();
    const at = curveValueAt(view.curves, 2.5, 3);
    const a = view.curves[2]?.sd[3] as number;
    const b = view.curves[3]?.sd[3] as number;
    expect(at).toBeCloseTo((a + b) / 2, 10);
    expect(curveValueAt([], 1, 0)).toBeNaN();
  });
});

describe("x window", () => {
  it("shows the whole range without points", () => {
    expect(xDomainOf(tbuView())).toEqual([0, 60]);
  });
  it("shows from birth to a little after the last point, at least a year", () => {
    expect(xDomainOf(tbuView(girlPoints(20)))).toEqual([0, 27]);
    expect(xDomainOf(tbuView(girlPoints(1)))).toEqual([0, 12]);
  });
  it("starts shortly before the first point when the child was first measured after its first year", () => {
    const later = girlPoints(20).map((p) => ({ ...p, x: p.x + 20 }));
    expect(xDomainOf(tbuView(later))).toEqual([18, 48]);
  });
  it("shows a window around the points for weight-for-length", () => {
    const curves = Array.from({ length: 131 }, (_, i) => ({
      x: 45 + i * 0.5,
      sd: [1, 2, 3, 4, 5, 6, 7] as ChartView["curves"][number]["sd"],
    }));
    const points = [
      { x: 71.3, y: 8, z: null, measuredOn: "2024-01-01", flagged: false },
      { x: 76.8, y: 9, z: null, measuredOn: "2024-06-01", flagged: false },
    ];
    expect(xDomainOf({ xUnit: "cm", curves, points })).toEqual([65, 85]);
  });
});

describe("chartGeometry", () => {
  it("fits a 360 px phone and keeps everything inside the plot", () => {
    const view = tbuView(girlPoints(20));
    const g = chartGeometry(view, 328);
    expect(g.height).toBe(chartHeight(328));
    expect(g.plot).toEqual({
      x0: MARGIN.left,
      x1: 328 - MARGIN.right,
      y0: MARGIN.top,
      y1: g.height - MARGIN.bottom,
    });
    expect(g.sdPaths).toHaveLength(7);
    for (const p of g.sdPaths) expect(p.startsWith("M")).toBe(true);
    expect(g.normalBand.endsWith("Z")).toBe(true);
    for (const p of g.points) {
      expect(p.cx).toBeGreaterThanOrEqual(g.plot.x0);
      expect(p.cx).toBeLessThanOrEqual(g.plot.x1);
      expect(p.cy).toBeGreaterThanOrEqual(g.plot.y0);
      expect(p.cy).toBeLessThanOrEqual(g.plot.y1);
    }
    // ticks are inside the plot, nicely spaced and not crowded
    expect(g.xDomain).toEqual([0, 30]);
    expect(g.xTicks.map((t) => t.value)).toEqual([0, 6, 12, 18, 24, 30]);
    for (let i = 1; i < g.xTicks.length; i++) {
      expect(
        (g.xTicks[i] as { pos: number }).pos - (g.xTicks[i - 1] as { pos: number }).pos,
      ).toBeGreaterThanOrEqual(25);
    }
    expect(g.yDomain[0]).toBeLessThanOrEqual(Math.min(...view.points.map((p) => p.y)));
    expect(g.yTicks.length).toBeGreaterThanOrEqual(3);
    expect(g.sdEnds.every((e) => e !== null)).toBe(true);
  });

  it("joins only the plausible points and keeps the flagged one as a point", () => {
    const g = chartGeometry(tbuView(girlPoints(20)), 600);
    expect(g.points).toHaveLength(20);
    expect(g.points.filter((p) => p.flagged)).toHaveLength(1);
    expect(g.childPath.match(/[ML]/g)).toHaveLength(19);
  });

  it("joins the points in the order they were measured", () => {
    const pts = girlPoints(3)
      .map((p, i) => ({ ...p, measuredOn: `2024-0${i + 1}-01`, flagged: false }))
      .reverse();
    const g = chartGeometry(tbuView(pts), 400);
    expect(g.points.map((p) => p.measuredOn)).toEqual(["2024-01-01", "2024-02-01", "2024-03-01"]);
    // weight-for-length: a shorter length measured later still comes later on the line
    const wfl = chartGeometry(
      {
        ...tbuView(),
        xUnit: "cm",
        points: [
          { x: 80, y: 10, z: 0, measuredOn: "2024-01-01", flagged: false },
          { x: 70, y: 11, z: 3, measuredOn: "2024-02-01", flagged: false },
        ],
      },
      400,
    );
    expect(wfl.points.map((p) => p.x)).toEqual([80, 70]);
  });

  it("copes with no curves and no points", () => {
    const g = chartGeometry(
      { indicator: "bbu", sex: 1, xUnit: "month", yUnit: "kg", curves: [], points: [] },
      320,
    );
    expect(g.sdPaths.every((p) => p === "")).toBe(true);
    expect(g.childPath).toBe("");
    expect(g.xTicks.length).toBeGreaterThan(0);
  });
});
