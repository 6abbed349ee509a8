import { z } from "zod";
import { LATRINE_TYPE_CODES, WATER_SOURCE_CODES } from "../household-codes";
import { IsoDate, PersonInput } from "../registry-schemas";
import { AUDIT_DOMAIN_CODES } from "./case-audit";

/**
 * Wire contract of families at risk, catin, TPK accompaniment and case audits. Every write carries a
 * client-made id (UUIDv7 from the phone): replaying the same write is a no-op, so the offline sync can
 * resend it safely.
 */
const ClientId = z.string().uuid();
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();

export const FamilyObserved = z.strictObject({
  hasPus: z.boolean().nullish(),
  hasPregnantWoman: z.boolean().nullish(),
  hasUnderFive: z.boolean().nullish(),
  waterSource: z.enum(WATER_SOURCE_CODES).nullish(),
  latrineType: z.enum(LATRINE_TYPE_CODES).nullish(),
  foodAdequate: z.boolean().nullish(),
  underFiveCareAdequate: z.boolean().nullish(),
  healthyHouse: z.boolean().nullish(),
});
export type FamilyObserved = z.infer<typeof FamilyObserved>;

export const FamilyScreeningInput = z.strictObject({
  id: ClientId,
  householdId: z.string().uuid(),
  screenedOn: IsoDate,
  observed: FamilyObserved,
  note: optionalText(500),
});
export type FamilyScreeningInput = z.infer<typeof FamilyScreeningInput>;

export const FamilyVerifyInput = z.strictObject({
  result: z.enum(["sesuai", "tidak_sesuai"]),
  note: optionalText(500),
});
export type FamilyVerifyInput = z.infer<typeof FamilyVerifyInput>;

export const CatinInput = z
  .strictObject({
    id: ClientId,
    /** A registered person, or a new one created through the persons service. */
    personId: z.string().uuid().nullish(),
    person: PersonInput.nullish(),
    partnerName: optionalText(120),
    partnerPersonId: z.string().uuid().nullish(),
    marriageDate: IsoDate,
  })
  .refine((v) => (v.personId ? 1 : 0) + (v.person ? 1 : 0) === 1, {
    message: "give exactly one of personId or person",
    path: ["personId"],
  });
export type CatinInput = z.infer<typeof CatinInput>;

export const CatinScreeningInput = z.strictObject({
  id: ClientId,
  screenedOn: IsoDate,
  weightKg: z.number().min(25).max(250),
  heightCm: z.number().min(120).max(220),
  muacCm: z.number().min(10).max(60).nullish(),
  hbGdl: z.number().min(3).max(25).nullish(),
  /** Further items the regency configures (e.g. HIV/hepatitis test done, TT immunisation), free text values. */
  extra: z.record(z.string().max(40), z.string().max(200)).optional(),
});
export type CatinScreeningInput = z.infer<typeof CatinScreeningInput>;

export const TPK_MEMBER_ROLES = ["bidan", "pkk", "kader_kb"] as const;
export type TpkMemberRole = (typeof TPK_MEMBER_ROLES)[number];
export const TPK_SUBJECT_KINDS = ["keluarga", "catin", "ibu_hamil", "ibu_nifas"] as const;
export type TpkSubjectKind = (typeof TPK_SUBJECT_KINDS)[number];

export const TpkTeamInput = z.strictObject({
  id: ClientId,
  regionCode: z.string().min(2).max(40),
  name: text(120),
});
export const TpkMemberInput = z.strictObject({
  id: ClientId,
  name: text(120),
  role: z.enum(TPK_MEMBER_ROLES),
  userId: z.string().uuid().nullish(),
});
export const TpkAssignmentInput = z.strictObject({
  id: ClientId,
  memberId: z.string().uuid(),
  subjectKind: z.enum(TPK_SUBJECT_KINDS),
  /** household id (keluarga), catin id, or person id (ibu hamil / nifas). */
  subjectId: z.string().uuid(),
  firstDueOn: IsoDate,
});
export const TpkVisitInput = z.strictObject({
  id: ClientId,
  assignmentId: z.string().uuid(),
  visitedOn: IsoDate,
  /** Paser Pasal 13(2)a–c: counselling, referral, social assistance. */
  counselling: optionalText(500),
  referralTo: optionalText(200),
  referralDone: z.boolean().nullish(),
  socialProgramme: optionalText(120),
  socialOutcome: z.enum(["diajukan", "diterima", "ditolak"]).nullish(),
  nextDueOn: IsoDate.nullish(),
  note: optionalText(500),
});
export type TpkVisitInput = z.infer<typeof TpkVisitInput>;

export const CaseAuditInput = z.strictObject({
  id: ClientId,
  childId: z.string().uuid(),
  auditedOn: IsoDate,
  team: text(300),
  findings: z.partialRecord(z.enum(AUDIT_DOMAIN_CODES), z.string().trim().min(1).max(1000)),
  recommendations: z
    .array(
      z.strictObject({
        id: ClientId,
        domain: z.enum(AUDIT_DOMAIN_CODES),
        text: text(500),
        ownerTeamId: z.string().uuid(),
        ownerName: optionalText(120),
        dueOn: IsoDate,
      }),
    )
    .max(20),
});
export type CaseAuditInput = z.infer<typeof CaseAuditInput>;

export const FollowUpInput = z.strictObject({
  id: ClientId,
  recommendationId: z.string().uuid(),
  on: IsoDate,
  status: z.enum(["berjalan", "selesai"]),
  note: optionalText(500),
});
export type FollowUpInput = z.infer<typeof FollowUpInput>;
