import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isPeriod,
  monthsOfPeriod,
  parsePeriod,
  periodBounds,
  periodContaining,
  periodLabel,
  recentPeriods,
  shiftPeriod,
} from "./period";

describe("periods", () => {
  it("accepts the four kinds and nothing else", () => {
    for (const p of ["2025", "2025-06", "2025-Q3", "2025-S1"]) expect(isPeriod(p)).toBe(true);
    for (const p of ["2025-13", "2025-Q5", "2025-S3", "25-06", "2025-6", "2025Q3", ""])
      expect(isPeriod(p)).toBe(false);
  });

  it("lists the months of each kind", () => {
    expect(monthsOfPeriod("2025-02")).toEqual(["2025-02"]);
    expect(monthsOfPeriod("2025-Q4")).toEqual(["2025-10", "2025-11", "2025-12"]);
    expect(monthsOfPeriod("2025-S2")).toEqual([
      "2025-07",
      "2025-08",
      "2025-09",
      "2025-10",
      "2025-11",
      "2025-12",
    ]);
    expect(monthsOfPeriod("2024")).toHaveLength(12);
  });

  it("bounds end on the last day, leap years included", () => {
    expect(periodBounds("2024-02")).toEqual({ start: "2024-02-01", end: "2024-02-29" });
    expect(periodBounds("2025-Q1")).toEqual({ start: "2025-01-01", end: "2025-03-31" });
    expect(periodBounds("2025-S1")).toEqual({ start: "2025-01-01", end: "2025-06-30" });
    expect(periodBounds("2025")).toEqual({ start: "2025-01-01", end: "2025-12-31" });
  });

  it("labels as Indonesians write them", () => {
    expect(periodLabel("2026-06")).toBe("Juni 2026");
    expect(periodLabel("2026-Q3")).toBe("Triwulan III 2026");
    expect(periodLabel("2026-S2")).toBe("Semester II 2026");
    expect(periodLabel("2026")).toBe("Tahun 2026");
    expect(periodLabel("2026-Q3", "en")).toBe("Quarter III 2026");
  });

  it("shifts across year ends", () => {
    expect(shiftPeriod("2025-01", -1)).toBe("2024-12");
    expect(shiftPeriod("2025-Q1", -1)).toBe("2024-Q4");
    expect(shiftPeriod("2025-S2", 1)).toBe("2026-S1");
    expect(recentPeriods("quarter", "2026-02-10", 3)).toEqual(["2026-Q1", "2025-Q4", "2025-Q3"]);
  });

  it("every month lies in exactly the period of each kind that contains it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const month = `${y}-${String(m).padStart(2, "0")}`;
        for (const kind of ["month", "quarter", "semester", "year"] as const) {
          const p = periodContaining(kind, month);
          expect(parsePeriod(p)?.kind).toBe(kind);
          expect(monthsOfPeriod(p)).toContain(month);
          expect(monthsOfPeriod(shiftPeriod(p, 1))).not.toContain(month);
        }
      }),
    );
  });
});
