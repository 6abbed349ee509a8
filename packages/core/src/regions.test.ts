import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ancestorCodes, isWithin, kindOfOfficialCode, levelOfCode, parentCode } from "./regions";

describe("region codes", () => {
  it("reads the level from the Kemendagri shape", () => {
    expect(levelOfCode("64")).toBe("provinsi");
    expect(levelOfCode("64.01")).toBe("kabupaten");
    expect(levelOfCode("64.01.05")).toBe("kecamatan");
    expect(levelOfCode("64.01.05.2003")).toBe("desa");
    expect(levelOfCode("64.01.05.2003.D01")).toBe("dusun");
    expect(levelOfCode("64.01.05.2003.P12")).toBe("posyandu");
  });

  it("rejects malformed codes", () => {
    for (const bad of [
      "",
      "6",
      "64.1",
      "64.01.5",
      "64.01.05.203",
      "64.01.05.2003.X01",
      "64.01.05.2003.D01.P01",
      "64..01",
    ]) {
      expect(levelOfCode(bad), bad).toBeNull();
    }
  });

  it("derives kind from the digits", () => {
    expect(kindOfOfficialCode("64.01")).toBe("kab");
    expect(kindOfOfficialCode("64.71")).toBe("kota");
    expect(kindOfOfficialCode("64.01.01.1001")).toBe("kelurahan");
    expect(kindOfOfficialCode("64.01.01.2001")).toBe("desa");
    expect(kindOfOfficialCode("91.03.01.3007")).toBe("desa_adat");
  });

  it("does not treat a longer sibling segment as inside", () => {
    expect(isWithin("64.01.05.2003", "64.01.05")).toBe(true);
    expect(isWithin("64.01.05", "64.01.05")).toBe(true);
    expect(isWithin("64.01.050", "64.01.05")).toBe(false);
    expect(isWithin("64.01.06.2003", "64.01.05")).toBe(false);
    expect(isWithin("64.01", "64.01.05")).toBe(false);
  });

  const code = fc
    .tuple(
      fc.integer({ min: 11, max: 99 }),
      fc.integer({ min: 1, max: 99 }),
      fc.integer({ min: 1, max: 99 }),
      fc.integer({ min: 1001, max: 2999 }),
      fc.integer({ min: 1, max: 4 }),
    )
    .map(([p, k, c, v, depth]) =>
      [String(p), String(k).padStart(2, "0"), String(c).padStart(2, "0"), String(v)]
        .slice(0, depth)
        .join("."),
    );

  it("a code is within each of its ancestors and its parent is the last ancestor", () => {
    fc.assert(
      fc.property(code, (c) => {
        const ancestors = ancestorCodes(c);
        expect(ancestors.every((a) => isWithin(c, a))).toBe(true);
        expect(parentCode(c)).toBe(ancestors.at(-1) ?? null);
        expect(ancestors.length).toBe(c.split(".").length - 1);
      }),
    );
  });

  it("two different codes of the same depth are never within each other", () => {
    fc.assert(
      fc.property(code, code, (a, b) => {
        fc.pre(a !== b && a.split(".").length === b.split(".").length);
        expect(isWithin(a, b)).toBe(false);
      }),
    );
  });
});
