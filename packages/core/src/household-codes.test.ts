import { describe, expect, it } from "vitest";
import { FAMILY_RISK_RULES } from "./families/family-risk";
import { isSafeWater, SAFE_WATER_LISTS, WATER_SOURCE_CODES } from "./household-codes";

describe("safe drinking water: one list per defining body", () => {
  it("each list covers every source code and names its own source", () => {
    for (const list of Object.values(SAFE_WATER_LISTS))
      expect(Object.keys(list.layak).sort()).toEqual([...WATER_SOURCE_CODES].sort());
    expect(SAFE_WATER_LISTS.bps.source).toMatch(/BPS.*Susenas/);
    expect(SAFE_WATER_LISTS.bkkbn.source).toMatch(/BKKBN.*PK21/);
  });
  it("improved sources are layak, unprotected and surface water not; refill water counts (condition unrecorded)", () => {
    for (const list of ["bps", "bkkbn"] as const) {
      expect(isSafeWater(list, "sumur_terlindung")).toBe(true);
      expect(isSafeWater(list, "sumur_tak_terlindung")).toBe(false);
      expect(isSafeWater(list, "air_permukaan")).toBe(false);
      expect(isSafeWater(list, "air_kemasan")).toBe(true);
      expect(isSafeWater(list, null)).toBe(false);
      expect(isSafeWater(list, "unknown")).toBe(false);
    }
  });
  it("the family-risk rule cites BKKBN's list, not BPS's", () => {
    const rule = FAMILY_RISK_RULES.find((r) => r.id === "risiko.air_minum_tidak_layak");
    expect(rule?.source).toContain("BKKBN");
    expect(rule?.source).not.toContain("BPS");
  });
});
