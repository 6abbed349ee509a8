import { describe, expect, it } from "vitest";
import { deriveTargetRoles, is1000HpkHousehold, pregnancySignals } from "./targets";

describe("target roles derived from the registry", () => {
  const child = (birthDate: string) => ({ sex: 1 as const, birthDate });

  it("moves a child across the age bands at the boundaries of Pasal 5(1) b–d", () => {
    const born = "2024-01-15";
    expect(deriveTargetRoles(child(born), "2024-01-15")).toEqual(["anak_0_6"]);
    expect(deriveTargetRoles(child(born), "2024-08-14")).toEqual(["anak_0_6"]); // 6 completed months
    expect(deriveTargetRoles(child(born), "2024-08-15")).toEqual(["anak_7_23"]);
    expect(deriveTargetRoles(child(born), "2026-01-14")).toEqual(["anak_7_23"]); // 23 months
    expect(deriveTargetRoles(child(born), "2026-01-15")).toEqual(["anak_24_59"]);
    expect(deriveTargetRoles(child(born), "2029-01-14")).toEqual(["anak_24_59"]); // 59 months
    expect(deriveTargetRoles(child(born), "2029-01-15")).toEqual([]);
    expect(deriveTargetRoles(child(born), "2023-12-31")).toEqual([]); // not yet born
  });

  it("a woman is pregnant from LMP until the outcome, or 4 weeks after EDD without one", () => {
    const woman = (endedOn: string | null) => ({
      sex: 2 as const,
      birthDate: "1998-05-01",
      pregnancies: [{ lmpDate: "2025-01-01", eddDate: "2025-10-08", endedOn }],
    });
    expect(deriveTargetRoles(woman(null), "2024-12-31")).toEqual(["wus"]);
    expect(deriveTargetRoles(woman(null), "2025-01-01")).toEqual(["ibu_hamil", "wus"]);
    expect(deriveTargetRoles(woman(null), "2025-11-05")).toEqual(["ibu_hamil", "wus"]);
    expect(deriveTargetRoles(woman(null), "2025-11-06")).toEqual(["wus"]);
    expect(deriveTargetRoles(woman("2025-09-30"), "2025-09-30")).toEqual(["wus"]);
  });

  it("a mother is a breastfeeding target by her child's age band", () => {
    const mother = { sex: 2 as const, birthDate: "1995-02-01", childBirthDates: ["2025-01-10"] };
    expect(deriveTargetRoles(mother, "2025-07-09")).toEqual(["ibu_menyusui_0_6", "wus"]);
    expect(deriveTargetRoles(mother, "2025-08-10")).toEqual(["ibu_menyusui_7_23", "wus"]);
    expect(deriveTargetRoles(mother, "2026-12-10")).toEqual(["ibu_menyusui_7_23", "wus"]);
    expect(deriveTargetRoles(mother, "2027-01-10")).toEqual(["wus"]);
  });

  it("adolescent girls 10–19 years and WUS 15–49 years", () => {
    const girl = { sex: 2 as const, birthDate: "2010-06-01" };
    expect(deriveTargetRoles(girl, "2020-05-31")).toEqual(["anak_usia_sekolah"]);
    expect(deriveTargetRoles(girl, "2020-06-01")).toEqual(["remaja_putri", "anak_usia_sekolah"]);
    expect(deriveTargetRoles(girl, "2025-06-01")).toEqual(["remaja_putri", "anak_usia_sekolah", "wus"]);
    expect(deriveTargetRoles(girl, "2030-05-31")).toEqual(["remaja_putri", "wus"]);
    expect(deriveTargetRoles(girl, "2030-06-01")).toEqual(["wus"]);
    expect(deriveTargetRoles(girl, "2060-06-01")).toEqual([]);
    expect(deriveTargetRoles({ sex: 1, birthDate: "2010-06-01" }, "2026-06-01")).toEqual([]);
  });

  // Paser Pasal 5(1)e: "remaja putri, anak usia sekolah tingkat SD dan SMP" — boys too; 7–15 years, the age
  // of compulsory basic education (PP 47/2008 Pasal 7).
  it("school-age children (SD and SMP) 7–15 years, boys and girls", () => {
    const boy = { sex: 1 as const, birthDate: "2010-06-01" };
    expect(deriveTargetRoles(boy, "2017-05-31")).toEqual([]);
    expect(deriveTargetRoles(boy, "2017-06-01")).toEqual(["anak_usia_sekolah"]);
    expect(deriveTargetRoles(boy, "2026-05-31")).toEqual(["anak_usia_sekolah"]);
    expect(deriveTargetRoles(boy, "2026-06-01")).toEqual([]);
  });

  it("a 1000-HPK household has a pregnant woman or a child under 24 months", () => {
    expect(is1000HpkHousehold([["wus"], ["anak_24_59"]])).toBe(false);
    expect(is1000HpkHousehold([["wus"], ["anak_7_23"]])).toBe(true);
    expect(is1000HpkHousehold([["ibu_hamil", "wus"]])).toBe(true);
  });

  it("KEK below 23.5 cm MUAC and anaemia below 11 g/dL, exactly at the cut-off not", () => {
    expect(pregnancySignals({ muacCm: 23.4, hbGdl: 10.9 })).toEqual({ kek: true, anaemia: true });
    expect(pregnancySignals({ muacCm: 23.5, hbGdl: 11 })).toEqual({ kek: false, anaemia: false });
    expect(pregnancySignals({ muacCm: null, hbGdl: null })).toEqual({ kek: false, anaemia: false });
  });
});
