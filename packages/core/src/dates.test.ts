import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, completedMonths, daysBetween, isIsoDate } from "./dates";

describe("dates", () => {
  it("validates real calendar dates only", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2024-13-01")).toBe(false);
    expect(isIsoDate("24-01-01")).toBe(false);
  });

  it("counts completed months the way ages are told", () => {
    expect(completedMonths("2024-01-15", "2024-02-14")).toBe(0);
    expect(completedMonths("2024-01-15", "2024-02-15")).toBe(1);
    expect(completedMonths("2022-06-30", "2024-06-29")).toBe(23);
    expect(completedMonths("2022-06-30", "2024-06-30")).toBe(24);
  });

  it("addDays and daysBetween are inverse", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: -5000, max: 5000 }), (d, n) => {
        const start = addDays("1970-01-01", d);
        expect(daysBetween(start, addDays(start, n))).toBe(n);
      }),
    );
  });
});
