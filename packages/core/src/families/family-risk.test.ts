import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../dates";
import { evaluateFamilyRisk, FAMILY_RISK_RULES, type FamilyFacts, mergeFamilyFacts } from "./family-risk";

const AS_OF = "2026-11-22";
const safe: FamilyFacts = {
  hasPus: true,
  hasPregnantWoman: false,
  hasUnderFive: false,
  waterSource: "ledeng",
  latrineType: "sendiri_septik",
  motherBirthDate: "2000-01-01",
  childBirthDates: ["2020-01-01"],
  foodAdequate: true,
  underFiveCareAdequate: true,
  healthyHouse: true,
};
const reasons = (f: Partial<FamilyFacts>) =>
  evaluateFamilyRisk({ ...safe, ...f }, AS_OF).riskReasons.map((r) => r.ruleId);

describe("family at risk of stunting (BKKBN PK21 / Verval KRS, Paser Pasal 13(1))", () => {
  it("a target family with safe water, a proper latrine and no 4T is not at risk", () => {
    const r = evaluateFamilyRisk(safe, AS_OF);
    expect(r).toMatchObject({ isTarget: true, atRisk: false, riskReasons: [] });
  });

  it("a family with no PUS, pregnant woman or under-five is never at risk, whatever its water", () => {
    const r = evaluateFamilyRisk(
      { ...safe, hasPus: false, hasPregnantWoman: false, hasUnderFive: false, waterSource: "air_permukaan" },
      AS_OF,
    );
    expect(r.isTarget).toBe(false);
    expect(r.atRisk).toBe(false);
    expect(r.riskReasons.map((x) => x.ruleId)).toEqual(["risiko.air_minum_tidak_layak"]);
  });

  it("unsafe water and an improper latrine are reasons, each citing its source", () => {
    const r = evaluateFamilyRisk(
      { ...safe, waterSource: "sumur_tak_terlindung", latrineType: "cemplung" },
      AS_OF,
    );
    expect(r.atRisk).toBe(true);
    expect(r.riskReasons.map((x) => x.ruleId)).toEqual([
      "risiko.air_minum_tidak_layak",
      "risiko.jamban_tidak_layak",
    ]);
    for (const x of r.riskReasons) expect(x.source).toMatch(/BKKBN/);
  });

  it("mother under 20: 19 years 364 days is a risk, 20 years exactly is not", () => {
    expect(reasons({ motherBirthDate: addDays("2006-11-22", 1) })).toContain("risiko.terlalu_muda");
    expect(reasons({ motherBirthDate: "2006-11-22" })).not.toContain("risiko.terlalu_muda");
  });

  it("mother 35–40 inclusive: 34y364d no, 35y0d yes, 40y364d yes, 41y0d no", () => {
    expect(reasons({ motherBirthDate: addDays("1991-11-22", 1) })).not.toContain("risiko.terlalu_tua");
    expect(reasons({ motherBirthDate: "1991-11-22" })).toContain("risiko.terlalu_tua");
    expect(reasons({ motherBirthDate: addDays("1985-11-22", 1) })).toContain("risiko.terlalu_tua");
    expect(reasons({ motherBirthDate: "1985-11-22" })).not.toContain("risiko.terlalu_tua");
  });

  it("birth spacing: 23 completed months is a risk, 24 is not (between the two latest births)", () => {
    expect(reasons({ childBirthDates: ["2018-01-01", "2024-01-15", "2025-12-15"] })).toContain(
      "risiko.terlalu_dekat",
    );
    expect(reasons({ childBirthDates: ["2024-01-15", "2026-01-15"] })).not.toContain("risiko.terlalu_dekat");
    expect(reasons({ childBirthDates: ["2026-01-14", "2024-01-15"] })).toContain("risiko.terlalu_dekat");
  });

  it("3 children is not too many, 4 is", () => {
    const three = ["2014-01-01", "2017-01-01", "2020-01-01"];
    expect(reasons({ childBirthDates: three })).not.toContain("risiko.terlalu_banyak");
    expect(reasons({ childBirthDates: [...three, "2023-01-01"] })).toContain("risiko.terlalu_banyak");
  });

  it("unknown facts are reported as undecided, not as safe", () => {
    const r = evaluateFamilyRisk({ ...safe, waterSource: null, motherBirthDate: null }, AS_OF);
    expect(r.unknown.map((x) => x.ruleId)).toEqual(
      expect.arrayContaining(["risiko.air_minum_tidak_layak", "risiko.terlalu_muda", "risiko.terlalu_tua"]),
    );
  });

  it("the screener's observation overrides the registry, and the reason says so", () => {
    const { facts, sources } = mergeFamilyFacts(
      { waterSource: "ledeng", latrineType: "tidak_ada", hasUnderFive: true },
      { waterSource: "air_permukaan", foodAdequate: true },
    );
    expect(facts.waterSource).toBe("air_permukaan");
    const r = evaluateFamilyRisk(facts, AS_OF, sources);
    const water = r.riskReasons.find((x) => x.ruleId === "risiko.air_minum_tidak_layak");
    const latrine = r.riskReasons.find((x) => x.ruleId === "risiko.jamban_tidak_layak");
    expect(water?.factSources).toEqual({ waterSource: "screener" });
    expect(latrine?.factSources).toEqual({ latrineType: "registry" });
  });

  it("every rule has a unique id and a cited source", () => {
    const ids = FAMILY_RISK_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of FAMILY_RISK_RULES) expect(r.source).toMatch(/BKKBN|Paser Pasal/);
  });

  it("property: at risk exactly when a target with at least one risk reason", () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom("ledeng", "air_permukaan"),
        fc.integer({ min: 0, max: 6 }),
        (pus, u5, water, n) => {
          const f: FamilyFacts = {
            ...safe,
            hasPus: pus,
            hasUnderFive: u5,
            waterSource: water as FamilyFacts["waterSource"],
            childBirthDates: Array.from({ length: n }, (_, i) => `${2010 + 3 * i}-01-01`),
          };
          const r = evaluateFamilyRisk(f, AS_OF);
          expect(r.atRisk).toBe((pus || u5) && r.riskReasons.length > 0);
        },
      ),
    );
  });
});
