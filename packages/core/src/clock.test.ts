import { afterEach, describe, expect, it } from "vitest";
import { nowIso, resetClock, setClock, todayIso } from "./clock";

describe("clock", () => {
  afterEach(resetClock);

  it("reads the real time unless set", () => {
    const before = Date.now();
    const t = Date.parse(nowIso());
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThanOrEqual(Date.now());
  });

  it("can be fixed by a test, and today and now both follow it", () => {
    setClock("2025-03-07T10:15:00Z");
    expect(nowIso()).toBe("2025-03-07T10:15:00.000Z");
    expect(todayIso()).toBe("2025-03-07");
    setClock(() => new Date("2026-01-01T00:00:00Z"));
    expect(todayIso()).toBe("2026-01-01");
    resetClock();
    expect(Math.abs(Date.parse(nowIso()) - Date.now())).toBeLessThan(5_000);
  });

  it("gives the calendar day of the local time, not of UTC", () => {
    // Tests run with TZ=UTC, so local and UTC agree; the date is taken from the local fields.
    expect(todayIso(new Date(2025, 0, 5, 23, 30))).toBe("2025-01-05");
    expect(todayIso(new Date(2024, 1, 29, 0, 0))).toBe("2024-02-29");
  });
});
