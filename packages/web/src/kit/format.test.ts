import { describe, expect, it } from "vitest";
import {
  currentMonth,
  formatAge,
  formatAgeMonths,
  formatDate,
  formatMonth,
  formatNumber,
  formatZ,
  isMonth,
  maskDigits,
  placeTitle,
  shiftMonth,
  todayIso,
} from "./format";

describe("ages", () => {
  it("formats whole months as years and months", () => {
    expect(formatAgeMonths(0, "id")).toBe("0 bln");
    expect(formatAgeMonths(5, "id")).toBe("5 bln");
    expect(formatAgeMonths(12, "id")).toBe("1 th");
    expect(formatAgeMonths(27, "id")).toBe("2 th 3 bln");
    expect(formatAgeMonths(27, "en")).toBe("2 y 3 mo");
    expect(formatAgeMonths(-3, "id")).toBe("0 bln");
  });

  it("counts completed calendar months from the birth date, days under one month", () => {
    expect(formatAge("2023-03-07", "2025-06-06", "id")).toBe("2 th 2 bln");
    expect(formatAge("2023-03-07", "2025-06-07", "id")).toBe("2 th 3 bln");
    expect(formatAge("2025-06-01", "2025-06-13", "id")).toBe("12 hari");
    expect(formatAge("2025-06-01", "2025-06-13", "en")).toBe("12 days");
    expect(formatAge("2025-06-14", "2025-06-13", "id")).toBe("—");
  });
});

describe("dates and numbers", () => {
  it("formats calendar dates without a time-zone shift", () => {
    expect(formatDate("2023-03-07", "id")).toBe("7 Maret 2023");
    expect(formatDate("2026-06-29", "id")).toBe("29 Juni 2026");
    expect(formatDate("2023-03-07", "en")).toBe("7 March 2023");
    expect(formatDate(null, "id")).toBe("—");
    expect(formatMonth("2025-05", "id")).toBe("Mei 2025");
    expect(formatMonth("2025-05", "en")).toBe("May 2025");
  });

  it("uses the decimal comma in Indonesian", () => {
    expect(formatNumber(12.5, "id")).toBe("12,5");
    expect(formatNumber(12.5, "en")).toBe("12.5");
    expect(formatNumber(80, "id")).toBe("80");
    expect(formatNumber(1234.56, "id", 2)).toBe("1234,56");
    expect(formatNumber(null, "id")).toBe("—");
  });

  it("signs z-scores with a true minus", () => {
    expect(formatZ(-2.144, "id")).toBe("\u22122,14");
    expect(formatZ(0.5, "en")).toBe("+0.50");
    expect(formatZ(0, "id")).toBe("0,00");
    expect(formatZ(-0.001, "id")).toBe("0,00");
    expect(formatZ(null, "id")).toBe("—");
  });
});

describe("months", () => {
  it("uses the device calendar for today", () => {
    expect(todayIso(new Date(2025, 0, 5, 23, 30))).toBe("2025-01-05");
    expect(currentMonth(new Date(2025, 11, 31))).toBe("2025-12");
  });
  it("shifts across years", () => {
    expect(shiftMonth("2025-01", -1)).toBe("2024-12");
    expect(shiftMonth("2024-12", 1)).toBe("2025-01");
    expect(shiftMonth("2025-06", -18)).toBe("2023-12");
  });
  it("validates months", () => {
    expect(isMonth("2025-06")).toBe(true);
    expect(isMonth("2025-13")).toBe(false);
    expect(isMonth("2025-6")).toBe(false);
    expect(isMonth(null)).toBe(false);
  });
  it("masks all but the last four digits", () => {
    expect(maskDigits("6401054703230001")).toBe("••••0001");
    expect(maskDigits("************0001")).toBe("••••0001");
    expect(maskDigits("••••••••••••0003")).toBe("••••0003");
  });
});

describe("placeTitle", () => {
  it("does not double a kind the name already carries", () => {
    expect(placeTitle("Posyandu", "Posyandu Melati")).toBe("Posyandu Melati");
    expect(placeTitle("Desa", "Sandeley")).toBe("Desa Sandeley");
  });
});
