import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wilsonInterval } from "./wilson";

describe("wilsonInterval", () => {
  it("matches a published value: 3 of 12 → 8.9%–53.2% (Newcombe 1998 method 3)", () => {
    const ci = wilsonInterval(3, 12);
    expect(ci?.lower).toBeCloseTo(0.0889, 3);
    expect(ci?.upper).toBeCloseTo(0.5323, 3);
  });
  it("gives an interval above zero width at 0 and n", () => {
    expect(wilsonInterval(0, 10)?.lower).toBe(0);
    expect(wilsonInterval(0, 10)?.upper).toBeCloseTo(0.2775, 3);
    expect(wilsonInterval(10, 10)?.upper).toBe(1);
  });
  it("has no interval without children measured", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });
  it("always contains p and stays inside [0, 1]; narrows as n grows", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, f) => {
          const k = Math.round(f * n);
          const ci = wilsonInterval(k, n);
          if (!ci) return false;
          const p = k / n;
          const wider = wilsonInterval(k * 4, n * 4);
          return (
            ci.lower >= 0 &&
            ci.upper <= 1 &&
            ci.lower <= p &&
            p <= ci.upper &&
            wider !== null &&
            wider.upper - wider.lower <= ci.upper - ci.lower + 1e-12
          );
        },
      ),
    );
  });
});
