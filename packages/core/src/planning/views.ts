import { z } from "zod";
import { CatalogActivitySchema, SERVICE_PACKAGES } from "./activity-catalog";
import { KPM_CRITERIA, type KpmCriterion } from "./kpm-criteria";
import {
  CAMPAIGN_MEDIA,
  INSTITUTION_KINDS,
  MEETING_KINDS,
  MEMBER_ROLES,
  REVIEW_DECISIONS,
  SIGNATORY_SIDES,
} from "./schemas";
import { MeetingMappingSnapshotSchema } from "./social-mapping";
import { STAGE_CODES, STAGE_STATUSES } from "./stages";

/**
 * What the planning endpoints answer (the API contract in ../api/planning.ts checks every success body
 * against these), and the shapes of the feature's JSON columns, which the server reads back through them.
 */

const count = z.number().int().nonnegative();
const money = z.number().nonnegative();
const cycleKind = z.enum(["desa", "kelurahan"]);

export const KPM_CRITERIA_CODES = KPM_CRITERIA.map((c) => c.code) as [KpmCriterion, ...KpmCriterion[]];

// ---- JSON columns ----

/** A list of texts: a stage's documents, a meeting's problems and opportunities, the regency rembuk's lists. */
export const TextListSchema = z.array(z.string());
/** Who attended a meeting (`planning_meetings.attendees_json` of a village meeting). */
export const MeetingAttendeeSchema = z.object({ name: z.string(), unit: z.string().nullish() });
/** Who signed the berita acara of a rembuk (`planning_meetings.signatories_json`). */
export const SignatorySchema = z.object({
  side: z.enum(SIGNATORY_SIDES),
  name: z.string(),
  position: z.string(),
});

// ---- views ----

export const StageViewSchema = z.object({
  code: z.enum(STAGE_CODES),
  status: z.enum(STAGE_STATUSES),
  optional: z.boolean(),
  responsible: z.string(),
  outputs: z.array(z.string()),
  source: z.string(),
  deadline: z.string(),
  late: z.boolean(),
  startedOn: z.string().nullable(),
  finishedOn: z.string().nullable(),
  note: z.string().nullable(),
  documents: TextListSchema,
});
export type StageView = z.infer<typeof StageViewSchema>;

export const CycleViewSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  kind: cycleKind,
  year: z.number().int(),
  musyawarahDate: z.string().nullable(),
  apbTotal: money.nullable(),
  stages: z.array(StageViewSchema),
  currentStage: z.enum(STAGE_CODES).nullable(),
  complete: z.boolean(),
  approved: z.boolean(),
  stuntingBudget: money,
  stuntingShare: z.number().nullable(),
  revision: z.number().int(),
});
export type CycleView = z.infer<typeof CycleViewSchema>;

export const KpmViewSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  name: z.string(),
  dusunCode: z.string().nullable(),
  criteriaMet: z.array(z.enum(KPM_CRITERIA_CODES)),
  criteriaUnmet: z.array(z.enum(KPM_CRITERIA_CODES)),
  eligible: z.boolean(),
  chosenOn: z.string().nullable(),
  decreeNumber: z.string().nullable(),
  decreeDate: z.string().nullable(),
});
export type KpmView = z.infer<typeof KpmViewSchema>;

export const MeetingViewSchema = z.object({
  id: z.string(),
  kind: z.enum(MEETING_KINDS),
  heldOn: z.string(),
  place: z.string(),
  attendanceCount: count,
  attendees: z.array(MeetingAttendeeSchema),
  problems: TextListSchema,
  opportunities: TextListSchema,
  notes: z.string().nullable(),
  signatories: z.array(SignatorySchema),
  /** The social-mapping figures the meeting looked at (null for kinds that do not look at them). */
  mapping: MeetingMappingSnapshotSchema.nullable(),
});
export type MeetingView = z.infer<typeof MeetingViewSchema>;

export const ProposalViewSchema = z.object({
  id: z.string(),
  activityCode: z.string(),
  activitySource: z.string().nullable(),
  title: z.string(),
  targetGroup: z.string(),
  package: z.string(),
  location: z.string(),
  volume: z.number(),
  unit: z.string(),
  cost: money,
  fundingSource: z.string(),
  priority: z.number().int().nullable(),
  inPlan: z.boolean(),
  budgetAmount: money.nullable(),
  realisedAmount: money.nullable(),
});
export type ProposalView = z.infer<typeof ProposalViewSchema>;

export const ReviewViewSchema = z.object({
  id: z.string(),
  decision: z.enum(REVIEW_DECISIONS),
  comment: z.string(),
  reviewerName: z.string(),
  at: z.string(),
});
export type ReviewView = z.infer<typeof ReviewViewSchema>;

export const CampaignViewSchema = z.object({
  id: z.string(),
  media: z.enum(CAMPAIGN_MEDIA),
  heldOn: z.string(),
  reach: count,
  description: z.string(),
});
export type CampaignView = z.infer<typeof CampaignViewSchema>;

export const CycleDetailSchema = z.object({
  cycle: CycleViewSchema,
  meetings: z.array(MeetingViewSchema),
  proposals: z.array(ProposalViewSchema),
  reviews: z.array(ReviewViewSchema),
  campaigns: z.array(CampaignViewSchema),
});
export type CycleDetail = z.infer<typeof CycleDetailSchema>;

/** The cycle of a desa/kelurahan for a year; `detail` is null until the village starts it. */
export const CycleLookupSchema = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  kind: cycleKind,
  detail: CycleDetailSchema.nullable(),
});
export type CycleLookup = z.infer<typeof CycleLookupSchema>;

export const OverviewRowSchema = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  kecamatanCode: z.string(),
  kecamatanName: z.string(),
  kind: cycleKind,
  cycleId: z.string().nullable(),
  statuses: z.partialRecord(z.enum(STAGE_CODES), z.enum(STAGE_STATUSES)),
  currentStage: z.enum(STAGE_CODES).nullable(),
  lateStages: z.array(z.enum(STAGE_CODES)),
  complete: z.boolean(),
  approved: z.boolean(),
  apbTotal: money.nullable(),
  stuntingBudget: money,
  stuntingShare: z.number().nullable(),
});
export type OverviewRow = z.infer<typeof OverviewRowSchema>;

export const OverviewSchema = z.object({
  regionCode: z.string(),
  year: z.number().int(),
  asOf: z.string(),
  rows: z.array(OverviewRowSchema),
  total: z.object({
    villages: count,
    late: count,
    complete: count,
    apbTotal: money,
    stuntingBudget: money,
    stuntingShare: z.number().nullable(),
  }),
});
export type Overview = z.infer<typeof OverviewSchema>;

export const InstitutionMemberSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(MEMBER_ROLES),
  unit: z.string().nullable(),
});
export type InstitutionMember = z.infer<typeof InstitutionMemberSchema>;

export const InstitutionViewSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  kind: z.enum(INSTITUTION_KINDS),
  name: z.string(),
  decreeNumber: z.string().nullable(),
  decreeDate: z.string().nullable(),
  members: z.array(InstitutionMemberSchema),
});
export type InstitutionView = z.infer<typeof InstitutionViewSchema>;

/** A family support team (TPK, Paser Pasal 13) as the institutions page lists it: with its member count. */
export const InstitutionTpkTeamSchema = z.object({
  id: z.string(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  members: count,
});
export type InstitutionTpkTeam = z.infer<typeof InstitutionTpkTeamSchema>;

/** The institutions page of a region: TPPS/RDS/service providers, KPM, desa without a KPM, TPK teams. */
export const InstitutionsViewSchema = z.object({
  institutions: z.array(InstitutionViewSchema),
  kpm: z.array(KpmViewSchema),
  desaWithoutKpm: z.array(z.object({ code: z.string(), name: z.string() })),
  tpk: z.array(InstitutionTpkTeamSchema),
});
export type InstitutionsView = z.infer<typeof InstitutionsViewSchema>;

export const RegencyRembukViewSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  heldOn: z.string(),
  place: z.string(),
  attendanceCount: count,
  participants: TextListSchema,
  agreements: TextListSchema,
  notes: z.string().nullable(),
});
export type RegencyRembukView = z.infer<typeof RegencyRembukViewSchema>;

/** The catalogs the planning forms choose from. */
export const PlanningCatalogSchema = z.object({
  activities: z.array(CatalogActivitySchema),
  packages: z.record(
    z.enum(SERVICE_PACKAGES),
    z.object({ id: z.string(), en: z.string(), source: z.string() }),
  ),
  fundingSources: z.array(z.object({ code: z.string(), source: z.string(), id: z.string(), en: z.string() })),
  kpmCriteria: z.array(z.object({ code: z.enum(KPM_CRITERIA_CODES), source: z.string(), text: z.string() })),
});
