import { z } from "zod";
import { FamilyObserved } from "./schemas";
import {
  AuditFindingsSchema,
  CatinScreeningViewSchema,
  RecommendationViewSchema,
  TpkVisitSummarySchema,
} from "./views";

/**
 * What the offline sync's pull sends a device for each issue-8 record (`data` of a pulled record): the
 * fields a phone needs to show what it recorded and to refer to it (a follow-up names its recommendation).
 * The server's entity handlers build exactly these; each carries the record's region.
 */
export const FamilyScreeningSyncData = z.object({
  householdId: z.string(),
  regionCode: z.string(),
  screenedOn: z.string(),
  observed: FamilyObserved,
  atRisk: z.boolean(),
  note: z.string().nullable(),
  verifyResult: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  /** Voided by mistake (issue 17): the phone shows it struck and counts it nowhere. */
  voidReason: z.string().nullable().optional(),
});
export type FamilyScreeningSyncData = z.infer<typeof FamilyScreeningSyncData>;

export const CatinSyncData = z.object({
  personId: z.string(),
  regionCode: z.string(),
  partnerName: z.string().nullable(),
  partnerPersonId: z.string().nullable(),
  marriageDate: z.string(),
});
export type CatinSyncData = z.infer<typeof CatinSyncData>;

export const CatinScreeningSyncData = z.object({
  catinId: z.string(),
  regionCode: z.string(),
  ...CatinScreeningViewSchema.pick({
    screenedOn: true,
    weightKg: true,
    heightCm: true,
    muacCm: true,
    hbGdl: true,
    extra: true,
  }).shape,
  voidReason: z.string().nullable().optional(),
});
export type CatinScreeningSyncData = z.infer<typeof CatinScreeningSyncData>;

export const TpkVisitSyncData = z.object({
  assignmentId: z.string(),
  regionCode: z.string(),
  ...TpkVisitSummarySchema.shape,
  nextDueOn: z.string().nullable(),
  note: z.string().nullable(),
  voidReason: z.string().nullable().optional(),
});
export type TpkVisitSyncData = z.infer<typeof TpkVisitSyncData>;

/** An audit with its recommendations (written together), so a device has their ids for follow-ups. */
export const CaseAuditSyncData = z.object({
  childId: z.string(),
  regionCode: z.string(),
  auditedOn: z.string(),
  team: z.string(),
  findings: AuditFindingsSchema,
  recommendations: z.array(
    RecommendationViewSchema.pick({
      id: true,
      domain: true,
      text: true,
      ownerTeamId: true,
      ownerName: true,
      dueOn: true,
    }),
  ),
});
export type CaseAuditSyncData = z.infer<typeof CaseAuditSyncData>;

export const AuditFollowUpSyncData = z.object({
  recommendationId: z.string(),
  regionCode: z.string(),
  on: z.string(),
  status: z.string(),
  note: z.string().nullable(),
});
export type AuditFollowUpSyncData = z.infer<typeof AuditFollowUpSyncData>;
