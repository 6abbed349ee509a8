import { describe, expect, it } from "vitest";
import { niceAxis, trendGeometry } from "./trendMath";

const pts = (values: (number | null)[]) =>
  values.map((value, i) => ({
    period: `2025-${String(i + 1).padStart(2, "0")}`,
    value,
    numerator: 0,
    denominator: 0,
  }));

describe("trendGeometry", () => {
  it("scales to the data and the target, and breaks the line where a month has no value", () => {
    const g = trendGeometry(pts([10, 12, null, 14]), 400, 20);
    expect(g.points).toHaveLength(3);
    expect(g.path.match(/M/g)).toHaveLength(2);
    expect(g.targetY).not.toBeNull();
    // A higher value is drawn higher (smaller y).
    expect(g.points[2]?.y).toBeLessThan(g.points[0]?.y as number);
    expect(g.yTicks.at(-1)?.value).toBe(niceAxis([10, 12, 14, 20]).max);
    // Round ticks: 0, 5, 10, … never 7.5.
    for (const tk of g.yTicks) expect(Number.isInteger(tk.value)).toBe(true);
    expect(g.xTicks[0]?.anchor).toBe("start");
    expect(g.xTicks.at(-1)?.anchor).toBe("end");
  });
  it("keeps every point inside the plot", () => {
    const g = trendGeometry(pts([0, 100, 50]), 320, null);
    for (const p of g.points) {
      expect(p.x).toBeGreaterThanOrEqual(g.plot.x0);
      expect(p.x).toBeLessThanOrEqual(g.plot.x1);
      expect(p.y).toBeGreaterThanOrEqual(g.plot.y0);
      expect(p.y).toBeLessThanOrEqual(g.plot.y1);
    }
  });
});

describe("x labels", () => {
  it("never crowd: at least 56 px apart, first and last month kept", () => {
    const months = Array.from({ length: 24 }, (_, i) => {
      const d = new Date(Date.UTC(2024, 10 + i, 1));
      return { period: d.toISOString().slice(0, 7), value: 10, numerator: 1, denominator: 10 };
    });
    for (const width of [300, 360, 500, 900]) {
      const g = trendGeometry(months, width, null);
      expect(g.xTicks[0]?.label).toBe("2024-11");
      expect(g.xTicks.at(-1)?.label).toBe("2026-10");
      for (let k = 1; k < g.xTicks.length; k++) {
        expect((g.xTicks[k]?.pos ?? 0) - (g.xTicks[k - 1]?.pos ?? 0)).toBeGreaterThanOrEqual(56);
      }
    }
  });
});

describe("niceAxis", () => {
  it("uses at most five round steps and leaves room above the highest value", () => {
    expect(niceAxis([22])).toEqual({ max: 25, step: 5 });
    expect(niceAxis([3.5])).toEqual({ max: 5, step: 1 });
    expect(niceAxis([84, 80])).toEqual({ max: 100, step: 20 });
  });
});
