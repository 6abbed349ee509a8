import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { roundR2, roundR2Exact, roundUp } from "./round";
import { refRound2 } from "./testing/who-reference";

describe("roundR2 = R's round(x, 2)", () => {
  // Expected values from a line-by-line Python port of R 4.x fround.c
  // (scripts/hand-cases.py `fround2`). Where R differs from "half up on x*100"
  // the naive value is noted: these are exactly the cases that would move a
  // z-score across a flag limit or a Permenkes bound.
  it.each([
    [0.125, 0.12], // exact binary tie → even (naive 0.13)
    [0.375, 0.38], // exact tie, i10 = 37 odd → up
    [0.625, 0.62], // exact tie → even (naive 0.63)
    [-0.375, -0.38], // sign handled separately (naive −0.37)
    [2.675, 2.67], // 2.67499999999999982… (naive 2.68)
    [0.015, 0.01], // 0.01499999999999999944… (naive 0.02)
    [0.045, 0.04], // (naive 0.05)
    [1.115, 1.11], // (naive 1.12)
    [2.005, 2], // (naive 2.01): BB/PB "berisiko gizi lebih", not "gizi lebih"
    [3.005, 3], // (naive 3.01): TB/U "normal", not "tinggi"
    [5.005, 5], // (naive 5.01): not flagged
    [6.005, 6], // (naive 6.01): zlen not flagged
    [-2.005, -2], // TB/U −2.00 normal
    [-3.005, -3],
    [0.135, 0.14],
    [0.285, 0.28],
    [1.005, 1],
    [12.345, 12.35],
    [-1.235, -1.24],
    [4.995, 5],
    [0.115, 0.12],
    [0.025, 0.03],
    [0.055, 0.06],
  ])("round(%d, 2) = %d", (x, expected) => {
    expect(roundR2(x)).toBe(expected);
    expect(roundR2Exact(x)).toBe(expected);
  });

  it("keeps NaN, ±Infinity, ±0 and returns x unchanged from 2^43 (as fround.c)", () => {
    expect(roundR2(Number.NaN)).toBeNaN();
    expect(roundR2(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(roundR2(Number.NEGATIVE_INFINITY)).toBe(Number.NEGATIVE_INFINITY);
    expect(Object.is(roundR2(-0.001), -0)).toBe(true);
    expect(roundR2(2 ** 43 + 0.25)).toBe(2 ** 43 + 0.25);
    expect(roundR2(2 ** 43 - 0.5)).toBe(2 ** 43 - 0.5);
    expect(roundR2(-(2 ** 43) - 0.25)).toBe(-(2 ** 43) - 0.25);
  });

  it("fast path agrees with the full fround.c algorithm and the independent reference", () => {
    const near = fc.tuple(fc.integer({ min: -100_000, max: 100_000 }), fc.double({ min: -1e-6, max: 1e-6 }));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: -1e6, max: 1e6, noNaN: true }),
          near.map(([k, e]) => (k + 0.5) / 100 + e),
          near.map(([k]) => (k + 0.5) / 100),
          fc.double({ noNaN: true }),
        ),
        (x) => {
          const r = roundR2(x);
          expect(Object.is(r, roundR2Exact(x))).toBe(true);
          expect(Object.is(r, refRound2(x))).toBe(true);
        },
      ),
      { numRuns: 20_000 },
    );
  });
});

describe("roundUp = anthro round_up (half up)", () => {
  it.each([
    [730.5, 731], // 24 months × 30.4375
    [730.4999999, 730],
    [0, 0],
    [0.5, 1],
    [1826.25, 1826],
    [1826.5, 1827],
  ])("round_up(%d) = %d", (x, e) => expect(roundUp(x)).toBe(e));
  it("24 months is day 731", () => expect(roundUp(24 * 30.4375)).toBe(731));
});
