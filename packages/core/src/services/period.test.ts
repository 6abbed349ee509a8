import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, completedMonths } from "../dates";
import { ageAtMonthEnd, monthEnd, shiftMonth } from "./period";

describe("ageAtMonthEnd", () => {
  it("is completedMonths on the month's last day, and negative exactly when born after the month", () => {
    const day = fc.integer({ min: 0, max: 12 * 366 }).map((d) => addDays("2016-01-01", d));
    const month = fc.integer({ min: 0, max: 12 * 12 }).map((i) => shiftMonth("2016-01", i));
    fc.assert(
      fc.property(day, month, day, (birth, m, other) => {
        const end = monthEnd(m);
        const age = ageAtMonthEnd(birth, m);
        expect(age < 0).toBe(birth > end);
        if (age >= 0) expect(age).toBe(completedMonths(birth, end));
        // Another child asked in between does not change the answer (the last birth date is kept).
        ageAtMonthEnd(other, m);
        expect(ageAtMonthEnd(birth, m)).toBe(age);
      }),
      { numRuns: 2000 },
    );
  });

  it("counts the anniversary a short month lacks on its last day (born on the 31st)", () => {
    expect(ageAtMonthEnd("2024-01-31", "2024-02")).toBe(1);
    expect(ageAtMonthEnd("2024-01-31", "2024-01")).toBe(0);
    expect(ageAtMonthEnd("2024-03-01", "2024-02")).toBe(-1);
  });

  it("refuses a malformed birth date as completedMonths does", () => {
    expect(() => ageAtMonthEnd("2024-02-30", "2024-05")).toThrow(RangeError);
  });
});
