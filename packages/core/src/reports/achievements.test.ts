import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AchievementRow, publicIndicator } from "./achievements";

const row = (numerator: number | null, denominator: number | null, value: number | null): AchievementRow => ({
  indicatorId: "7a",
  text: "Persentase ibu hamil KEK",
  targetOriginal: "90%",
  target: 90,
  direction: "up",
  value,
  numerator,
  denominator,
  status: "red",
});

describe("an indicator on the public page", () => {
  it("hides a fraction made of 1–4 children, or leaving 1–4 out, and keeps the rest as computed", () => {
    expect(publicIndicator(row(3, 40, 7.5))).toMatchObject({
      value: null,
      numerator: null,
      suppressed: true,
    });
    expect(publicIndicator(row(37, 40, 92.5))).toMatchObject({
      value: null,
      denominator: null,
      status: "none",
    });
    expect(publicIndicator(row(0, 40, 0))).toMatchObject({ value: 0, numerator: 0, suppressed: false });
    expect(publicIndicator(row(40, 40, 100))).toMatchObject({ value: 100, status: "red", suppressed: false });
    // an entered value without counts (a budget share, a regulation issued) is not a count of people
    expect(publicIndicator(row(null, null, 12))).toMatchObject({ value: 12, suppressed: false });
  });

  it("never shows a count, or a complement, of 1–4", () => {
    fc.assert(
      fc.property(fc.nat(200), fc.nat(200), (a, b) => {
        const [num, den] = [Math.min(a, b), Math.max(a, b)];
        const shown = publicIndicator(row(num, den, den ? (100 * num) / den : null));
        if (shown.numerator !== null && shown.denominator !== null) {
          expect(shown.numerator === 0 || shown.numerator >= 5).toBe(true);
          const rest = shown.denominator - shown.numerator;
          expect(rest === 0 || rest >= 5).toBe(true);
        } else expect(shown.value).toBeNull();
      }),
    );
  });
});
