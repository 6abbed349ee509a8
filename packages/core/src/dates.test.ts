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

  it("tells a real date exactly as the Date round trip does", () => {
    // The plain rule isIsoDate is held to: the date Date.UTC makes of the text prints back as the text.
    const roundTrip = (s: string) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
      if (!m) return false;
      return (
        new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10) === s
      );
    };
    const pad = (n: number, w: number) => String(n).padStart(w, "0");
    const dateLike = fc
      .tuple(
        fc.oneof(
          fc.integer({ min: 0, max: 9999 }),
          fc.constantFrom(0, 99, 100, 1600, 1900, 2000, 2024, 2100),
        ),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
      )
      .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
    const anyText = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.stringMatching(/^[0-9]{4}.[0-9]{2}.[0-9]{2}$/),
      dateLike.map((s) => s.replace(/[0-9]/, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))),
    );
    fc.assert(
      fc.property(fc.oneof(dateLike, anyText), (s) => {
        expect(isIsoDate(s)).toBe(roundTrip(s));
      }),
      { numRuns: 20_000 },
    );
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
