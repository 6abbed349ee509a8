import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../dates";
import { ancByTrimester, ancMissing, gestationalAge } from "./progress";

describe("gestationalAge", () => {
  it("counts completed weeks and days from the last period, with the scorecard's trimesters", () => {
    expect(gestationalAge("2026-01-01", "2026-01-01")).toEqual({ weeks: 0, days: 0, trimester: 1 });
    // day 90 is still T1 (< 13 weeks); day 91 starts T2; day 196 (28 weeks) starts T3
    expect(gestationalAge("2026-01-01", addDays("2026-01-01", 90))).toEqual({
      weeks: 12,
      days: 6,
      trimester: 1,
    });
    expect(gestationalAge("2026-01-01", addDays("2026-01-01", 91))?.trimester).toBe(2);
    expect(gestationalAge("2026-01-01", addDays("2026-01-01", 196))).toEqual({
      weeks: 28,
      days: 0,
      trimester: 3,
    });
    expect(gestationalAge("2026-01-01", "2025-12-31")).toBeNull();
  });

  it("never goes back as the days go on", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 320 }), fc.integer({ min: 0, max: 30 }), (a, step) => {
        const x = gestationalAge("2026-03-10", addDays("2026-03-10", a));
        const y = gestationalAge("2026-03-10", addDays("2026-03-10", a + step));
        expect(y && x && y.weeks * 7 + y.days - (x.weeks * 7 + x.days)).toBe(step);
        expect(y && x && y.trimester >= x.trimester).toBe(true);
      }),
    );
  });
});

describe("ANC counts", () => {
  const lmp = "2026-01-01";
  it("puts each visit in its trimester and leaves out future ones", () => {
    const visits = [addDays(lmp, 30), addDays(lmp, 100), addDays(lmp, 200), addDays(lmp, 400)];
    expect(ancByTrimester(lmp, visits, addDays(lmp, 260))).toEqual([1, 1, 1]);
  });

  it("names the visits missing for trimesters already over", () => {
    expect(ancMissing(lmp, [0, 0, 0], addDays(lmp, 50))).toBe(0);
    expect(ancMissing(lmp, [0, 0, 0], addDays(lmp, 100))).toBe(1);
    expect(ancMissing(lmp, [1, 0, 0], addDays(lmp, 200))).toBe(1);
    expect(ancMissing(lmp, [1, 1, 0], addDays(lmp, 252))).toBe(1);
    expect(ancMissing(lmp, [1, 1, 1], addDays(lmp, 260))).toBe(0);
  });
});
