import { z } from "zod";
import { IMPORT_REASONS } from "./import-reasons";
import { LEFT_REASONS } from "./presence";
import { TARGET_ROLES } from "./targets";

/**
 * What the registry API returns, as zod schemas: the server serialises (and checks) its responses with
 * them and the web reads the inferred types. Dates are YYYY-MM-DD; z-scores are rounded to 2 decimals as
 * WHO reports them.
 */

const Sex = z.union([z.literal(1), z.literal(2)]);

export const HouseholdViewSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  kkNumber: z.string().nullable(),
  headName: z.string().nullable(),
  address: z.string(),
  rt: z.string().nullable(),
  rw: z.string().nullable(),
  waterSource: z.string(),
  latrineType: z.string(),
  safeWater: z.boolean(),
  properLatrine: z.boolean(),
  revision: z.number().int(),
});
export type HouseholdView = z.infer<typeof HouseholdViewSchema>;

export const PersonSummarySchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  name: z.string(),
  sex: Sex,
  birthDate: z.string(),
  /** Masked in lists: only the last 4 digits shown (UU 27/2022 data minimisation). */
  nikMasked: z.string().nullable(),
  ageMonths: z.number().int(),
  targetRoles: z.array(z.enum(TARGET_ROLES)),
});
export type PersonSummary = z.infer<typeof PersonSummarySchema>;

/** Permenkes 2/2020 category codes (from @tumbuh/growth), e.g. "tbu.pendek"; null when not computable. */
export const GrowthCategoriesSchema = z.object({
  tbu: z.string().nullable(),
  bbu: z.string().nullable(),
  bbtb: z.string().nullable(),
  imtu: z.string().nullable(),
});
export type GrowthCategories = z.infer<typeof GrowthCategoriesSchema>;

export const WEIGHING_STATUSES = ["N", "T", "O", "B"] as const;
export type WeighingStatus = (typeof WEIGHING_STATUSES)[number];

export const MeasurementViewSchema = z.object({
  id: z.string(),
  measuredOn: z.string(),
  ageDays: z.number().int().nullable(),
  ageMonths: z.number().nullable(),
  weightKg: z.number().nullable(),
  lenheiCm: z.number().nullable(),
  measure: z.enum(["l", "h"]).nullable(),
  muacCm: z.number().nullable(),
  headcCm: z.number().nullable(),
  oedema: z.boolean(),
  measuredBy: z.string().nullable(),
  /** Rounded z-scores: length/height-for-age, weight-for-age, weight-for-length/height, BMI-for-age. */
  z: z.object({
    lenhei: z.number().nullable(),
    weight: z.number().nullable(),
    wfl: z.number().nullable(),
    bmi: z.number().nullable(),
  }),
  categories: GrowthCategoriesSchema,
  /** WHO implausibility flags raised on this measurement (e.g. ["zlen"]); kept and shown, never dropped. */
  flags: z.array(z.string()),
  /** KMS/SKDN: N naik, T tidak naik, O not weighed last month, B baru (first weighing). Null without weight. */
  weighing: z.enum(WEIGHING_STATUSES).nullable(),
});
export type MeasurementView = z.infer<typeof MeasurementViewSchema>;

export const CHILD_ALERTS = [
  "2T",
  "stunting",
  "severe_stunting",
  "wasting",
  "severe_wasting",
  "underweight",
  "implausible",
] as const;
export type ChildAlert = (typeof CHILD_ALERTS)[number];

export const PregnancyViewSchema = z.object({
  id: z.string(),
  lmpDate: z.string(),
  eddDate: z.string(),
  gravida: z.number().int(),
  muacCm: z.number().nullable(),
  hbGdl: z.number().nullable(),
  highRisk: z.boolean(),
  highRiskNote: z.string().nullable(),
  kek: z.boolean(),
  anaemia: z.boolean(),
  active: z.boolean(),
  endedOn: z.string().nullable(),
  outcome: z.string().nullable(),
  revision: z.number().int(),
});
export type PregnancyView = z.infer<typeof PregnancyViewSchema>;

/** One person's own record as the person page and the edit form read it (the NIK unmasked). */
export const PersonRecordSchema = PersonSummarySchema.extend({
  nik: z.string().nullable(),
  householdId: z.string().nullable(),
  motherId: z.string().nullable(),
  parentName: z.string().nullable(),
  birthWeightKg: z.number().nullable(),
  birthLengthCm: z.number().nullable(),
  revision: z.number().int(),
  /** Moved away or died on that day (core `presentOn`): out of lists and denominators from then. */
  leftOn: z.string().nullable(),
  leftReason: z.enum(LEFT_REASONS).nullable(),
});
export type PersonRecord = z.infer<typeof PersonRecordSchema>;

export const PersonViewSchema = z.object({
  person: PersonRecordSchema,
  nikWarnings: z.array(z.string()),
  household: HouseholdViewSchema.nullable(),
  mother: PersonSummarySchema.nullable(),
  children: z.array(PersonSummarySchema),
  pregnancies: z.array(PregnancyViewSchema),
  /** Oldest first. */
  measurements: z.array(MeasurementViewSchema),
  alerts: z.array(z.enum(CHILD_ALERTS)),
});
export type PersonView = z.infer<typeof PersonViewSchema>;

export const CHART_INDICATORS = ["tbu", "bbu", "bbtb"] as const;
export type ChartIndicator = (typeof CHART_INDICATORS)[number];

export const ChartViewSchema = z.object({
  indicator: z.enum(CHART_INDICATORS),
  sex: Sex,
  /** "month" for the age-based indicators, "cm" for weight-for-length/height. */
  xUnit: z.enum(["month", "cm"]),
  yUnit: z.enum(["cm", "kg"]),
  /** SD lines −3, −2, −1, 0, +1, +2, +3 at each x. */
  curves: z.array(
    z.object({
      x: z.number(),
      sd: z.tuple([z.number(), z.number(), z.number(), z.number(), z.number(), z.number(), z.number()]),
    }),
  ),
  points: z.array(
    z.object({
      x: z.number(),
      y: z.number(),
      z: z.number().nullable(),
      measuredOn: z.string(),
      flagged: z.boolean(),
    }),
  ),
});
export type ChartView = z.infer<typeof ChartViewSchema>;

export const ChildListRowSchema = PersonSummarySchema.extend({
  lastMeasuredOn: z.string().nullable(),
  latest: MeasurementViewSchema.nullable(),
});
export type ChildListRow = z.infer<typeof ChildListRowSchema>;

export const REGISTRY_LISTS = ["due", "notMeasured2m", "twoT", "stunted", "wasted", "flagged"] as const;
export type RegistryListName = (typeof REGISTRY_LISTS)[number];

export const RegistryListsSchema = z.object({
  regionCode: z.string(),
  month: z.string(),
  counts: z.record(z.enum(REGISTRY_LISTS), z.number().int()),
  lists: z.record(z.enum(REGISTRY_LISTS), z.array(ChildListRowSchema)),
});
export type RegistryLists = z.infer<typeof RegistryListsSchema>;

/** A posyandu day (hari buka posyandu): the session measurements of that day belong to. */
export const PosyanduSessionSchema = z.object({
  id: z.string(),
  posyanduCode: z.string(),
  heldOn: z.string(),
  cadres: z.array(z.string()),
});
export type PosyanduSession = z.infer<typeof PosyanduSessionSchema>;

/** Why two records are proposed as one person (stable codes; the UI words them). */
export const DUPLICATE_REASONS = [
  "same_name",
  "same_birth_date",
  "same_desa",
  "same_mother",
  "mother_name_alike",
  /** Two live records with one NIK: possible since a NIK registered outside a user's area is not revealed. */
  "same_nik",
] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

export const DuplicateSide = PersonSummarySchema.extend({
  parentName: z.string().nullable(),
  motherName: z.string().nullable(),
});

export const DuplicatePairSchema = z.object({
  a: DuplicateSide,
  b: DuplicateSide,
  reasons: z.array(z.enum(DUPLICATE_REASONS)),
});
export type DuplicatePair = z.infer<typeof DuplicatePairSchema>;

/** A registered person a new registration may be (the online forms ask before saving). */
export const DuplicateMatchSchema = z.object({
  person: DuplicateSide,
  reasons: z.array(z.enum(DUPLICATE_REASONS)),
});
export type DuplicateMatch = z.infer<typeof DuplicateMatchSchema>;

/** A rejected row or a warning: where (line, the file's column heading) and why, as a code with its values. */
export const ImportRowErrorSchema = z.object({
  line: z.number().int(),
  column: z.string().nullable(),
  code: z.enum(IMPORT_REASONS),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type ImportRowError = z.infer<typeof ImportRowErrorSchema>;

export const ImportReportSchema = z.object({
  fileName: z.string(),
  dryRun: z.boolean(),
  allOrNothing: z.boolean(),
  rows: z.number().int(),
  stored: z.object({ persons: z.number().int(), measurements: z.number().int() }),
  /** Rows already in the database (same child, same day): a re-import creates nothing new. */
  alreadyPresent: z.number().int(),
  rejected: z.array(ImportRowErrorSchema),
  warnings: z.array(ImportRowErrorSchema),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;
