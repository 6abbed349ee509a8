import { describe, expect, it } from "vitest";
import { CURVE_TABLES, type CurveIndicator, curveUnit, lmsAt, sdCurves } from "./curves";
import { zLms, zLmsRestricted } from "./lms";
import { zscores } from "./zscores";

describe("sdCurves", () => {
  it("daily tables: one point per day with SD0 = M", () => {
    const pts = sdCurves("lhfa", 1, 0, 10);
    expect(pts).toHaveLength(11);
    expect(pts[0]?.sd0).toBe(49.8842); // who2006_lhfa_by_day.csv, sex 1, day 0
    expect(pts[0]?.sd2).toBeCloseTo(49.8842 * (1 + 0.03795 * 2), 12);
    expect(curveUnit("lhfa")).toBe("days");
  });

  it("every curve point has z = k on the engine's own scale", () => {
    const all: [CurveIndicator, number, number, number][] = [
      ["wfa", 0, 1826, 7],
      ["bfa", 0, 1826, 7],
      ["acfa", 91, 1826, 7],
      ["wfl", 45, 110, 0.1],
      ["wfh", 65, 120, 0.1],
      ["hfa2007", 60, 229, 0.25],
      ["bfa2007", 60, 229, 0.25],
      ["wfa2007", 60, 121, 0.25],
    ];
    let worst = 0;
    for (const [ind, from, to, step] of all) {
      for (const sex of [1, 2] as const) {
        for (const p of sdCurves(ind, sex, from, to, step)) {
          const lms = lmsAt(ind, sex, p.x);
          if (lms === null) throw new Error("outside");
          const { l, m, s } = lms;
          const ks: [number, number][] = [
            [-3, p.sdm3],
            [-2, p.sdm2],
            [-1, p.sdm1],
            [0, p.sd0],
            [1, p.sd1],
            [2, p.sd2],
            [3, p.sd3],
          ];
          for (const [k, y] of ks) {
            worst = Math.max(worst, Math.abs(zLms(y, l, m, s) - k), Math.abs(zLmsRestricted(y, l, m, s) - k));
          }
        }
      }
    }
    expect(worst).toBeLessThan(1e-9);
  });

  it("a child exactly on a WFL curve point gets that z from zscores()", () => {
    const [p] = sdCurves("wfl", 2, 79.4, 79.4);
    const r = zscores({ sex: 2, ageDays: 500, lenheiCm: 79.4, measure: "l", weightKg: p?.sd2 });
    expect(Math.abs((r.zwfl as number) - 2)).toBeLessThan(1e-9);
    expect(r.zwflRounded).toBe(2);
  });

  it("x grid has no float drift (45 + 3 × 0.1 is 45.3) and month ages for daily tables", () => {
    expect(sdCurves("wfl", 1, 45, 45.3).map((p) => p.x)).toEqual([45, 45.1, 45.2, 45.3]);
    const byMonth = sdCurves("wfa", 1, 0, 60, 12, { xUnit: "months" });
    expect(byMonth.map((p) => p.x)).toEqual([0, 12, 24, 36, 48, 60]);
    // 24 months → day 731 (round half up of 730.5)
    const d731 = sdCurves("wfa", 1, 731, 731)[0];
    expect(byMonth[2]?.sd0).toBe(d731?.sd0);
  });

  it("interpolates WHO 2007 monthly tables like anthroplus", () => {
    const [a] = sdCurves("hfa2007", 1, 60, 60);
    const [b] = sdCurves("hfa2007", 1, 61, 61);
    const [mid] = sdCurves("hfa2007", 1, 60.5, 60.5);
    expect(mid?.sd0).toBeCloseTo(((a?.sd0 as number) + (b?.sd0 as number)) / 2, 12);
  });

  it("rejects ranges outside the table", () => {
    expect(() => sdCurves("acfa", 1, 0, 100)).toThrow(RangeError);
    expect(() => sdCurves("wfl", 1, 100, 111)).toThrow(RangeError);
    expect(() => sdCurves("wfl", 1, 50, 40)).toThrow(RangeError);
  });

  it("exposes every WHO table", () => {
    expect(Object.keys(CURVE_TABLES).sort()).toEqual(
      [
        "acfa",
        "bfa",
        "bfa2007",
        "hcfa",
        "hfa2007",
        "lhfa",
        "ssfa",
        "tsfa",
        "wfa",
        "wfa2007",
        "wfh",
        "wfl",
      ].sort(),
    );
  });
});
