import type { TargetRole } from "./targets";

/** What the registry API returns. Dates are YYYY-MM-DD; z-scores are rounded to 2 decimals as WHO reports them. */

export interface HouseholdView {
  id: string;
  regionCode: string;
  kkNumber: string | null;
  headName: string | null;
  address: string;
  rt: string | null;
  rw: string | null;
  waterSource: string;
  latrineType: string;
  safeWater: boolean;
  properLatrine: boolean;
  revision: number;
}

export interface PersonSummary {
  id: string;
  regionCode: string;
  name: string;
  sex: 1 | 2;
  birthDate: string;
  /** Masked in lists: only the last 4 digits shown (UU 27/2022 data minimisation). */
  nikMasked: string | null;
  ageMonths: number;
  targetRoles: TargetRole[];
}

/** Permenkes 2/2020 category codes (from @tumbuh/growth), e.g. "tbu.pendek"; null when not computable. */
export interface GrowthCategories {
  tbu: string | null;
  bbu: string | null;
  bbtb: string | null;
  imtu: string | null;
}

export type WeighingStatus = "N" | "T" | "O" | "B";

export interface MeasurementView {
  id: string;
  measuredOn: string;
  ageDays: number | null;
  ageMonths: number | null;
  weightKg: number | null;
  lenheiCm: number | null;
  measure: "l" | "h" | null;
  muacCm: number | null;
  headcCm: number | null;
  oedema: boolean;
  measuredBy: string | null;
  /** Rounded z-scores: length/height-for-age, weight-for-age, weight-for-length/height, BMI-for-age. */
  z: { lenhei: number | null; weight: number | null; wfl: number | null; bmi: number | null };
  categories: GrowthCategories;
  /** WHO implausibility flags raised on this measurement (e.g. ["zlen"]); kept and shown, never dropped. */
  flags: string[];
  /** KMS/SKDN: N naik, T tidak naik, O not weighed last month, B baru (first weighing). Null without weight. */
  weighing: WeighingStatus | null;
}

export type ChildAlert =
  | "2T"
  | "stunting"
  | "severe_stunting"
  | "wasting"
  | "severe_wasting"
  | "underweight"
  | "implausible";

export interface PregnancyView {
  id: string;
  lmpDate: string;
  eddDate: string;
  gravida: number;
  muacCm: number | null;
  hbGdl: number | null;
  highRisk: boolean;
  highRiskNote: string | null;
  kek: boolean;
  anaemia: boolean;
  active: boolean;
  endedOn: string | null;
  outcome: string | null;
  revision: number;
}

export interface PersonView {
  person: PersonSummary & {
    nik: string | null;
    householdId: string | null;
    motherId: string | null;
    parentName: string | null;
    birthWeightKg: number | null;
    birthLengthCm: number | null;
    revision: number;
  };
  nikWarnings: string[];
  household: HouseholdView | null;
  mother: PersonSummary | null;
  children: PersonSummary[];
  pregnancies: PregnancyView[];
  /** Oldest first. */
  measurements: MeasurementView[];
  alerts: ChildAlert[];
}

export interface ChartView {
  indicator: "tbu" | "bbu" | "bbtb";
  sex: 1 | 2;
  /** "month" for the age-based indicators, "cm" for weight-for-length/height. */
  xUnit: "month" | "cm";
  yUnit: "cm" | "kg";
  /** SD lines −3, −2, −1, 0, +1, +2, +3 at each x. */
  curves: { x: number; sd: [number, number, number, number, number, number, number] }[];
  points: { x: number; y: number; z: number | null; measuredOn: string; flagged: boolean }[];
}

export interface ChildListRow extends PersonSummary {
  lastMeasuredOn: string | null;
  latest: MeasurementView | null;
}

export interface RegistryLists {
  regionCode: string;
  month: string;
  counts: Record<RegistryListName, number>;
  lists: Record<RegistryListName, ChildListRow[]>;
}

export const REGISTRY_LISTS = ["due", "notMeasured2m", "twoT", "stunted", "wasted", "flagged"] as const;
export type RegistryListName = (typeof REGISTRY_LISTS)[number];

/** Why two records are proposed as one person (stable codes; the UI words them). */
export const DUPLICATE_REASONS = [
  "same_name",
  "same_birth_date",
  "same_desa",
  "same_mother",
  "mother_name_alike",
] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

export interface DuplicatePair {
  a: PersonSummary & { parentName: string | null; motherName: string | null };
  b: PersonSummary & { parentName: string | null; motherName: string | null };
  reasons: DuplicateReason[];
}

export interface ImportRowError {
  line: number;
  column: string | null;
  reason: string;
}

export interface ImportReport {
  fileName: string;
  dryRun: boolean;
  allOrNothing: boolean;
  rows: number;
  stored: { persons: number; measurements: number };
  /** Rows already in the database (same child, same day): a re-import creates nothing new. */
  alreadyPresent: number;
  rejected: ImportRowError[];
  warnings: ImportRowError[];
}
