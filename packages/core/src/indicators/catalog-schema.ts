import { z } from "zod";

// The indicator catalog file: the regency's performance indicators (Paser Pasal 7), its prevalence targets
// (Paser Pasal 6) and every row of the strategy-matrix annex (Lampiran: section A "Target Antara" and
// section B pillars 1–5). Shipped for Paser in data/indicators/paser-47-2024.json; another regency loads
// its own file of the same shape.

/** Where an indicator is written in the regulation. */
export const IndicatorSource = z.discriminatedUnion("kind", [
  /** Paser Pasal 7 letter a–t. */
  z.strictObject({ kind: z.literal("pasal7"), letter: z.string().regex(/^[a-z]$/) }),
  /** Paser Pasal 6: the stunting prevalence targets. */
  z.strictObject({ kind: z.literal("pasal6"), ayat: z.number().int().positive() }),
  /** A row of the annex: section "A" (target antara) or pillar "P1"…"P5", strategy letter, indicator number. */
  z.strictObject({
    kind: z.literal("annex"),
    section: z.enum(["A", "P1", "P2", "P3", "P4", "P5"]),
    strategy: z.string().regex(/^[a-z]$/),
    number: z.number().int().positive(),
  }),
]);
export type IndicatorSource = z.infer<typeof IndicatorSource>;

export const TARGET_KINDS = [
  "percent",
  "count",
  "people",
  "frequency",
  "document",
  "system",
  "none",
] as const;
export const TargetKind = z.enum(TARGET_KINDS);
export type TargetKind = z.infer<typeof TargetKind>;

export const IndicatorTarget = z.strictObject({
  kind: TargetKind,
  /** The number in the target (90 for "Target: 90%", 1 for "1 Dokumen"); null when the text has none. */
  value: z.number().nullable(),
  /** The target exactly as printed ("Target: minimal 1 (satu) kali setiap tahun"). */
  original: z.string(),
  /** "up": achieved when the figure reaches the value; "down": when it stays at or below it (prevalence). */
  direction: z.enum(["up", "down"]),
  /** For frequencies: the period the value counts per ("year", "month"); null otherwise. */
  per: z.enum(["year", "quarter", "month"]).nullable(),
});
export type IndicatorTarget = z.infer<typeof IndicatorTarget>;

/** Computed from the records by a named computation, or entered per period and region by its agency. */
export const IndicatorMeasure = z.discriminatedUnion("mode", [
  z.strictObject({ mode: z.literal("computed"), computation: z.string().regex(/^[a-z0-9_]+$/) }),
  z.strictObject({ mode: z.literal("entered") }),
]);
export type IndicatorMeasure = z.infer<typeof IndicatorMeasure>;

export const IndicatorDef = z.strictObject({
  /** Stable id: "pasal7.a", "pasal6.3.2024", "annex.A.a.1", "annex.P1.a.2". */
  id: z.string().regex(/^[A-Za-z0-9_.-]+$/),
  source: IndicatorSource,
  /** Strategy/activity text of the annex row ("Meningkatkan komitmen …"); null for Pasal 6/7. */
  activity: z.string().nullable(),
  /** The indicator (output) text as printed, OCR slips corrected. */
  text: z.string().min(1),
  target: IndicatorTarget,
  /** Target year; null when the regulation gives none (then it applies every year). */
  year: z.number().int().nullable(),
  /** Government affair (urusan / bidang) column of the annex; null when not given. */
  urusan: z.string().nullable(),
  /** Responsible agency (penanggung jawab). */
  responsible: z.array(z.string()),
  /** Supporting parties (pihak pendukung). */
  supporting: z.array(z.string()),
  measure: IndicatorMeasure,
  /** Pasal 7 rows: the annex row whose printed target the indicator takes (the Pasal itself prints none). */
  targetFrom: z.string().optional(),
  /** Transcription note: what was printed when the text or a cell was read with judgement (OCR, split tables). */
  note: z.string().optional(),
});
export type IndicatorDef = z.infer<typeof IndicatorDef>;

export const IndicatorCatalog = z.strictObject({
  /** Which regulation the catalog transcribes ("Peraturan Bupati Paser Nomor 47 Tahun 2024"). */
  regulation: z.string(),
  /** Kemendagri code of the regency ("64.01"). */
  regency: z.string(),
  indicators: z.array(IndicatorDef),
});
export type IndicatorCatalog = z.infer<typeof IndicatorCatalog>;

/**
 * Computations the server knows (issue 7). A catalog row with `measure.mode = "computed"` names one of
 * these; the list grows as features add data (service records, families at risk, case audits).
 */
export const COMPUTATIONS = [
  /** Children 0–59 months whose latest measurement in the period has TB/U < −2 SD ÷ children measured. */
  "stunting_prevalence",
  /** … BB/TB (BB/PB) < −2 SD ÷ children measured. */
  "wasting_prevalence",
  /** … BB/U < −2 SD ÷ children measured. */
  "underweight_prevalence",
  /** Children 0–59 months measured in the period ÷ children registered (coverage; posyandu D/S). */
  "measurement_coverage",
  /** Households using a "layak" drinking-water source ÷ households registered (Pasal 7 l). */
  "household_safe_water",
  /** Households with a "layak" latrine ÷ households registered (Pasal 7 m). */
  "household_proper_sanitation",
  // From the KPM scorecard rules (core services/rules) over service records and pregnancies (issue 6):
  // targets scored "Y" ÷ targets scored "Y" or "T", per month (server features/indicators/service-aggregates).
  /** Pasal 7 g: pregnant women whose ANC visits meet the standard so far (core ancCell). */
  "anc_to_standard",
  /** Pasal 7 c: pregnant women counselled (konseling gizi / kelas ibu hamil) in the month. */
  "pregnant_counselled",
  /** Pasal 7 t: post-partum women with the KF checks due by their day of nifas (core nifasCell). */
  "postpartum_services",
  /** Pasal 7 i: infants reaching 11 completed months with every basic antigen given ÷ those infants. */
  "complete_basic_immunisation",
  /** Pasal 7 p: children 0–23 months whose parents attended a parenting class in the month. */
  "parenting_class",
  /** Pasal 7 q: children 2–6 years attending PAUD in the month. */
  "paud_enrolment",
  // From families at risk, TPK visits, catin and case audits (issue 8), per desa (features/indicators/record-aggregates).
  /** Annex A.b.7, P3.b.1: families at risk (latest screening of the semester) with ≥ 1 TPK visit ÷ families at risk. */
  "family_accompaniment",
  /** Annex P3.b.2: catin marrying in the period screened ≥ 3 months before (core screenedInTime) ÷ those catin. */
  "catin_screened_in_time",
  /** Annex A.b.3: catin marrying in the period with a health screening on or before the day ÷ those catin. */
  "catin_examined",
  /** Annex P5.a.8: stunted under-twos at the period's end (core isAuditableCase) with a case audit ÷ those children. */
  "case_audit_share",
] as const;
export type Computation = (typeof COMPUTATIONS)[number];
