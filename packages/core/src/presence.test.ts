import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { presentInPeriod, presentOn } from "./presence";

describe("presentOn / presentInPeriod", () => {
  it("counts a person nobody marked as left on every day", () => {
    expect(presentOn({ leftOn: null }, "2030-01-01")).toBe(true);
    expect(presentOn({}, "2030-01-01")).toBe(true);
  });

  it("stops counting on the day of leaving, not the day after", () => {
    const p = { leftOn: "2026-08-15" };
    expect(presentOn(p, "2026-08-14")).toBe(true);
    expect(presentOn(p, "2026-08-15")).toBe(false);
    expect(presentOn(p, "2026-09-01")).toBe(false);
  });

  it("keeps a child who left on 15 August in August, Q3 and the year (here part of them), out of September", () => {
    const p = { leftOn: "2026-08-15" };
    expect(presentInPeriod(p, "2026-07")).toBe(true);
    expect(presentInPeriod(p, "2026-08")).toBe(true);
    expect(presentInPeriod(p, "2026-Q3")).toBe(true);
    expect(presentInPeriod(p, "2026")).toBe(true);
    expect(presentInPeriod(p, "2026-09")).toBe(false);
    expect(presentInPeriod(p, "2026-Q4")).toBe(false);
    expect(presentInPeriod({ leftOn: "2026-07-01" }, "2026-07")).toBe(false);
    expect(presentInPeriod({ leftOn: "2026-07-01" }, "2026-S2")).toBe(false);
  });

  it("once gone, gone on every later day", () => {
    const day = fc
      .integer({ min: 0, max: 3650 })
      .map((n) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, day, (left, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        if (!presentOn({ leftOn: left }, early)) expect(presentOn({ leftOn: left }, late)).toBe(false);
      }),
    );
  });
});
