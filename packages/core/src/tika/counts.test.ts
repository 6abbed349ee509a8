import { describe, expect, it } from "vitest";
import { countTika, tikaResultOf } from "./counts";
import { tikaRuleFor } from "./rules";
import type { TikaResult } from "./schemas";

const r = (on: string, band: TikaResult["band"], source: TikaResult["source"] = "reading"): TikaResult => ({
  on,
  band,
  source,
  lengthCm: null,
  zlen: null,
});

describe("the tika result that stands for a child in a period (PALI Pasal 40 ayat (2) d–f)", () => {
  it("a reading off the mat comes before a length measurement, even an older reading", () => {
    const got = tikaResultOf(
      [r("2025-03-02", "kuning")],
      [r("2025-03-20", "hijau", "length")],
      "2025-01-01",
      "2025-03-31",
    );
    expect(got).toMatchObject({ band: "kuning", source: "reading" });
  });

  it("the latest reading in the period wins; readings outside the period are ignored", () => {
    const readings = [
      r("2024-12-30", "merah"),
      r("2025-02-01", "merah"),
      r("2025-03-01", "hijau"),
      r("2025-04-01", "merah"),
    ];
    expect(tikaResultOf(readings, [], "2025-01-01", "2025-03-31")?.band).toBe("hijau");
  });

  it("without a reading, the latest length of the period gives the band; without either, nothing", () => {
    const lengths = [r("2025-01-05", "merah", "length"), r("2025-02-05", "kuning", "length")];
    expect(tikaResultOf([], lengths, "2025-01-01", "2025-03-31")).toMatchObject({
      band: "kuning",
      source: "length",
    });
    expect(tikaResultOf([], lengths, "2025-04-01", "2025-06-30")).toBeNull();
  });
});

describe("counting", () => {
  it("counts each child once in its band, the unmeasured apart, and where each result came from", () => {
    const c = countTika([
      r("2025-01-01", "merah"),
      r("2025-01-01", "hijau", "length"),
      null,
      r("2025-01-02", "hijau"),
    ]);
    expect(c).toEqual({
      children: 4,
      merah: 1,
      kuning: 0,
      hijau: 2,
      notMeasured: 1,
      fromReading: 2,
      fromLength: 1,
    });
  });
});

describe("the rule of a regency", () => {
  it("PALI uses merah < −2 SD and kuning to −1 SD, marked unconfirmed; an unknown regency gets the default", () => {
    expect(tikaRuleFor("16.12.01.2001").boundaries).toEqual({ red: -2, yellow: -1 });
    expect(tikaRuleFor("16.12").confirmed).toBe(false);
    expect(tikaRuleFor("99.99").key).toBe("who-2sd-1sd");
  });
});
