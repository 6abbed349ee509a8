import { describe, expect, it } from "vitest";
import { dueState, periodsExpected, reportDueOn } from "./due";

describe("report due dates", () => {
  it("puts the yearly desa report at the end of January (PALI Pasal 40(1): end of year or early next year)", () => {
    expect(reportDueOn("desa_yearly", "2025")).toBe("2026-01-31");
    expect(reportDueOn("desa_monthly", "2025-02")).toBe("2025-03-10");
    expect(reportDueOn("regency_bupati_governor", "2025-S1")).toBe("2025-08-14");
  });
  it("expects the periods that have ended, newest first", () => {
    expect(periodsExpected("desa_quarterly_meeting", "2025-08-01", 2)).toEqual(["2025-Q2", "2025-Q1"]);
    expect(periodsExpected("desa_yearly", "2026-01-05", 1)).toEqual(["2025"]);
  });
  it("is overdue only after the due day and never once issued", () => {
    expect(dueState("2025-03-10", "2025-03-10", null)).toBe("not_due");
    expect(dueState("2025-03-10", "2025-03-11", null)).toBe("overdue");
    expect(dueState("2025-03-10", "2025-03-11", { status: "draft" })).toBe("overdue");
    expect(dueState("2025-03-10", "2025-04-11", { status: "issued" })).toBe("received");
    expect(dueState("2025-03-10", "2025-04-11", { status: "acknowledged" })).toBe("acknowledged");
  });
});
