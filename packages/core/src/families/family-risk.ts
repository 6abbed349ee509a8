import { z } from "zod";
import { completedMonths, completedYears, daysBetween } from "../dates";
import {
  isSafeWater,
  LATRINE_TYPE_CODES,
  LATRINE_TYPES,
  SAFE_WATER_LISTS,
  WATER_SOURCE_CODES,
} from "../household-codes";

/**
 * Family at risk of stunting (keluarga berisiko stunting, KRS), Paser Pasal 12(3)a and 13(1), by the
 * criteria of BKKBN's family data collection (Pendataan Keluarga 2021, updated by Verifikasi dan Validasi
 * KRS): a family that is a target (it has a couple of reproductive age, a pregnant woman or a child under
 * five) AND has at least one risk factor. Kept as data so a reviewer can read every rule and its source.
 */

/** Where a fact came from: the registry (households/persons/pregnancies) or what the screener observed. */
export const FactSourceSchema = z.enum(["registry", "screener"]);
export type FactSource = z.infer<typeof FactSourceSchema>;

/**
 * The facts a family's evaluation reads. `null` = unknown (neither the registry nor the screener said).
 * A zod schema because the facts are stored as JSON with each screening and sent to the web as they are.
 */
export const FamilyFactsSchema = z.object({
  /** A couple of reproductive age lives here (PUS: wife 15–49 years, married). */
  hasPus: z.boolean().nullable(),
  hasPregnantWoman: z.boolean().nullable(),
  /** Birth dates of the family's children under five are not needed: a boolean is enough here. */
  hasUnderFive: z.boolean().nullable(),
  waterSource: z.enum(WATER_SOURCE_CODES).nullable(),
  latrineType: z.enum(LATRINE_TYPE_CODES).nullable(),
  /** Birth date of the wife/mother of the PUS. */
  motherBirthDate: z.string().nullable(),
  /** Birth dates of the mother's living children, any order. */
  childBirthDates: z.array(z.string()).readonly().nullable(),
  /** Paser Pasal 13(1)c: food available, diet and intake adequate (screener's judgement). */
  foodAdequate: z.boolean().nullable(),
  /** Paser Pasal 13(1)e: under-5 care adequate (screener's judgement). */
  underFiveCareAdequate: z.boolean().nullable(),
  /** Paser Pasal 13(1)g: healthy housing (screener's judgement). */
  healthyHouse: z.boolean().nullable(),
});
export type FamilyFacts = z.infer<typeof FamilyFactsSchema>;
export type FamilyFactKey = keyof FamilyFacts;
export const FAMILY_FACT_KEYS = FamilyFactsSchema.keyof().options;

/** Which source each known fact came from (a fact nobody knows has no entry). */
export const FactSourcesSchema = z.partialRecord(z.enum(FAMILY_FACT_KEYS), FactSourceSchema);
export type FactSources = z.infer<typeof FactSourcesSchema>;

/** Age bounds, as data. Ages are completed years on the evaluation date. */
export const FAMILY_RISK_CUTOFFS = {
  /** "Terlalu muda": wife under 20 years (BKKBN 4T, PK21). */
  motherTooYoungBelowYears: 20,
  /**
   * "Terlalu tua": wife 35–40 years (BKKBN Verval KRS wording "usia istri 35–40 tahun"), both ends
   * inclusive in completed years: 35y0d counts, 40y364d counts, 41y0d does not.
   */
  motherTooOldFromYears: 35,
  motherTooOldToYears: 40,
  /** "Terlalu dekat": under 2 years (24 completed months) between two births. */
  birthSpacingBelowMonths: 24,
  /** "Terlalu banyak": more than 3 children. */
  tooManyChildrenAbove: 3,
} as const;

export interface FamilyRiskRule {
  id: string;
  /** Short Indonesian and English wording shown as the reason. */
  id_label: string;
  en_label: string;
  source: string;
  /** The facts the rule reads (to show where each came from). */
  reads: readonly FamilyFactKey[];
  /** Applies → true; does not apply → false; cannot tell (missing fact) → null. */
  test: (f: FamilyFacts, asOf: string) => boolean | null;
}

const PK21 = "BKKBN Pendataan Keluarga 2021 / Verval KRS; Paser Pasal 13(1)";
const C = FAMILY_RISK_CUTOFFS;

function motherYears(f: FamilyFacts, asOf: string): number | null {
  if (f.motherBirthDate === null || daysBetween(f.motherBirthDate, asOf) < 0) return null;
  return completedYears(f.motherBirthDate, asOf);
}

/** Months between the two most recent births, or null with fewer than two children. */
export function lastBirthSpacingMonths(childBirthDates: readonly string[]): number | null {
  if (childBirthDates.length < 2) return null;
  const sorted = [...childBirthDates].sort();
  const last = sorted[sorted.length - 1] as string;
  const before = sorted[sorted.length - 2] as string;
  return completedMonths(before, last);
}

/** Which families are targets at all (eligibility): any one of these. */
export const FAMILY_TARGET_RULES: readonly FamilyRiskRule[] = [
  {
    id: "sasaran.pus",
    id_label: "Ada pasangan usia subur (PUS)",
    en_label: "Has a couple of reproductive age",
    source: PK21,
    reads: ["hasPus"],
    test: (f) => f.hasPus,
  },
  {
    id: "sasaran.ibu_hamil",
    id_label: "Ada ibu hamil",
    en_label: "Has a pregnant woman",
    source: PK21,
    reads: ["hasPregnantWoman"],
    test: (f) => f.hasPregnantWoman,
  },
  {
    id: "sasaran.balita",
    id_label: "Ada anak di bawah lima tahun",
    en_label: "Has a child under five",
    source: PK21,
    reads: ["hasUnderFive"],
    test: (f) => f.hasUnderFive,
  },
];

/** Risk factors: any one applying makes a target family "at risk". */
export const FAMILY_RISK_RULES: readonly FamilyRiskRule[] = [
  {
    id: "risiko.air_minum_tidak_layak",
    id_label: "Sumber air minum tidak layak",
    en_label: "Unsafe drinking-water source",
    // BKKBN's own list (PK21), not BPS's: household-codes SAFE_WATER_LISTS.bkkbn.
    source: `${PK21} huruf f; ${SAFE_WATER_LISTS.bkkbn.source}`,
    reads: ["waterSource"],
    test: (f) => (f.waterSource === null ? null : !isSafeWater("bkkbn", f.waterSource)),
  },
  {
    id: "risiko.jamban_tidak_layak",
    id_label: "Jamban tidak layak (pembuangan tidak ke tangki septik/IPAL)",
    en_label: "Latrine without proper disposal",
    source: `${PK21} huruf f; BPS sanitasi layak`,
    reads: ["latrineType"],
    test: (f) => (f.latrineType === null ? null : !LATRINE_TYPES[f.latrineType].layak),
  },
  {
    id: "risiko.terlalu_muda",
    id_label: "Usia istri di bawah 20 tahun (terlalu muda)",
    en_label: "Mother under 20 years",
    source: `${PK21} huruf a, d; BKKBN 4 Terlalu`,
    reads: ["motherBirthDate"],
    test: (f, asOf) => {
      const y = motherYears(f, asOf);
      return y === null ? null : y < C.motherTooYoungBelowYears;
    },
  },
  {
    id: "risiko.terlalu_tua",
    id_label: "Usia istri 35–40 tahun (terlalu tua)",
    en_label: "Mother aged 35–40 years",
    source: `${PK21} huruf d; BKKBN 4 Terlalu`,
    reads: ["motherBirthDate"],
    test: (f, asOf) => {
      const y = motherYears(f, asOf);
      return y === null ? null : y >= C.motherTooOldFromYears && y <= C.motherTooOldToYears;
    },
  },
  {
    id: "risiko.terlalu_dekat",
    id_label: "Jarak kelahiran kurang dari 2 tahun (terlalu dekat)",
    en_label: "Birth spacing under 2 years",
    source: `${PK21} huruf d; BKKBN 4 Terlalu`,
    reads: ["childBirthDates"],
    test: (f) => {
      if (f.childBirthDates === null) return null;
      const m = lastBirthSpacingMonths(f.childBirthDates);
      return m !== null && m < C.birthSpacingBelowMonths;
    },
  },
  {
    id: "risiko.terlalu_banyak",
    id_label: "Anak lebih dari 3 (terlalu banyak)",
    en_label: "More than 3 children",
    source: `${PK21} huruf d; BKKBN 4 Terlalu`,
    reads: ["childBirthDates"],
    test: (f) => (f.childBirthDates === null ? null : f.childBirthDates.length > C.tooManyChildrenAbove),
  },
  {
    id: "risiko.pangan",
    id_label: "Ketersediaan pangan, pola makan atau asupan gizi kurang",
    en_label: "Inadequate food availability, diet or intake",
    source: "Paser Pasal 13(1) huruf c (penapisan pangan, pola makan, asupan gizi)",
    reads: ["foodAdequate"],
    test: (f) => (f.foodAdequate === null ? null : !f.foodAdequate),
  },
  {
    id: "risiko.pengasuhan",
    id_label: "Pengasuhan balita kurang",
    en_label: "Inadequate care of the under-five",
    source: "Paser Pasal 13(1) huruf e (penapisan pengasuhan balita)",
    reads: ["underFiveCareAdequate"],
    test: (f) => (f.underFiveCareAdequate === null ? null : !f.underFiveCareAdequate),
  },
  {
    id: "risiko.rumah_tidak_sehat",
    id_label: "Rumah tidak memenuhi syarat rumah sehat",
    en_label: "House not healthy",
    source: "Paser Pasal 13(1) huruf g (penapisan rumah sehat)",
    reads: ["healthyHouse"],
    test: (f) => (f.healthyHouse === null ? null : !f.healthyHouse),
  },
];

export const RuleOutcomeSchema = z.object({
  ruleId: z.string(),
  label: z.object({ id: z.string(), en: z.string() }),
  source: z.string(),
  /** Where each fact the rule read came from. */
  factSources: FactSourcesSchema,
});
export type RuleOutcome = z.infer<typeof RuleOutcomeSchema>;

/** A family's evaluation with every reason (stored with the screening, shown on the family page). */
export const FamilyRiskResultSchema = z.object({
  /** Target family (sasaran): at least one target rule applies. */
  isTarget: z.boolean(),
  atRisk: z.boolean(),
  targetReasons: z.array(RuleOutcomeSchema),
  riskReasons: z.array(RuleOutcomeSchema),
  /** Rules that could not be decided for lack of a fact. */
  unknown: z.array(RuleOutcomeSchema),
});
export type FamilyRiskResult = z.infer<typeof FamilyRiskResultSchema>;

function outcome(rule: FamilyRiskRule, sources: FactSources): RuleOutcome {
  const factSources: FactSources = {};
  for (const k of rule.reads) {
    const s = sources[k];
    if (s) factSources[k] = s;
  }
  return {
    ruleId: rule.id,
    label: { id: rule.id_label, en: rule.en_label },
    source: rule.source,
    factSources,
  };
}

/** Pure: evaluates every rule and returns the reasons (not just a flag). */
export function evaluateFamilyRisk(
  facts: FamilyFacts,
  asOf: string,
  sources: FactSources = {},
): FamilyRiskResult {
  const targetReasons: RuleOutcome[] = [];
  const riskReasons: RuleOutcome[] = [];
  const unknown: RuleOutcome[] = [];
  for (const rule of FAMILY_TARGET_RULES) {
    const r = rule.test(facts, asOf);
    if (r === true) targetReasons.push(outcome(rule, sources));
    else if (r === null) unknown.push(outcome(rule, sources));
  }
  for (const rule of FAMILY_RISK_RULES) {
    const r = rule.test(facts, asOf);
    if (r === true) riskReasons.push(outcome(rule, sources));
    else if (r === null) unknown.push(outcome(rule, sources));
  }
  const isTarget = targetReasons.length > 0;
  return { isTarget, atRisk: isTarget && riskReasons.length > 0, targetReasons, riskReasons, unknown };
}

/** Screener's observations override registry facts field by field; the sources say which won. */
export function mergeFamilyFacts(
  registry: Partial<FamilyFacts>,
  observed: Partial<FamilyFacts>,
): { facts: FamilyFacts; sources: FactSources } {
  const facts = {} as Record<FamilyFactKey, unknown>;
  const sources: FactSources = {};
  for (const k of FAMILY_FACT_KEYS) {
    const o = observed[k];
    const r = registry[k];
    if (o !== undefined && o !== null) {
      facts[k] = o;
      sources[k] = "screener";
    } else if (r !== undefined && r !== null) {
      facts[k] = r;
      sources[k] = "registry";
    } else facts[k] = null;
  }
  return { facts: facts as unknown as FamilyFacts, sources };
}
