import { ROLE_POWERS, ROLES } from "@tumbuh/core";
import { describe, expect, it } from "vitest";
import { canPlan, canReview, PLAN_ROLES, REVIEW_ROLES } from "./access";

describe("planning page access", () => {
  it("matches core's planVillage and reviewPlans powers", () => {
    expect([...PLAN_ROLES].sort()).toEqual(ROLES.filter((r) => ROLE_POWERS[r].planVillage).sort());
    expect([...REVIEW_ROLES].sort()).toEqual(ROLES.filter((r) => ROLE_POWERS[r].reviewPlans).sort());
  });
  it("is scoped: a KPM plans its own desa only", () => {
    const kpm = [{ role: "kpm" as const, scope: "64.01.05.2003" }];
    expect(canPlan(kpm, "64.01.05.2003")).toBe(true);
    expect(canPlan(kpm, "64.01.05.2002")).toBe(false);
    expect(canReview(kpm, "64.01.05.2003")).toBe(false);
    expect(canReview([{ role: "tpps_kecamatan", scope: "64.01.05" }], "64.01.05.2003")).toBe(true);
  });
});
