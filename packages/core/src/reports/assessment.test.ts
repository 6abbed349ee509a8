import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ASSESSMENT_DEFAULT, type AssessmentMethod, type AssessmentUnit, rankUnits } from "./assessment";

const units: AssessmentUnit[] = [
  { code: "64.01.05.2001", name: "Desa A", raw: { convergence: 80, data_completeness: 40 } },
  { code: "64.01.05.2002", name: "Desa B", raw: { convergence: 50, data_completeness: 80 } },
  { code: "64.01.05.2003", name: "Desa C", raw: { convergence: 60, data_completeness: null } },
];
const method = (convergence: number, data: number): AssessmentMethod => ({
  components: [
    { code: "convergence", weight: convergence, normalisation: { kind: "percent" } },
    { code: "data_completeness", weight: data, normalisation: { kind: "percent" } },
  ],
  note: "",
});

describe("performance assessment ranking", () => {
  it("follows the hand computation, and changing one weight reorders it", () => {
    // 50/50: A = (0.8×50 + 0.4×50) = 60, B = (0.5×50 + 0.8×50) = 65, C = 0.6×50 + 0 = 30.
    const even = rankUnits(method(50, 50), units);
    expect(even.map((u) => [u.name, u.score, u.rank])).toEqual([
      ["Desa B", 65, 1],
      ["Desa A", 60, 2],
      ["Desa C", 30, 3],
    ]);
    // 70/30: A = 56 + 12 = 68, B = 35 + 24 = 59, C = 42.
    const heavy = rankUnits(method(70, 30), units);
    expect(heavy.map((u) => [u.name, u.score, u.rank])).toEqual([
      ["Desa A", 68, 1],
      ["Desa B", 59, 2],
      ["Desa C", 42, 3],
    ]);
  });

  it("explains each score: points per component add up, missing data is named", () => {
    const [b, a, c] = rankUnits(method(50, 50), units);
    for (const u of [a, b, c]) {
      const sum = u?.breakdown.reduce((s, x) => s + x.points, 0) ?? 0;
      expect(sum).toBeCloseTo(u?.score ?? -1, 1);
    }
    expect(c?.missing).toEqual(["data_completeness"]);
    expect(a?.strongest).toBe("convergence");
    expect(a?.weakest).toBe("data_completeness");
  });

  it("gives equal scores the same rank", () => {
    const twins = rankUnits(method(1, 1), [
      { code: "b", name: "B", raw: { convergence: 50, data_completeness: 50 } },
      { code: "a", name: "A", raw: { convergence: 50, data_completeness: 50 } },
      { code: "c", name: "C", raw: { convergence: 10, data_completeness: 10 } },
    ]);
    expect(twins.map((u) => [u.code, u.rank])).toEqual([
      ["a", 1],
      ["b", 1],
      ["c", 3],
    ]);
  });

  it("scores relative to the best and worst unit with minmax, and caps a target at full marks", () => {
    const ranked = rankUnits(
      {
        components: [
          { code: "apb_stunting_share", weight: 1, normalisation: { kind: "minmax" } },
          { code: "data_completeness", weight: 1, normalisation: { kind: "target", target: 90 } },
        ],
        note: "",
      },
      [
        { code: "x", name: "X", raw: { apb_stunting_share: 2, data_completeness: 99 } },
        { code: "y", name: "Y", raw: { apb_stunting_share: 12, data_completeness: 45 } },
        { code: "z", name: "Z", raw: { apb_stunting_share: 7, data_completeness: 90 } },
      ],
    );
    const by = Object.fromEntries(ranked.map((u) => [u.code, u.score]));
    expect(by).toEqual({ x: 50, y: 75, z: 75 });
  });

  it("does not change when every weight is multiplied by the same factor", () => {
    const raw = fc.record({
      convergence: fc.option(fc.integer({ min: 0, max: 100 })),
      planning_on_time: fc.option(fc.integer({ min: 0, max: 100 })),
      apb_stunting_share: fc.option(fc.integer({ min: 0, max: 40 })),
      data_completeness: fc.option(fc.integer({ min: 0, max: 100 })),
    });
    fc.assert(
      fc.property(
        fc.array(raw, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 2, max: 9 }),
        (raws, k) => {
          const us = raws.map((r, i) => ({ code: String(i).padStart(3, "0"), name: `U${i}`, raw: r }));
          const scaled: AssessmentMethod = {
            ...ASSESSMENT_DEFAULT,
            components: ASSESSMENT_DEFAULT.components.map((c) => ({ ...c, weight: c.weight * k })),
          };
          const plain = rankUnits(ASSESSMENT_DEFAULT, us).map((u) => [u.code, u.score, u.rank]);
          expect(rankUnits(scaled, us).map((u) => [u.code, u.score, u.rank])).toEqual(plain);
        },
      ),
    );
  });
});
