import { describe, expect, it } from "vitest";
import { addDays } from "../dates";
import { auditShare, isAuditableCase, isOverdue } from "./case-audit";
import {
  type CatinMeasures,
  catinCoverage,
  evaluateCatin,
  minusCalendarMonths,
  screenedInTime,
  screeningDeadline,
} from "./catin";
import { semesterOf, semesterRange } from "./semester";

const woman: CatinMeasures = {
  sex: 2,
  birthDate: "2000-05-01",
  screenedOn: "2026-03-01",
  weightKg: 55,
  heightCm: 155,
  muacCm: 25,
  hbGdl: 13,
};
const findings = (m: Partial<CatinMeasures>) => evaluateCatin({ ...woman, ...m }).findings;

describe("catin screening cut-offs (Paser Pasal 13(1)a)", () => {
  it("healthy woman: no finding, ready", () => {
    expect(evaluateCatin(woman)).toMatchObject({ findings: [], ready: true, ageYears: 25 });
  });
  it("anaemia: Hb 11.9 is anaemic for a woman, 12.0 is not; a man's cut-off is 13", () => {
    expect(findings({ hbGdl: 11.9 })).toEqual(["anemia"]);
    expect(findings({ hbGdl: 12.0 })).toEqual([]);
    expect(findings({ sex: 1, hbGdl: 12.9, muacCm: 20 })).toEqual(["anemia"]);
    expect(findings({ sex: 1, hbGdl: 13.0 })).toEqual([]);
  });
  it("KEK: MUAC 23.4 is KEK, 23.5 is not", () => {
    expect(findings({ muacCm: 23.4 })).toEqual(["kek"]);
    expect(findings({ muacCm: 23.5 })).toEqual([]);
  });
  it("BMI: 18.49 is underweight, 18.5 is not", () => {
    // height 200 cm → BMI = weight / 4
    expect(findings({ heightCm: 200, weightKg: 73.96 })).toEqual(["kurus"]);
    expect(findings({ heightCm: 200, weightKg: 74 })).toEqual([]);
  });
  it("age: 19 years 364 days is too young, 20 years exactly is not", () => {
    expect(findings({ birthDate: addDays("2006-03-01", 1) })).toEqual(["terlalu_muda"]);
    expect(findings({ birthDate: "2006-03-01" })).toEqual([]);
  });
  it("advice is written for every finding (iron tablets 90 days for anaemia, delay pregnancy for age)", () => {
    const r = evaluateCatin({ ...woman, hbGdl: 10, birthDate: "2008-01-01" });
    expect(r.ready).toBe(false);
    expect(r.advice.map((a) => a.id).join(" ")).toMatch(/90 hari.*Tunda kehamilan/);
  });
});

describe("≥ 3 months before marriage: screening date ≤ marriage date − 3 calendar months", () => {
  it("the deadline day itself counts, the day after does not", () => {
    expect(screeningDeadline("2026-09-15")).toBe("2026-06-15");
    expect(screenedInTime("2026-06-15", "2026-09-15")).toBe(true);
    expect(screenedInTime("2026-06-16", "2026-09-15")).toBe(false);
    expect(screenedInTime("2026-01-10", "2026-09-15")).toBe(true);
  });
  it("month ends clamp (31 May − 3 months = 28 Feb; leap years), across year ends", () => {
    expect(minusCalendarMonths("2026-05-31", 3)).toBe("2026-02-28");
    expect(minusCalendarMonths("2028-05-31", 3)).toBe("2028-02-29");
    expect(minusCalendarMonths("2027-01-31", 3)).toBe("2026-10-31");
    expect(minusCalendarMonths("2027-02-15", 3)).toBe("2026-11-15");
  });
  it("coverage counts catin marrying in the period with a screening in time", () => {
    const c = catinCoverage(
      [
        { marriageDate: "2026-09-15", screeningDates: ["2026-06-15"] },
        { marriageDate: "2026-09-15", screeningDates: ["2026-06-16"] },
        { marriageDate: "2026-10-01", screeningDates: [] },
        { marriageDate: "2027-02-01", screeningDates: ["2026-10-01"] },
      ],
      "2026-07-01",
      "2026-12-31",
    );
    expect(c).toEqual({ denominator: 3, numerator: 1, share: 1 / 3 });
  });
});

describe("semesters, case audits, overdue", () => {
  it("semester S1 is January–June, S2 July–December", () => {
    expect(semesterOf("2026-06-30")).toBe("2026-S1");
    expect(semesterOf("2026-07-01")).toBe("2026-S2");
    expect(semesterRange("2026-S2")).toEqual({ from: "2026-07-01", to: "2026-12-31" });
  });
  it("an auditable case is stunted and under 24 months at the measurement", () => {
    expect(isAuditableCase("2024-11-23", "2026-11-22", "tbu.pendek")).toBe(true);
    expect(isAuditableCase("2024-11-22", "2026-11-22", "tbu.pendek")).toBe(false);
    expect(isAuditableCase("2025-11-22", "2026-11-22", "tbu.normal")).toBe(false);
    expect(isAuditableCase("2025-11-22", "2026-11-22", "tbu.sangat_pendek")).toBe(true);
  });
  it("audited share against the 50% target of the annex", () => {
    expect(auditShare(10, 5)).toEqual({ share: 0.5, meetsTarget: true });
    expect(auditShare(10, 4)).toEqual({ share: 0.4, meetsTarget: false });
    expect(auditShare(0, 0)).toEqual({ share: null, meetsTarget: false });
  });
  it("overdue only after the due day, never when done", () => {
    expect(isOverdue("2026-11-21", false, "2026-11-22")).toBe(true);
    expect(isOverdue("2026-11-22", false, "2026-11-22")).toBe(false);
    expect(isOverdue("2026-11-01", true, "2026-11-22")).toBe(false);
  });
});
