import { describe, expect, it } from "vitest";
import { periodChoices, periodFrom } from "./period";

describe("scorecard periods", () => {
  it("offers the last 12 months and 6 quarters, newest first", () => {
    const c = periodChoices(new Date("2026-02-10T00:00:00Z"));
    expect(c.slice(0, 3)).toEqual(["2026-02", "2026-01", "2025-12"]);
    expect(c[11]).toBe("2025-03");
    expect(c.slice(12, 15)).toEqual(["2026-Q1", "2025-Q4", "2025-Q3"]);
  });
  it("offers semesters and years too", () => {
    const c = periodChoices(new Date("2026-02-10T00:00:00Z"));
    expect(c.slice(18)).toEqual(["2026-S1", "2025-S2", "2025-S1", "2024-S2", "2026", "2025", "2024"]);
  });
  it("takes a valid period from the URL, else the current month", () => {
    const now = new Date("2026-11-22T00:00:00Z");
    expect(periodFrom("2025-Q3", now)).toBe("2025-Q3");
    expect(periodFrom("2025-13", now)).toBe("2026-11");
    expect(periodFrom(null, now)).toBe("2026-11");
  });
});
