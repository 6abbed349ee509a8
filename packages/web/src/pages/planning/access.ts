// Who may do what on the planning pages. Mirrors core ROLE_POWERS (planVillage, reviewPlans) without
// loading core's runtime into the page: access.test.ts checks the two agree.
import type { Assignment, Role } from "../../api/types";

export const PLAN_ROLES: readonly Role[] = ["admin_kabupaten", "pemerintah_desa", "kpm"];
export const REVIEW_ROLES: readonly Role[] = ["admin_kabupaten", "tpps_kabupaten", "tpps_kecamatan"];

function covers(scope: string, code: string): boolean {
  return scope === "" || code === scope || code.startsWith(`${scope}.`);
}

export function canPlan(assignments: readonly Pick<Assignment, "role" | "scope">[], code: string): boolean {
  return assignments.some((a) => PLAN_ROLES.includes(a.role) && covers(a.scope, code));
}

export function canReview(assignments: readonly Pick<Assignment, "role" | "scope">[], code: string): boolean {
  return assignments.some((a) => REVIEW_ROLES.includes(a.role) && covers(a.scope, code));
}
