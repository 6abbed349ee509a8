// A kecamatan's review of the village plan (comment or approval, Paser Pasal 18 b) in the last 30 days,
// for the village government and the KPM who act on it.
import { addDays, type InboxItem } from "@tumbuh/core";
import { recentPlanReviews } from "../../planning/service";
import type { InboxSource } from "../source";

export const REVIEW_DAYS = 30;

export const planReviews: InboxSource = {
  kind: "plan_review",
  roles: ["pemerintah_desa", "kpm"],
  async items(db, _actor, assignments, today) {
    const scopes = [...new Set(assignments.map((a) => a.scope))];
    const rows = await recentPlanReviews(db, scopes, `${addDays(today, -REVIEW_DAYS)}T00:00:00.000Z`);
    return rows.map(
      (r): InboxItem => ({
        id: `plan_review:${r.id}`,
        kind: "plan_review",
        regionCode: r.region_code,
        regionName: r.region_name,
        count: 1,
        at: r.at,
        params: { year: r.year, decision: r.decision, reviewer: r.reviewer_name },
      }),
    );
  },
};
