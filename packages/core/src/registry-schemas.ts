import { z } from "zod";
import { isPlausibleDate } from "./dates";
import { LATRINE_TYPE_CODES, WATER_SOURCE_CODES } from "./household-codes";
import { LEFT_REASONS } from "./presence";
import { TARGET_ROLES } from "./targets";

/**
 * The registry's wire contract (Paser Pasal 5, PALI Pasal 3 targets; posyandu measurement), shared by the
 * server's validation and the web client. Request schemas are strict: an unknown field is an error.
 */
/** THE date field of every input schema: a real date YYYY-MM-DD from 1900 to 2099 (see dates.ts). */
export const IsoDate = z.string().refine(isPlausibleDate, "must be a date YYYY-MM-DD between 1900 and 2099");
const optionalText = (max: number) => z.string().trim().max(max).nullish();

export const HouseholdInput = z.strictObject({
  regionCode: z.string().min(2).max(40),
  kkNumber: z
    .string()
    .regex(/^\d{16}$/, "family card number: 16 digits")
    .nullish(),
  headName: optionalText(120),
  address: z.string().trim().min(1).max(300),
  rt: optionalText(10),
  rw: optionalText(10),
  waterSource: z.enum(WATER_SOURCE_CODES),
  latrineType: z.enum(LATRINE_TYPE_CODES),
});
export type HouseholdInput = z.infer<typeof HouseholdInput>;

export const PersonInput = z.strictObject({
  regionCode: z.string().min(2).max(40),
  householdId: z.string().uuid().nullish(),
  name: z.string().trim().min(1).max(120),
  sex: z.union([z.literal(1), z.literal(2)]),
  birthDate: IsoDate,
  nik: z.string().trim().nullish(),
  motherId: z.string().uuid().nullish(),
  parentName: optionalText(120),
  birthWeightKg: z.number().positive().max(8).nullish(),
  birthLengthCm: z.number().positive().max(70).nullish(),
});
export type PersonInput = z.infer<typeof PersonInput>;

/** An edit of a person: any field but the region, with the revision edited (a stale one is a conflict). */
export const PersonPatch = PersonInput.omit({ regionCode: true })
  .partial()
  .extend({ revision: z.number().int().min(1) })
  .strict();
export type PersonPatch = z.infer<typeof PersonPatch>;

export const PregnancyInput = z.strictObject({
  personId: z.string().uuid(),
  lmpDate: IsoDate,
  /** Defaults to LMP + 280 days (Naegele). */
  eddDate: IsoDate.nullish(),
  gravida: z.number().int().min(1).max(20),
  muacCm: z.number().positive().max(60).nullish(),
  hbGdl: z.number().positive().max(25).nullish(),
  highRisk: z.boolean(),
  highRiskNote: optionalText(300),
});
export type PregnancyInput = z.infer<typeof PregnancyInput>;

/** A correction of a pregnancy (a later ANC visit), with the revision edited. */
export const PregnancyPatch = PregnancyInput.omit({ personId: true })
  .partial()
  .extend({ revision: z.number().int().min(1) })
  .strict();
export type PregnancyPatch = z.infer<typeof PregnancyPatch>;

export const PREGNANCY_OUTCOMES = ["lahir_hidup", "lahir_mati", "keguguran"] as const;
export const PregnancyEnd = z.strictObject({ endedOn: IsoDate, outcome: z.enum(PREGNANCY_OUTCOMES) });
export type PregnancyEndInput = z.infer<typeof PregnancyEnd>;

export const PosyanduSessionInput = z.strictObject({
  posyanduCode: z.string().min(2).max(40),
  heldOn: IsoDate,
  cadres: z.array(z.string().trim().min(1).max(120)).max(30),
});
export type PosyanduSessionInput = z.infer<typeof PosyanduSessionInput>;

/**
 * A measurement as taken. Values are not range-checked beyond physical impossibility: an implausible
 * value is stored and flagged (WHO flags), never refused or "fixed".
 */
export const MeasurementInput = z.strictObject({
  personId: z.string().uuid(),
  measuredOn: IsoDate,
  weightKg: z.number().positive().max(250).nullish(),
  lenheiCm: z.number().positive().max(250).nullish(),
  measure: z.enum(["l", "h"]).nullish(),
  muacCm: z.number().positive().max(60).nullish(),
  headcCm: z.number().positive().max(80).nullish(),
  oedema: z.boolean().default(false),
  sessionId: z.string().uuid().nullish(),
  measuredBy: optionalText(120),
  /**
   * The user saw the value is implausible (core plausibilityIssues) and keeps it: why. Without it the
   * server refuses an implausible value (`implausible_measurement`); with it the reason is stored beside it.
   */
  confirmedImplausible: z.strictObject({ reason: z.string().trim().min(3).max(300) }).nullish(),
  /** A correction: the measurement this one replaces (voided, kept) and why. */
  supersedes: z.string().uuid().nullish(),
  changeReason: z.string().trim().min(3).max(300).nullish(),
});
export type MeasurementInput = z.input<typeof MeasurementInput>;

/** Void a measurement entered by mistake: it leaves lists, growth, scorecard and indicators; kept, audited. */
export const MeasurementVoidInput = z.strictObject({
  measurementId: z.string().uuid(),
  reason: z.string().trim().min(3).max(300),
});
export type MeasurementVoidInput = z.input<typeof MeasurementVoidInput>;

export const TargetRoleSchema = z.enum(TARGET_ROLES);

/**
 * A person moved away or died (issue 17): from `leftOn` on she or he leaves the lists, due lists, inbox and
 * denominators (core `presentOn`). Kept in the registry, readable, with the reason; `note` goes to the audit.
 */
export const PersonLeaveInput = z.strictObject({
  personId: z.string().uuid(),
  leftOn: IsoDate,
  reason: z.enum(LEFT_REASONS),
  note: optionalText(300),
});
export type PersonLeaveInput = z.input<typeof PersonLeaveInput>;

/**
 * Undo a moved-away/died mark made by mistake (issue 17): the person counts again from now on, the mark's
 * day and reason cleared; `reason` (why the mark was wrong) goes to the audit with what was cleared.
 */
export const PersonReturnInput = z.strictObject({
  personId: z.string().uuid(),
  reason: z.string().trim().min(3).max(300),
});
export type PersonReturnInput = z.input<typeof PersonReturnInput>;

/**
 * Void a service record, home visit or screening entered by mistake (kept, with who and why, audited): it
 * leaves every list and figure. `id` is the record voided.
 */
export const RecordVoidInput = z.strictObject({
  id: z.string().uuid(),
  reason: z.string().trim().min(3).max(300),
});
export type RecordVoidInput = z.input<typeof RecordVoidInput>;
