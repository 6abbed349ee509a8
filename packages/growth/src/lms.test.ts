import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CURVE_TABLES, type CurveIndicator } from "./curves";
import { measureAtZ, sdLms, zLms, zLmsRestricted } from "./lms";

const INDICATORS = Object.keys(CURVE_TABLES) as CurveIndicator[];
/** Tables whose z is restricted beyond ±3 SD in WHO anthro/anthroplus. */
const RESTRICTED = new Set<CurveIndicator>([
  "wfa",
  "bfa",
  "acfa",
  "tsfa",
  "ssfa",
  "wfl",
  "wfh",
  "bfa2007",
  "wfa2007",
]);

function rows(ind: CurveIndicator): { l: number; m: number; s: number }[] {
  const t = CURVE_TABLES[ind];
  const out = [];
  for (let i = 0; i < t.lms.length; i += 3) {
    out.push({ l: t.lms[i] as number, m: t.lms[i + 1] as number, s: t.lms[i + 2] as number });
  }
  return out;
}

const anyRow = fc
  .constantFrom(...INDICATORS)
  .chain((ind) => fc.constantFrom(...rows(ind)).map((r) => ({ ind, ...r })));

describe("SD lines", () => {
  it.each(INDICATORS)("%s: z of SD(k) is k within 1e-9 for every row and k = −3…+3", (ind) => {
    let worst = 0;
    for (const { l, m, s } of rows(ind)) {
      for (let k = -3; k <= 3; k++) {
        const y = sdLms(k, l, m, s);
        worst = Math.max(worst, Math.abs(zLms(y, l, m, s) - k));
        // At |k| ≤ 3 the restricted scale coincides with the LMS scale.
        worst = Math.max(worst, Math.abs(zLmsRestricted(y, l, m, s) - k));
      }
      if (sdLms(0, l, m, s) !== m) worst = Number.POSITIVE_INFINITY;
    }
    expect(worst).toBeLessThan(1e-9);
  });

  it.each([...RESTRICTED])("%s: restricted z is linear beyond ±3 SD with the SD2–SD3 spacing", (ind) => {
    let worst = 0;
    for (const { l, m, s } of rows(ind)) {
      const sd2 = sdLms(2, l, m, s);
      const sd3 = sdLms(3, l, m, s);
      const sdm2 = sdLms(-2, l, m, s);
      const sdm3 = sdLms(-3, l, m, s);
      // WHO: "SD4 = SD3 + (SD3 − SD2)", "SD−4 = SD−3 − (SD−2 − SD−3)".
      worst = Math.max(worst, Math.abs(zLmsRestricted(sd3 + (sd3 - sd2), l, m, s) - 4));
      worst = Math.max(worst, Math.abs(zLmsRestricted(sdm3 - (sdm2 - sdm3), l, m, s) + 4));
      for (const z of [-6, -4.5, -3.2, 3.2, 4.5, 6]) {
        worst = Math.max(worst, Math.abs(zLmsRestricted(measureAtZ(z, l, m, s, true), l, m, s) - z));
      }
    }
    expect(worst).toBeLessThan(1e-9);
  });
});

describe("properties", () => {
  it("z is non-decreasing in the measurement (plain and restricted)", () => {
    fc.assert(
      fc.property(
        anyRow,
        fc.double({ min: -4, max: 4, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        (r, za, dz) => {
          const y1 = measureAtZ(za, r.l, r.m, r.s, true);
          const y2 = measureAtZ(za + dz, r.l, r.m, r.s, true);
          fc.pre(y1 > 0 && y2 > 0 && Number.isFinite(y1) && Number.isFinite(y2));
          expect(zLms(y2, r.l, r.m, r.s)).toBeGreaterThanOrEqual(zLms(y1, r.l, r.m, r.s) - 1e-12);
          expect(zLmsRestricted(y2, r.l, r.m, r.s)).toBeGreaterThanOrEqual(
            zLmsRestricted(y1, r.l, r.m, r.s) - 1e-12,
          );
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it("restricted z is continuous at +3 and −3", () => {
    fc.assert(
      fc.property(
        anyRow,
        fc.constantFrom(3, -3),
        fc.double({ min: 1e-9, max: 1e-5, noNaN: true }),
        (r, k, eps) => {
          const y = sdLms(k, r.l, r.m, r.s);
          const below = zLmsRestricted(y * (1 - eps), r.l, r.m, r.s);
          const above = zLmsRestricted(y * (1 + eps), r.l, r.m, r.s);
          expect(Math.abs(below - k)).toBeLessThan(1e-3);
          expect(Math.abs(above - k)).toBeLessThan(1e-3);
          expect(above).toBeGreaterThan(below);
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it("L = 1 shortcut is bit-identical to the general formula", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 200, noNaN: true }),
        fc.double({ min: 10, max: 200, noNaN: true }),
        fc.double({ min: 0.01, max: 0.2, noNaN: true }),
        (y, m, s) => {
          expect(zLms(y, 1, m, s)).toBe(((y / m) ** 1 - 1) / (s * 1));
        },
      ),
    );
  });
});
