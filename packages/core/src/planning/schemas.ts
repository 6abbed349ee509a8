import { z } from "zod";
import { IsoDate } from "../registry-schemas";
import { SERVICE_PACKAGES } from "./activity-catalog";
import { FUNDING_SOURCES } from "./funding";
import { KPM_EDUCATION_LEVELS } from "./kpm-criteria";
import { STAGE_STATUSES } from "./stages";

/** The planning feature's request schemas: strict (unknown fields are a 400); the views are in ./views.ts. */

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();
const money = z.number().int().nonnegative().max(1e13);

export const CycleSettings = z.strictObject({
  musyawarahDate: IsoDate.nullish(),
  apbTotal: money.nullish(),
});
export type CycleSettings = z.infer<typeof CycleSettings>;

export const StageUpdate = z.strictObject({
  status: z.enum(STAGE_STATUSES),
  note: optionalText(500),
  documents: z.array(text(200)).max(20).optional(),
});
export type StageUpdate = z.infer<typeof StageUpdate>;

export const MEETING_KINDS = [
  "pemetaan_sosial",
  "fgd_desa",
  "fgd_antar_desa",
  "rembuk",
  "advokasi",
  "lainnya",
] as const;
export const SIGNATORY_SIDES = ["rds", "masyarakat", "pemerintah"] as const;
export type SignatorySide = (typeof SIGNATORY_SIDES)[number];

export const MeetingInput = z.strictObject({
  kind: z.enum(MEETING_KINDS),
  heldOn: IsoDate,
  place: text(200),
  attendanceCount: z.number().int().min(1).max(10000),
  attendees: z
    .array(z.strictObject({ name: text(120), unit: optionalText(120) }))
    .max(300)
    .default([]),
  problems: z.array(text(500)).max(50).default([]),
  opportunities: z.array(text(500)).max(50).default([]),
  notes: optionalText(2000),
  /** Berita acara of the rembuk: PALI Pasal 12(3) b / Paser Pasal 32(5) — RDS, community and village government. */
  signatories: z
    .array(z.strictObject({ side: z.enum(SIGNATORY_SIDES), name: text(120), position: text(120) }))
    .max(20)
    .default([]),
});
export type MeetingInput = z.input<typeof MeetingInput>;

export const ProposalInput = z.strictObject({
  activityCode: text(40),
  title: text(300),
  targetGroup: text(200),
  package: z.enum(SERVICE_PACKAGES),
  location: text(200),
  volume: z.number().positive().max(1e7),
  unit: text(40),
  cost: money,
  fundingSource: z.enum(FUNDING_SOURCES.map((f) => f.code) as [string, ...string[]]),
});
export type ProposalInput = z.infer<typeof ProposalInput>;

export const ProposalRanking = z.strictObject({ order: z.array(z.string().uuid()).min(1).max(200) });

export const ProposalOutcome = z.strictObject({
  inPlan: z.boolean(),
  budgetAmount: money.nullish(),
  realisedAmount: money.nullish(),
});
export type ProposalOutcome = z.infer<typeof ProposalOutcome>;

export const REVIEW_DECISIONS = ["komentar", "perbaikan", "setuju"] as const;
export const ReviewInput = z.strictObject({ decision: z.enum(REVIEW_DECISIONS), comment: text(2000) });

export const CAMPAIGN_MEDIA = [
  "cetak",
  "elektronik",
  "media_sosial",
  "festival",
  "bazar_pangan",
  "lomba_bayi_sehat",
  "lainnya",
] as const;
export const CampaignInput = z.strictObject({
  media: z.enum(CAMPAIGN_MEDIA),
  heldOn: IsoDate,
  reach: z.number().int().min(0).max(10_000_000),
  description: text(500),
});

export const INSTITUTION_KINDS = [
  "tpps_kabupaten",
  "tpps_kecamatan",
  "tpps_desa",
  "rds",
  "posyandu",
  "paud",
  "poskesdes",
  "polindes",
] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];
/** TPPS roles (Paser Pasal 14–15: pengarah, pelaksana, sekretariat); RDS daily board with the KPM as chair (PALI Pasal 16(2) a). */
export const MEMBER_ROLES = [
  "pengarah",
  "ketua",
  "pelaksana",
  "sekretariat",
  "anggota",
  "ketua_pengurus_harian",
] as const;

export const InstitutionInput = z.strictObject({
  regionCode: z.string().min(2).max(40),
  kind: z.enum(INSTITUTION_KINDS),
  name: text(200),
  decreeNumber: optionalText(100),
  decreeDate: IsoDate.nullish(),
});
export const MemberInput = z.strictObject({
  name: text(120),
  role: z.enum(MEMBER_ROLES),
  unit: optionalText(160),
});

export const KpmInput = z.strictObject({
  regionCode: z.string().min(2).max(40),
  name: text(120),
  dusunCode: z.string().max(40).nullish(),
  resident: z.boolean(),
  cadreYears: z.number().min(0).max(60),
  speaksLocalLanguage: z.boolean(),
  education: z.enum(KPM_EDUCATION_LEVELS),
  canUseOffice: z.boolean(),
  chosenOn: IsoDate.nullish(),
  decreeNumber: optionalText(100),
  decreeDate: IsoDate.nullish(),
});
export type KpmInput = z.infer<typeof KpmInput>;

/** The yearly regency rembuk stunting (Paser Pasal 9 g): held by the regency with agencies, kecamatan, villages. */
export const RegencyRembukInput = z.strictObject({
  regionCode: z.string().min(2).max(40),
  heldOn: IsoDate,
  place: text(200),
  attendanceCount: z.number().int().min(1).max(10000),
  participants: z.array(text(200)).max(100).default([]),
  agreements: z.array(text(500)).min(1).max(100),
  notes: optionalText(2000),
});
export type RegencyRembukInput = z.input<typeof RegencyRembukInput>;
