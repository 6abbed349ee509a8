import { z } from "zod";
import { PublicAchievementsSchema } from "../reports/achievements";
import { AssessmentMethod, AssessmentMethodInput, AssessmentViewSchema } from "../reports/assessment";
import { IdParams } from "./common";
import { endpoint } from "./endpoint";

const tag = "assessments";
const RegionYear = z.strictObject({
  region: z.string().min(2).max(40),
  year: z.coerce.number().int().min(2020).max(2100),
});

/**
 * Yearly performance assessment of desa and kecamatan (Perbup Paser 47/2024 Pasal 9 huruf o; annex Pilar 5
 * a.1–2): the regency's method as data, the live ranking, a stored draft the TPPS confirms and publishes.
 */
export const assessmentsApi = {
  method: endpoint({
    method: "GET",
    path: "/api/assessments/method",
    tag,
    query: z.strictObject({ region: z.string().min(2).max(40) }),
    response: AssessmentMethod,
  }),
  setMethod: endpoint({
    method: "PUT",
    path: "/api/assessments/method",
    tag,
    query: z.strictObject({
      region: z.string().min(2).max(40),
      /** Recompute this year's draft by the new method in a background job (not when it is published). */
      year: z.coerce.number().int().min(2020).max(2100).optional(),
    }),
    body: AssessmentMethodInput,
    response: z.object({ method: AssessmentMethod, jobId: z.string().nullable() }),
    summary: "A new version of the regency's method (weights add up to 100); the year's draft is recomputed",
  }),
  ranking: endpoint({
    method: "GET",
    path: "/api/assessments",
    tag,
    query: RegionYear,
    response: AssessmentViewSchema,
    summary:
      "The year's stored assessment (published first, else the latest draft); status none when not computed yet",
  }),
  compute: endpoint({
    method: "POST",
    path: "/api/assessments",
    tag,
    body: z.strictObject({ region: z.string().min(2).max(40), year: z.number().int().min(2020).max(2100) }),
    response: z.object({ jobId: z.string() }),
    summary:
      "Compute the year's scores in a background job and store them as a draft for the TPPS to confirm",
  }),
  publish: endpoint({
    method: "POST",
    path: "/api/assessments/:id/publish",
    tag,
    params: IdParams,
    body: z.strictObject({}),
    response: AssessmentViewSchema,
  }),
  /** Paser Pasal 9 p: the regency's achievement and the desa ranking, once published; aggregates only, no login. */
  publicAchievements: endpoint({
    method: "GET",
    path: "/api/public/achievements/:year",
    tag: "public",
    public: true,
    params: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) }),
    response: PublicAchievementsSchema,
  }),
};
