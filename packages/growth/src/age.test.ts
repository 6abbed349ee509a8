import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { completedMonths, daysInMonth, parseIsoDate } from "./age";

// The parser before issue 18 (a regular expression and Date), kept here as the reference the fast one must equal.
function referenceParse(date: string): [number, number, number] | "throws" {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return "throws";
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return "throws";
  return [y, mo, d];
}

const attempt = (s: string) => {
  try {
    return parseIsoDate(s);
  } catch {
    return "throws";
  }
};

const digit = fc.integer({ min: 0, max: 9 }).map(String);
const nearlyDates = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
    )
    .map(
      ([y, m, d]) =>
        `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
    ),
  fc
    .array(fc.oneof(digit, fc.constantFrom("-", "/", " ", "a", "٣")), { minLength: 8, maxLength: 11 })
    .map((a) => a.join("")),
  fc.string(),
);

describe("ISO date parsing", () => {
  it("accepts and refuses exactly what the regular-expression parser did", () => {
    fc.assert(
      fc.property(nearlyDates, (s) => {
        expect(attempt(s)).toEqual(referenceParse(s));
      }),
      { numRuns: 20_000 },
    );
  });

  it("knows the days of every month, leap years included", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        expect(daysInMonth(y, m)).toBe(new Date(Date.UTC(y, m, 0)).getUTCDate());
      }),
    );
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
  });

  it("still refuses impossible dates and counts completed months as before", () => {
    expect(() => parseIsoDate("2025-02-29")).toThrow(RangeError);
    expect(() => parseIsoDate("2025-2-01")).toThrow(RangeError);
    expect(completedMonths("2024-01-31", "2024-02-29")).toBe(1);
  });
});
