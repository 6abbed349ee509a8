import { z } from "zod";
import { AUDIT_DOMAIN_CODES } from "./case-audit";
import { CATIN_FINDING_CODES } from "./catin";
import { FactSourcesSchema, FamilyFactsSchema, FamilyRiskResultSchema } from "./family-risk";
import { TPK_MEMBER_ROLES, TPK_SUBJECT_KINDS } from "./schemas";

/**
 * Response shapes of the families / catin / TPK / case-audit API, shared by server and web: zod schemas
 * the server's replies are checked (and serialised) by, with the types inferred from them.
 */
const LocalText = z.object({ id: z.string(), en: z.string() });
const AuditDomainSchema = z.enum(AUDIT_DOMAIN_CODES);

export const FamilyVerificationSchema = z.object({
  result: z.enum(["sesuai", "tidak_sesuai"]),
  note: z.string().nullable(),
  at: z.string(),
  by: z.string().nullable(),
});

export const FamilyScreeningViewSchema = z.object({
  id: z.string(),
  householdId: z.string(),
  semester: z.string(),
  screenedOn: z.string(),
  facts: FamilyFactsSchema,
  sources: FactSourcesSchema,
  evaluation: FamilyRiskResultSchema,
  note: z.string().nullable(),
  verification: FamilyVerificationSchema.nullable(),
  createdBy: z.string().nullable(),
  /** Voided by mistake, with this reason (kept, shown struck, out of every list and figure: issue 17). */
  voidReason: z.string().nullable().optional(),
});
export type FamilyScreeningView = z.infer<typeof FamilyScreeningViewSchema>;

export const FamilyViewSchema = z.object({
  household: z.object({
    id: z.string(),
    regionCode: z.string(),
    headName: z.string().nullable(),
    address: z.string(),
    rt: z.string().nullable(),
  }),
  /** Facts as the registry holds them today (the screening form is prefilled with these). */
  registryFacts: FamilyFactsSchema.partial(),
  /** Evaluation of the registry facts alone, before anyone screened. */
  registryEvaluation: FamilyRiskResultSchema,
  screenings: z.array(FamilyScreeningViewSchema),
});
export type FamilyView = z.infer<typeof FamilyViewSchema>;

export const FamilyListRowSchema = z.object({
  householdId: z.string(),
  headName: z.string().nullable(),
  address: z.string(),
  regionCode: z.string(),
  screeningId: z.string(),
  screenedOn: z.string(),
  atRisk: z.boolean(),
  reasons: z.array(z.object({ ruleId: z.string(), label: LocalText })),
  verified: z.boolean(),
});
export type FamilyListRow = z.infer<typeof FamilyListRowSchema>;

export const FamilyListSchema = z.object({
  semester: z.string(),
  screened: z.number().int(),
  atRisk: z.number().int(),
  rows: z.array(FamilyListRowSchema),
  /** Households of the region without a screening this semester (first 300 by name). */
  unscreened: z.array(
    z.object({ householdId: z.string(), headName: z.string().nullable(), address: z.string() }),
  ),
});
export type FamilyList = z.infer<typeof FamilyListSchema>;

/** Further screening items, stored as JSON with the screening (CATIN_EXTRA_ITEMS keys → free text). */
export const CatinExtraSchema = z.record(z.string(), z.string());

export const CatinScreeningViewSchema = z.object({
  id: z.string(),
  screenedOn: z.string(),
  weightKg: z.number(),
  heightCm: z.number(),
  muacCm: z.number().nullable(),
  hbGdl: z.number().nullable(),
  extra: CatinExtraSchema,
  ageYears: z.number().int(),
  bmi: z.number().nullable(),
  findings: z.array(z.enum(CATIN_FINDING_CODES)),
  ready: z.boolean(),
  advice: z.array(LocalText),
  /** False when voided: a voided screening never counts as "screened in time". */
  inTime: z.boolean(),
  /** Voided by mistake, with this reason (kept, shown struck, no certificate, out of every figure: issue 17). */
  voidReason: z.string().nullable().optional(),
});
export type CatinScreeningView = z.infer<typeof CatinScreeningViewSchema>;

export const CatinViewSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  person: z.object({
    id: z.string(),
    name: z.string(),
    sex: z.union([z.literal(1), z.literal(2)]),
    birthDate: z.string(),
    nik: z.string().nullable(),
  }),
  partnerName: z.string().nullable(),
  marriageDate: z.string(),
  /** Latest day a screening counts as "≥ 3 months before marriage". */
  deadline: z.string(),
  screenings: z.array(CatinScreeningViewSchema),
  screenedInTime: z.boolean(),
});
export type CatinView = z.infer<typeof CatinViewSchema>;

export const CatinListSchema = z.object({
  rows: z.array(CatinViewSchema),
  coverage: z.object({
    from: z.string(),
    to: z.string(),
    denominator: z.number().int(),
    numerator: z.number().int(),
    share: z.number().nullable(),
  }),
});
export type CatinList = z.infer<typeof CatinListSchema>;

export const TpkMemberViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(TPK_MEMBER_ROLES),
  userId: z.string().nullable(),
  caseload: z.number().int(),
  overdue: z.number().int(),
});
export type TpkMemberView = z.infer<typeof TpkMemberViewSchema>;

/** What a TPK visit found (an assignment's last visit; the sync sends it with each visit). */
export const TpkVisitSummarySchema = z.object({
  visitedOn: z.string(),
  counselling: z.string().nullable(),
  referralTo: z.string().nullable(),
  referralDone: z.boolean().nullable(),
  socialProgramme: z.string().nullable(),
  socialOutcome: z.string().nullable(),
});

/** One visit of an assignment's history, voided ones included (struck, with the reason). */
export const TpkVisitEntrySchema = TpkVisitSummarySchema.extend({
  id: z.string(),
  nextDueOn: z.string().nullable(),
  /** Voided by mistake, with this reason (kept, out of the due date, the count and every figure: issue 17). */
  voidReason: z.string().nullable(),
});
export type TpkVisitEntry = z.infer<typeof TpkVisitEntrySchema>;

export const TpkAssignmentViewSchema = z.object({
  id: z.string(),
  memberId: z.string(),
  subjectKind: z.enum(TPK_SUBJECT_KINDS),
  subjectId: z.string(),
  subjectLabel: z.string(),
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  /** The latest visit not voided. */
  lastVisit: TpkVisitSummarySchema.nullable(),
  /** Visits not voided. */
  visits: z.number().int(),
  /** Every visit, newest first, voided ones marked. */
  history: z.array(TpkVisitEntrySchema),
});
export type TpkAssignmentView = z.infer<typeof TpkAssignmentViewSchema>;

export const OverdueFollowUpSchema = z.object({
  recommendationId: z.string(),
  auditId: z.string(),
  childName: z.string(),
  domain: AuditDomainSchema,
  text: z.string(),
  ownerName: z.string().nullable(),
  dueOn: z.string(),
  status: z.enum(["terbuka", "berjalan"]),
});
export type OverdueFollowUp = z.infer<typeof OverdueFollowUpSchema>;

export const AuditShareViewSchema = z.object({
  stuntedUnder2: z.number().int(),
  audited: z.number().int(),
  share: z.number().nullable(),
  target: z.number(),
  meetsTarget: z.boolean(),
});
export type AuditShareView = z.infer<typeof AuditShareViewSchema>;

export const TpkTeamViewSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  name: z.string(),
  members: z.array(TpkMemberViewSchema),
  assignments: z.array(TpkAssignmentViewSchema),
  overdueFollowUps: z.array(OverdueFollowUpSchema),
  auditShare: AuditShareViewSchema,
});
export type TpkTeamView = z.infer<typeof TpkTeamViewSchema>;

/** The teams of a region, as the list and the case-audit form's owner choice show them. */
export const TpkTeamListSchema = z.object({
  teams: z.array(z.object({ id: z.string(), regionCode: z.string(), name: z.string() })),
});
export type TpkTeamList = z.infer<typeof TpkTeamListSchema>;

/** A woman the TPK may accompany besides families and catin: pregnant, or ≤ 42 days after delivery. */
export const TpkCandidateSchema = z.object({
  personId: z.string(),
  name: z.string(),
  kind: z.enum(["ibu_hamil", "ibu_nifas"]),
});
export type TpkCandidate = z.infer<typeof TpkCandidateSchema>;

export const TpkCandidateListSchema = z.object({ candidates: z.array(TpkCandidateSchema) });
export type TpkCandidateList = z.infer<typeof TpkCandidateListSchema>;

export const AuditCaseSchema = z.object({
  childId: z.string(),
  name: z.string(),
  birthDate: z.string(),
  regionCode: z.string(),
  measuredOn: z.string(),
  tbu: z.string(),
  zlen: z.number().nullable(),
  auditId: z.string().nullable(),
});
export type AuditCase = z.infer<typeof AuditCaseSchema>;

export const AuditCaseListSchema = z.object({
  cases: z.array(AuditCaseSchema),
  share: AuditShareViewSchema,
});
export type AuditCaseList = z.infer<typeof AuditCaseListSchema>;

export const RecommendationViewSchema = z.object({
  id: z.string(),
  domain: AuditDomainSchema,
  text: z.string(),
  ownerTeamId: z.string(),
  ownerName: z.string().nullable(),
  dueOn: z.string(),
  status: z.enum(["terbuka", "berjalan", "selesai"]),
  overdue: z.boolean(),
  followUps: z.array(
    z.object({ id: z.string(), on: z.string(), status: z.string(), note: z.string().nullable() }),
  ),
});
export type RecommendationView = z.infer<typeof RecommendationViewSchema>;

/** Findings of an audit by cause domain (stored as JSON with the audit). */
export const AuditFindingsSchema = z.partialRecord(AuditDomainSchema, z.string());
export type AuditFindings = z.infer<typeof AuditFindingsSchema>;

export const CaseAuditViewSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  child: z.object({ id: z.string(), name: z.string(), birthDate: z.string() }),
  auditedOn: z.string(),
  team: z.string(),
  findings: AuditFindingsSchema,
  recommendations: z.array(RecommendationViewSchema),
});
export type CaseAuditView = z.infer<typeof CaseAuditViewSchema>;
