import { z } from "zod";
import { isSmallCell } from "../indicators/suppression";
import { TRAFFIC_LIGHTS } from "../indicators/traffic-light";
import { ASSESSMENT_COMPONENTS } from "./assessment";

/**
 * The publication of achievements (Perbup Paser 47/2024 Pasal 9 huruf p: "mempublikasikan hasil capaian
 * kinerja penurunan Stunting"): the regency's achievement against its catalog's targets (Pasal 6–7 and the
 * annex) and the desa and kecamatan ranking of the yearly assessment (Pasal 9 o) — only once the TPPS has
 * published that assessment, and only aggregates: a score and its strongest/weakest component per region,
 * never the component figures, and an indicator whose count or complement is 1–4 is not shown (the public
 * page's small-cell rule, indicators/suppression.ts).
 */

/** One catalog indicator at the regency for the assessed year, as kept beside the scores when computed. */
export const AchievementRowSchema = z.object({
  indicatorId: z.string(),
  text: z.string(),
  /** The target as the catalog writes it ("14%", "90% desa") and as a number when it has one. */
  targetOriginal: z.string(),
  target: z.number().nullable(),
  direction: z.enum(["up", "down"]),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  status: z.enum(TRAFFIC_LIGHTS),
});
export type AchievementRow = z.infer<typeof AchievementRowSchema>;

export const PublicIndicatorSchema = AchievementRowSchema.extend({
  /** The figure is held back because a count it is made of, or its complement, is 1–4. */
  suppressed: z.boolean(),
});
export type PublicIndicator = z.infer<typeof PublicIndicatorSchema>;

export const PublicRankSchema = z.object({
  rank: z.number().int(),
  code: z.string(),
  name: z.string(),
  /** The kecamatan of a desa (null for a kecamatan). */
  parentName: z.string().nullable(),
  score: z.number(),
  strongest: z.enum(ASSESSMENT_COMPONENTS).nullable(),
  weakest: z.enum(ASSESSMENT_COMPONENTS).nullable(),
});
export type PublicRank = z.infer<typeof PublicRankSchema>;

export const PublicAchievementsSchema = z.object({
  regency: z.object({ code: z.string(), name: z.string() }),
  year: z.number().int(),
  /** False until the TPPS publishes the year's assessment: then every list below is empty. */
  published: z.boolean(),
  publishedAt: z.string().nullable(),
  /** When the published figures were computed (they are not recomputed for the public page). */
  computedAt: z.string().nullable(),
  /** The method's components and weights, so a reader sees how a score is made. */
  weights: z.array(z.object({ code: z.enum(ASSESSMENT_COMPONENTS), weight: z.number() })),
  indicators: z.array(PublicIndicatorSchema),
  kecamatan: z.array(PublicRankSchema),
  desa: z.array(PublicRankSchema),
});
export type PublicAchievements = z.infer<typeof PublicAchievementsSchema>;

/**
 * An indicator as the public may see it: a fraction whose numerator or whose complement (denominator −
 * numerator) is 1–4 loses its value, counts and status; entered values without counts stay.
 */
export function publicIndicator(row: AchievementRow): PublicIndicator {
  const small =
    row.numerator !== null &&
    row.denominator !== null &&
    (isSmallCell(row.numerator) || isSmallCell(row.denominator - row.numerator));
  return small
    ? { ...row, value: null, numerator: null, denominator: null, status: "none", suppressed: true }
    : { ...row, suppressed: false };
}
