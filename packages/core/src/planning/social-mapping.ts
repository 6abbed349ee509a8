import { z } from "zod";
import { SCORE_GROUPS } from "../services/catalog";
import { TARGET_ROLES } from "../targets";

/**
 * The social-mapping figures a village meeting works from (PALI Pasal 9(2), 10(2) a; Paser Pasal 30(1),
 * 31(2)): registry targets, the KPM scorecard gaps and the families at risk. A meeting stores its
 * `total` as a snapshot (`planning_meetings.mapping_json`, read back through `MeetingMappingSnapshotSchema`)
 * so the minutes show what the meeting saw.
 */

/** How many of the top "not received" indicators a meeting sees. */
export const TOP_GAPS = 3;
/** How many of the commonest risk reasons a meeting sees. */
export const TOP_REASONS = 3;

/** A bilingual label, kept whole in the snapshot. */
export const MappingLabelSchema = z.object({ id: z.string(), en: z.string() });
export type MappingLabel = z.infer<typeof MappingLabelSchema>;

const count = z.number().int().nonnegative();
const percent = z.number().nullable();

export const ScorecardGapsSchema = z.object({
  /** The latest complete month before the date the mapping is for ("2026-10" for 2026-11-22). */
  period: z.string(),
  /** Convergence % (ΣY ÷ (cells − ΣTS) × 100) of all groups; null when nothing applies. */
  percent,
  groups: z.array(z.object({ group: z.enum(SCORE_GROUPS), targets: count, percent })),
  /** The indicators with most T (not received), most first; labels kept so a stored snapshot reads alone. */
  topGaps: z.array(
    z.object({
      code: z.string(),
      group: z.enum(SCORE_GROUPS),
      short: z.string(),
      label: MappingLabelSchema,
      t: count,
    }),
  ),
});
export type ScorecardGaps = z.infer<typeof ScorecardGapsSchema>;

export const FamiliesAtRiskSchema = z.object({
  semester: z.string(),
  screened: count,
  atRisk: count,
  /** The commonest risk reasons among families at risk, most first. */
  topReasons: z.array(z.object({ ruleId: z.string(), label: MappingLabelSchema, count })),
});
export type FamiliesAtRisk = z.infer<typeof FamiliesAtRiskSchema>;

/** The figures of one unit (or the desa total): every target role is counted, zero included. */
export const SocialMappingCountsSchema = z.object({
  targets: z.record(z.enum(TARGET_ROLES), count),
  children0to59: count,
  stunted: count,
  notMeasured2m: count,
  scorecard: ScorecardGapsSchema,
  families: FamiliesAtRiskSchema,
});
export type SocialMappingCounts = z.infer<typeof SocialMappingCountsSchema>;

export const SocialMappingUnitSchema = SocialMappingCountsSchema.extend({
  /** A dusun/posyandu code, or the desa code itself for people registered at desa level. */
  code: z.string(),
  name: z.string(),
});
export type SocialMappingUnit = z.infer<typeof SocialMappingUnitSchema>;

export const SocialMappingSchema = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  asOf: z.string(),
  units: z.array(SocialMappingUnitSchema),
  total: SocialMappingCountsSchema,
});
export type SocialMapping = z.infer<typeof SocialMappingSchema>;

/** What a meeting stored: the desa total it saw. Snapshots taken before issue 6/8 figures lack them. */
export const MeetingMappingSnapshotSchema = SocialMappingCountsSchema.extend({
  scorecard: ScorecardGapsSchema.optional(),
  families: FamiliesAtRiskSchema.optional(),
});
export type MeetingMappingSnapshot = z.infer<typeof MeetingMappingSnapshotSchema>;

/**
 * A snapshot as stored (`planning_meetings.mapping_json`): a role added later (anak_usia_sekolah, issue 14)
 * reads as 0 in snapshots saved before it; any other missing role is still refused. Only for reading the
 * column: a response schema must not transform (it is also used to encode).
 */
export const StoredMeetingMappingSchema = z.preprocess((v) => {
  if (!v || typeof v !== "object" || !("targets" in v)) return v;
  const targets = (v as { targets: unknown }).targets;
  return targets && typeof targets === "object" ? { ...v, targets: { anak_usia_sekolah: 0, ...targets } } : v;
}, MeetingMappingSnapshotSchema);
