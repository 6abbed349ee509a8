import { describe, expect, it } from "vitest";
import { freshnessAgo } from "./freshness";

const at = Date.parse("2026-12-05T10:00:00.000Z");

describe("how long ago the figures were built", () => {
  it("speaks in minutes, hours or days, rounding down", () => {
    const built = { builtAt: "2026-12-05T09:55:00.000Z", updating: false };
    expect(freshnessAgo(built, at)).toEqual({ unit: "minutes", n: 5 });
    expect(freshnessAgo({ ...built, builtAt: "2026-12-05T07:59:00.000Z" }, at)).toEqual({
      unit: "hours",
      n: 2,
    });
    expect(freshnessAgo({ ...built, builtAt: "2026-12-02T09:00:00.000Z" }, at)).toEqual({
      unit: "days",
      n: 3,
    });
  });

  it("says 'just now' under a minute (also for a clock a little ahead) and 'never' before the first build", () => {
    expect(freshnessAgo({ builtAt: "2026-12-05T09:59:30.000Z", updating: false }, at)).toEqual({
      unit: "justNow",
    });
    expect(freshnessAgo({ builtAt: "2026-12-05T10:00:20.000Z", updating: false }, at)).toEqual({
      unit: "justNow",
    });
    expect(freshnessAgo({ builtAt: null, updating: true }, at)).toEqual({ unit: "never" });
  });
});
