import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PERMENKES_INDICES } from "./data/permenkes-2-2020";
import {
  BBTB,
  BBU,
  bandByCode,
  bandById,
  bandId,
  bandIdCompiled,
  classify,
  compileBands,
  IMTU,
  IMTU_5_18,
  imtuIndexForAge,
  PERMENKES_BANDS,
  TBU,
} from "./permenkes";

const code = (ix: typeof TBU, z: number): string | undefined => classify(ix, z)?.code;

describe("Permenkes 2/2020 bands on the rounded z", () => {
  it.each([
    [-3.01, "tbu.sangat_pendek"],
    [-3, "tbu.pendek"],
    [-2.01, "tbu.pendek"],
    [-2, "tbu.normal"],
    [0, "tbu.normal"],
    [3, "tbu.normal"],
    [3.01, "tbu.tinggi"],
  ])("TB/U %d → %s", (z, c) => expect(code(TBU, z)).toBe(c));

  it.each([
    [-3.01, "bbu.sangat_kurang"],
    [-3, "bbu.kurang"],
    [-2.01, "bbu.kurang"],
    [-2, "bbu.normal"],
    [1, "bbu.normal"],
    [1.01, "bbu.risiko_lebih"],
  ])("BB/U %d → %s", (z, c) => expect(code(BBU, z)).toBe(c));

  it.each([
    [-3.01, "gizi_buruk"],
    [-3, "gizi_kurang"],
    [-2.01, "gizi_kurang"],
    [-2, "gizi_baik"],
    [1, "gizi_baik"],
    [1.01, "berisiko_gizi_lebih"],
    [2, "berisiko_gizi_lebih"],
    [2.01, "gizi_lebih"],
    [3, "gizi_lebih"],
    [3.01, "obesitas"],
  ])("BB/PB-TB and IMT/U 0–60 mo %d → %s", (z, c) => {
    expect(code(BBTB, z)).toBe(`bbtb.${c}`);
    expect(code(IMTU, z)).toBe(`imtu.${c}`);
  });

  it.each([
    [-3.01, "imtu518.gizi_buruk"],
    [-3, "imtu518.gizi_kurang"],
    [-2, "imtu518.gizi_baik"],
    [1, "imtu518.gizi_baik"],
    [1.01, "imtu518.gizi_lebih"],
    [2, "imtu518.gizi_lebih"],
    [2.01, "imtu518.obesitas"],
  ])("IMT/U 5–18 y %d → %s", (z, c) => expect(code(IMTU_5_18, z)).toBe(c));

  it("missing or non-finite z has no category", () => {
    expect(classify(TBU, Number.NaN)).toBeNull();
    expect(bandId(TBU, Number.POSITIVE_INFINITY)).toBe(0);
    expect(bandById(0)).toBeNull();
  });

  it("every index partitions the real line (each z in exactly one band)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PERMENKES_INDICES),
        fc.double({ min: -50, max: 50, noNaN: true }),
        (ix, z) => {
          const r = Math.round(z * 100) / 100;
          const hits = ix.bands.filter(
            (b) =>
              (b.min === null || (b.minInclusive ? r >= b.min : r > b.min)) &&
              (b.max === null || (b.maxInclusive ? r <= b.max : r < b.max)),
          );
          expect(hits.length).toBe(1);
          expect(classify(ix, r)).toBe(hits[0]);
          expect(bandIdCompiled(compileBands(ix), r)).toBe(bandId(ix, r));
        },
      ),
    );
  });

  it("codes are unique, labelled in Indonesian and English, and round-trip", () => {
    const codes = PERMENKES_BANDS.map((b) => b.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const b of PERMENKES_BANDS) {
      expect(b.labelId.length).toBeGreaterThan(0);
      expect(b.labelEn.length).toBeGreaterThan(0);
      expect(bandByCode(b.code)).toBe(b);
    }
  });

  it("IMT/U bands switch at 60 months and stop after 216 months (18 y 0 mo)", () => {
    expect(imtuIndexForAge(59.99)).toBe(IMTU);
    expect(imtuIndexForAge(60)).toBe(IMTU_5_18);
    expect(imtuIndexForAge(216)).toBe(IMTU_5_18);
    expect(imtuIndexForAge(216.01)).toBeNull();
    expect(imtuIndexForAge(Number.NaN)).toBeNull();
  });
});
