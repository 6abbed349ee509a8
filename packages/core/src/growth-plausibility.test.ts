import { describe, expect, it } from "vitest";
import type { RawMeasurement } from "./growth-derive";
import { plausibilityIssues } from "./growth-plausibility";

const girl = { sex: 2 as const, birthDate: "2025-01-10" };
const m = (
  id: string,
  measuredOn: string,
  weightKg: number | null,
  lenheiCm: number | null,
  measure: "l" | "h" = "l",
): RawMeasurement => ({
  id,
  measuredOn,
  weightKg,
  lenheiCm,
  measure: lenheiCm == null ? null : measure,
  muacCm: null,
  headcCm: null,
  oedema: false,
  measuredBy: null,
});
const history = [m("a", "2026-08-10", 8.9, 76.0), m("b", "2026-09-10", 9.1, 77.0)];
const kinds = (next: RawMeasurement) => plausibilityIssues(girl, history, next).map((i) => i.kind);

describe("plausibility of a new measurement", () => {
  it("lets a usual month's growth through", () => {
    expect(kinds(m("c", "2026-10-10", 9.3, 77.8))).toEqual([]);
  });

  it("asks about the issue's examples: 150 kg, 99 cm at 21 months, a 45 cm typo", () => {
    expect(kinds(m("c", "2026-10-10", 150, 77.8))).toContain("who_flag");
    expect(kinds(m("c", "2026-10-10", 150, 77.8))).toContain("weight_jump");
    expect(kinds(m("c", "2026-10-10", 9.3, 45))).toEqual(expect.arrayContaining(["who_flag", "length_drop"]));
  });

  it("allows a length 0.7 cm lower (measurement error) but not 0.8 cm", () => {
    expect(kinds(m("c", "2026-10-10", 9.3, 76.3))).toEqual([]);
    expect(kinds(m("c", "2026-10-10", 9.3, 76.2))).toEqual(["length_drop"]);
  });

  it("compares a standing height with a lying length after WHO's 0.7 cm", () => {
    // 76.5 standing = 77.2 lying: taller than September's 77.0.
    expect(kinds(m("c", "2026-10-10", 9.3, 76.5, "h"))).toEqual([]);
  });

  it("asks about a weight jump of more than 3 z since the last weighing, not after half a year", () => {
    const jump = plausibilityIssues(girl, history, m("c", "2026-10-10", 14.5, 78));
    expect(jump).toEqual([{ kind: "weight_jump", previousKg: 9.1, previousOn: "2026-09-10" }]);
    expect(kinds(m("c", "2027-06-10", 14.5, 88))).toEqual([]);
  });

  it("does not compare a correction with the value it replaces", () => {
    expect(plausibilityIssues(girl, history, m("b", "2026-09-10", 9.0, 76.9))).toEqual([]);
  });
});
