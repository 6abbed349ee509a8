import { describe, expect, it } from "vitest";
import { checkNik, maskNik } from "./nik";

const kec = (c: string) => c === "64.01.05";

describe("checkNik", () => {
  it("accepts a consistent NIK of a girl born 2023-03-07 in Kuaro (day + 40)", () => {
    expect(checkNik("6401054703230001", { birthDate: "2023-03-07", sex: 2 }, kec)).toEqual({
      error: null,
      warnings: [],
      kecamatanCode: "64.01.05",
      reasons: { error: null, warnings: [] },
    });
  });

  it("errors on a malformed NIK", () => {
    for (const bad of ["640105470323000", "64010547032300011", "64010547032300a1", ""]) {
      expect(checkNik(bad, {}, kec).error).toMatch(/16 digits/);
    }
    expect(checkNik("6401064703230001", {}, kec).error).toMatch(/kecamatan/);
    expect(checkNik("6401053213230001", {}, kec).error).toMatch(/birth date/);
    expect(checkNik("6401057203230001", {}, kec).error).toMatch(/birth date/);
    expect(checkNik("6401050703230000", {}, kec).error).toMatch(/serial/);
  });

  it("warns, without refusing, when the NIK disagrees with the sex or birth date entered", () => {
    const r = checkNik("6401050703230001", { birthDate: "2023-03-08", sex: 2 }, kec);
    expect(r.error).toBeNull();
    expect(r.warnings).toHaveLength(2);
    expect(r.warnings[0]).toMatch(/male/);
    expect(r.warnings[1]).toMatch(/07-03-23.*08-03-23/);
  });

  it("boundary days: 01 and 31 for men, 41 and 71 for women", () => {
    expect(checkNik("6401050101200001", { birthDate: "2020-01-01", sex: 1 }, kec).warnings).toEqual([]);
    expect(checkNik("6401053112200001", { birthDate: "2020-12-31", sex: 1 }, kec).warnings).toEqual([]);
    expect(checkNik("6401054101200001", { birthDate: "2020-01-01", sex: 2 }, kec).warnings).toEqual([]);
    expect(checkNik("6401057112200001", { birthDate: "2020-12-31", sex: 2 }, kec).warnings).toEqual([]);
  });
});

describe("maskNik", () => {
  it("keeps only the last four digits and passes a missing NIK through", () => {
    expect(maskNik("6401054703230001")).toBe("************0001");
    expect(maskNik(null)).toBeNull();
  });
});
