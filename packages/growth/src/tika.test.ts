/**
 * Tika pertumbuhan bands (PALI 64/2021 Pasal 40 ayat (2) d–f): merah = terindikasi stunting, kuning =
 * berisiko stunting, hijau = tidak stunting, read off marks from the WHO 2006 length-for-age standard.
 * Boundaries used here are the PALI default of core tika/rules.ts: merah below −2 SD (Permenkes 2/2020
 * Lampiran: "pendek" is −3 SD to < −2 SD, so exactly −2 SD is not stunted), kuning from −2 SD to below −1 SD.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { daysBetween } from "./age";
import { lmsAt } from "./curves";
import { sdLms } from "./lms";
import { TIKA_BANDS, tikaBandOfLength, tikaBandOfZ, tikaMarks } from "./tika";

const B = { red: -2, yellow: -1 };

/** Length (cm) on WHO length-for-age line z for a child of this sex and birth date on `date`. */
function onLine(sex: 1 | 2, birth: string, date: string, z: number): number {
  const lms = lmsAt("lhfa", sex, daysBetween(birth, date));
  if (!lms) throw new Error("outside the table");
  return sdLms(z, lms.l, lms.m, lms.s);
}

describe("tika band from a length-for-age z", () => {
  it("merah below −2 SD, kuning from −2 SD to below −1 SD, hijau from −1 SD", () => {
    expect(tikaBandOfZ(-2.01, B)).toBe("merah");
    expect(tikaBandOfZ(-2, B)).toBe("kuning");
    expect(tikaBandOfZ(-1.01, B)).toBe("kuning");
    expect(tikaBandOfZ(-1, B)).toBe("hijau");
    expect(tikaBandOfZ(2.5, B)).toBe("hijau");
  });
});

describe("tika band from a length measurement", () => {
  const birth = "2025-01-10";
  const on = "2025-10-10"; // 9 months

  it("a girl exactly on the −2 SD line is berisiko (kuning); 2 mm shorter is terindikasi (merah)", () => {
    const at = onLine(2, birth, on, -2);
    expect(
      tikaBandOfLength({ sex: 2, birthDate: birth, measuredOn: on, lengthCm: at + 0.001 }, B)?.band,
    ).toBe("kuning");
    expect(tikaBandOfLength({ sex: 2, birthDate: birth, measuredOn: on, lengthCm: at - 0.2 }, B)?.band).toBe(
      "merah",
    );
  });

  it("a boy on the −1 SD line is tidak stunting (hijau); just below it kuning", () => {
    const at = onLine(1, birth, on, -1);
    expect(
      tikaBandOfLength({ sex: 1, birthDate: birth, measuredOn: on, lengthCm: at + 0.001 }, B)?.band,
    ).toBe("hijau");
    expect(tikaBandOfLength({ sex: 1, birthDate: birth, measuredOn: on, lengthCm: at - 0.1 }, B)?.band).toBe(
      "kuning",
    );
  });

  it("the same length is a different colour for a boy and a girl (the mat has a side for each)", () => {
    const len = onLine(2, birth, on, -1.5); // kuning for a girl
    expect(tikaBandOfLength({ sex: 2, birthDate: birth, measuredOn: on, lengthCm: len }, B)?.band).toBe(
      "kuning",
    );
    expect(tikaBandOfLength({ sex: 1, birthDate: birth, measuredOn: on, lengthCm: len }, B)?.band).toBe(
      "merah",
    );
  });

  it("only children 0–23 months: the day before the 2nd birthday counts, the 2nd birthday + 1 does not", () => {
    const len = 80;
    expect(
      tikaBandOfLength({ sex: 1, birthDate: "2024-01-01", measuredOn: "2025-12-31", lengthCm: len }, B),
    ).not.toBeNull();
    expect(
      tikaBandOfLength({ sex: 1, birthDate: "2024-01-01", measuredOn: "2026-01-02", lengthCm: len }, B),
    ).toBeNull();
    expect(
      tikaBandOfLength({ sex: 1, birthDate: "2024-01-01", measuredOn: "2023-12-31", lengthCm: len }, B),
    ).toBeNull();
  });

  it("an implausible length (WHO flag, |z| > 6) decides nothing", () => {
    expect(tikaBandOfLength({ sex: 1, birthDate: birth, measuredOn: on, lengthCm: 30 }, B)).toBeNull();
  });

  it("a standing height (from 9 months, anthro's rule) gets WHO's +0.7 cm before the reading", () => {
    const on = "2026-01-10"; // 12 months
    const at = onLine(1, birth, on, -2);
    const lying = tikaBandOfLength({ sex: 1, birthDate: birth, measuredOn: on, lengthCm: at - 0.3 }, B);
    const standing = tikaBandOfLength(
      { sex: 1, birthDate: birth, measuredOn: on, lengthCm: at - 0.3, measure: "h" },
      B,
    );
    expect(lying?.band).toBe("merah");
    expect(standing?.band).toBe("kuning");
  });

  it("the mat's marks are the lengths on the boundary lines", () => {
    const m = tikaMarks(1, daysBetween(birth, on), B);
    expect(m?.redBelowCm).toBeCloseTo(onLine(1, birth, on, -2), 6);
    expect(m?.yellowBelowCm).toBeCloseTo(onLine(1, birth, on, -1), 6);
    expect(tikaMarks(1, 800, B)).toBeNull();
  });

  it("property: at a fixed sex and age the band never gets worse as the length grows", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<1 | 2>(1, 2),
        fc.integer({ min: 0, max: 730 }),
        fc.double({ min: 40, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 15, noNaN: true }),
        (sex, days, a, d) => {
          const measuredOn = new Date(Date.UTC(2024, 0, 1) + days * 86_400_000).toISOString().slice(0, 10);
          const input = { sex, birthDate: "2024-01-01", measuredOn };
          const short = tikaBandOfLength({ ...input, lengthCm: a }, B);
          const long = tikaBandOfLength({ ...input, lengthCm: a + d }, B);
          if (!short || !long) return; // outside WHO's plausible range: no band to compare
          expect(TIKA_BANDS.indexOf(long.band)).toBeGreaterThanOrEqual(TIKA_BANDS.indexOf(short.band));
        },
      ),
      { numRuns: 500 },
    );
  });
});
