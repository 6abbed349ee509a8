import { describe, expect, it } from "vitest";
import { formatPercent } from "./percent";

describe("formatPercent", () => {
  it("writes Indonesian with a decimal comma, at most one decimal and the sign right after", () => {
    expect(formatPercent(42.10526)).toBe("42,1%");
    expect(formatPercent(8)).toBe("8%");
    expect(formatPercent(12.5, "id-ID")).toBe("12,5%");
    expect(formatPercent(99.96)).toBe("100%");
  });

  it("writes English with a decimal point", () => {
    expect(formatPercent(12.5, "en")).toBe("12.5%");
    expect(formatPercent(12.5, "en-GB")).toBe("12.5%");
  });

  it("reads shares of 1 when asked, and keeps a fixed number of decimals when asked", () => {
    expect(formatPercent(1 / 3, "id", { fraction: true })).toBe("33,3%");
    expect(formatPercent(0.5, "en", { fraction: true })).toBe("50%");
    expect(formatPercent(12, "id", { decimals: 1 })).toBe("12,0%");
  });

  it("shows a dash where there is no figure", () => {
    expect(formatPercent(null)).toBe("–");
    expect(formatPercent(undefined)).toBe("–");
    expect(formatPercent(Number.NaN)).toBe("–");
    expect(formatPercent(Number.POSITIVE_INFINITY)).toBe("–");
  });
});
