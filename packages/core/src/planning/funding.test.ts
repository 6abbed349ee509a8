import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACTIVITY_CATALOG, findActivity, PALI_ACTIVITIES, PASER_ACTIVITIES } from "./activity-catalog";
import { FUNDING_SOURCES, fundingAllowed, isVillageBudget, stuntingShare } from "./funding";
import { checkKpmCriteria, kpmCountProblem } from "./kpm-criteria";

describe("stunting share of the APB Desa", () => {
  it("percent with one decimal; unknown budget is null, not zero", () => {
    expect(stuntingShare(125_000_000, 1_000_000_000)).toBe(12.5);
    expect(stuntingShare(1, 3)).toBe(33.3);
    expect(stuntingShare(0, 1_000)).toBe(0);
    expect(stuntingShare(5, null)).toBeNull();
    expect(stuntingShare(5, 0)).toBeNull();
  });
  it("property: always within [0, 100]", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e13 }), fc.integer({ min: 1, max: 1e13 }), (a, t) => {
        const s = stuntingShare(a, t);
        expect(s).not.toBeNull();
        expect(s ?? -1).toBeGreaterThanOrEqual(0);
        expect(s ?? 101).toBeLessThanOrEqual(100);
      }),
    );
  });
  it("only village money is APB Desa money (PALI Pasal 40(5), Paser Pasal 50 b); APBD Provinsi and APBN are sources (PALI Pasal 20(4), 34(2))", () => {
    expect(FUNDING_SOURCES.filter((f) => isVillageBudget(f.code)).map((f) => f.code)).toEqual([
      "dana_desa",
      "apb_desa_lain",
    ]);
    expect(FUNDING_SOURCES.map((f) => f.code)).toEqual(expect.arrayContaining(["apbd_provinsi", "apbn"]));
    expect(fundingAllowed("kelurahan", "apbn")).toBe(true);
    expect(fundingAllowed("kelurahan", "apb_desa_lain")).toBe(false);
  });
  it("a kelurahan cannot fund from Dana Desa (Paser Pasal 27(2))", () => {
    expect(fundingAllowed("kelurahan", "dana_desa")).toBe(false);
    expect(fundingAllowed("kelurahan", "apbd")).toBe(true);
    expect(fundingAllowed("desa", "dana_desa")).toBe(true);
  });
});

describe("activity catalogs", () => {
  it("Paser Pasal 23 has letters a–kk (37) and PALI Pasal 4(3)–(7) 13+15+14+6+5 activities", () => {
    expect(PASER_ACTIVITIES).toHaveLength(37);
    expect(PASER_ACTIVITIES.at(-1)).toMatchObject({
      code: "paser-23-kk",
      text: "penyediaan bahan tata laksana gizi buruk",
    });
    expect(PALI_ACTIVITIES).toHaveLength(53);
    expect(findActivity("pali-4-5-l")?.text).toBe(
      "pembangunan/rehabilitasi/peningkatan fasilitas jamban umum",
    );
    expect(new Set(ACTIVITY_CATALOG.map((a) => a.code)).size).toBe(ACTIVITY_CATALOG.length);
  });
});

describe("KPM criteria (PALI Pasal 29)", () => {
  const ok = {
    resident: true,
    cadreYears: 2,
    speaksLocalLanguage: true,
    education: "slta",
    canUseOffice: true,
  } as const;
  it("two years of cadre experience and SLTA are enough; less is not", () => {
    expect(checkKpmCriteria(ok)).toEqual({ met: expect.any(Array), unmet: [], eligible: true });
    expect(checkKpmCriteria({ ...ok, cadreYears: 1.9 }).unmet).toEqual(["pengalaman_kader_2_tahun"]);
    expect(checkKpmCriteria({ ...ok, education: "smp", canUseOffice: false }).unmet).toEqual([
      "pendidikan_slta",
      "microsoft_office",
    ]);
  });
  it("at least one KPM per desa, at most one per dusun (PALI Pasal 33 b)", () => {
    expect(kpmCountProblem(0, 3)).toBe("too_few");
    expect(kpmCountProblem(3, 3)).toBe("none");
    expect(kpmCountProblem(4, 3)).toBe("too_many");
  });
});
