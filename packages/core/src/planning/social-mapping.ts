import type { ScoreGroup } from "../services/catalog";
import type { TargetRole } from "../targets";

/**
 * The social-mapping figures a village meeting works from (PALI Pasal 9(2), 10(2) a; Paser Pasal 30(1),
 * 31(2)): registry targets, the KPM scorecard gaps and the families at risk. A meeting stores its
 * `total` as a snapshot so the minutes show what the meeting saw.
 */
export interface SocialMappingUnit {
  /** A dusun/posyandu code, or the desa code itself for people registered at desa level. */
  code: string;
  name: string;
  targets: Record<TargetRole, number>;
  children0to59: number;
  stunted: number;
  notMeasured2m: number;
  scorecard: ScorecardGaps;
  families: FamiliesAtRisk;
}

/** How many of the top "not received" indicators a meeting sees. */
export const TOP_GAPS = 3;
/** How many of the commonest risk reasons a meeting sees. */
export const TOP_REASONS = 3;

/** A bilingual label, kept whole in the snapshot. */
export type MappingLabel = { id: string; en: string };

export interface ScorecardGaps {
  /** The latest complete month before the date the mapping is for ("2026-10" for 2026-11-22). */
  period: string;
  /** Convergence % (ΣY ÷ (cells − ΣTS) × 100) of all groups; null when nothing applies. */
  percent: number | null;
  groups: { group: ScoreGroup; targets: number; percent: number | null }[];
  /** The indicators with most T (not received), most first; labels kept so a stored snapshot reads alone. */
  topGaps: { code: string; group: ScoreGroup; short: string; label: MappingLabel; t: number }[];
}

export interface FamiliesAtRisk {
  semester: string;
  screened: number;
  atRisk: number;
  /** The commonest risk reasons among families at risk, most first. */
  topReasons: { ruleId: string; label: MappingLabel; count: number }[];
}

export interface SocialMapping {
  regionCode: string;
  regionName: string;
  asOf: string;
  units: SocialMappingUnit[];
  total: Omit<SocialMappingUnit, "code" | "name">;
}

export type SocialMappingCounts = Omit<SocialMappingUnit, "code" | "name">;

/** What a meeting stored: the desa total it saw. Snapshots taken before issue 6/8 figures lack them. */
export type MeetingMappingSnapshot = Omit<SocialMappingCounts, "scorecard" | "families"> &
  Partial<Pick<SocialMappingCounts, "scorecard" | "families">>;
