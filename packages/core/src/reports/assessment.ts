import { z } from "zod";

/**
 * Yearly performance assessment of desa/kelurahan and kecamatan (Perbup Paser 47/2024 Pasal 9 huruf o:
 * "melakukan penilaian kinerja Desa/Kelurahan … sebagai tugas pembinaan dan pengawasan"; annex Pilar 5
 * a.1–2: share of kecamatan and desa with good convergence performance, target 90%; the 8th convergence
 * action, the yearly performance review). Neither regulation fixes a method, so the method is data a regency
 * configures: which components count, their weights and how each raw figure becomes 0–1. The shipped
 * default is written down in ASSESSMENT_DEFAULT below with its reasons.
 */

export const ASSESSMENT_COMPONENTS = [
  "convergence",
  "planning_on_time",
  "apb_stunting_share",
  "data_completeness",
  "indicator_achievement",
  "reports_on_time",
] as const;
export type AssessmentComponent = (typeof ASSESSMENT_COMPONENTS)[number];

export const COMPONENT_LABELS: Record<AssessmentComponent, { id: string; en: string; source: string }> = {
  convergence: {
    id: "Konvergensi layanan 1000 HPK (kartu skor)",
    en: "1000-HPK service convergence (scorecard)",
    source: "Perbup PALI 64/2021 Pasal 40 ayat (3); kartu skor konvergensi",
  },
  planning_on_time: {
    id: "Siklus perencanaan tepat waktu",
    en: "Planning cycle on time",
    source: "Perbup Paser 47/2024 Pasal 18 huruf b, Pasal 9 huruf k",
  },
  apb_stunting_share: {
    id: "Porsi APB Desa untuk stunting",
    en: "APB Desa stunting share",
    source: "Perbup PALI 64/2021 Pasal 40 ayat (5); Perbup Paser 47/2024 Pasal 9 huruf k",
  },
  data_completeness: {
    id: "Kelengkapan data (D/S: anak ditimbang/diukur)",
    en: "Data completeness (D/S: children measured)",
    source: "Perbup Paser 47/2024 Pasal 45 ayat (3) huruf a",
  },
  indicator_achievement: {
    id: "Capaian indikator katalog",
    en: "Catalog indicator achievement",
    source: "Perbup Paser 47/2024 Pasal 44 huruf d dan Lampiran",
  },
  reports_on_time: {
    id: "Laporan tepat waktu",
    en: "Reports on time",
    source: "Perbup PALI 64/2021 Pasal 36–40; Perbup Paser 47/2024 Pasal 18 huruf h",
  },
};

/**
 * How a raw figure becomes 0–1: `percent` divides a 0–100 figure by 100; `target` divides by a target and
 * caps at 1 (reaching the target is full marks); `minmax` places it between the lowest and highest unit
 * assessed (relative: the best unit gets 1, the worst 0; all equal → 1).
 */
export const Normalisation = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("percent") }),
  z.strictObject({ kind: z.literal("target"), target: z.number().positive() }),
  z.strictObject({ kind: z.literal("minmax") }),
]);
export type Normalisation = z.infer<typeof Normalisation>;

export const MethodComponent = z.strictObject({
  code: z.enum(ASSESSMENT_COMPONENTS),
  weight: z.number().min(0).max(1000),
  normalisation: Normalisation,
});
export type MethodComponent = z.infer<typeof MethodComponent>;

export const AssessmentMethod = z
  .strictObject({
    components: z.array(MethodComponent).min(1).max(ASSESSMENT_COMPONENTS.length),
    /** Why the regency chose these weights (printed on the ranking page). */
    note: z.string().max(2000),
  })
  .superRefine((m, ctx) => {
    const codes = m.components.map((c) => c.code);
    if (new Set(codes).size !== codes.length)
      ctx.addIssue({
        code: "custom",
        path: ["components"],
        message: "a component appears twice",
        params: { reason: "component_twice" },
      });
    if (m.components.every((c) => c.weight === 0))
      ctx.addIssue({ code: "custom", path: ["components"], message: "every weight is 0" });
  });
export type AssessmentMethod = z.infer<typeof AssessmentMethod>;

/** The weights a regency sets add up to 100, so each weight reads as the most points its component gives. */
export const METHOD_WEIGHT_TOTAL = 100;

/**
 * A method as a regency edits it: AssessmentMethod, and its weights add up to METHOD_WEIGHT_TOTAL (the score
 * divides by the sum anyway; the fixed sum is for the reader of the ranking page).
 */
export const AssessmentMethodInput = AssessmentMethod.superRefine((m, ctx) => {
  const sum = m.components.reduce((s, c) => s + c.weight, 0);
  if (Math.abs(sum - METHOD_WEIGHT_TOTAL) > 1e-9)
    ctx.addIssue({
      code: "custom",
      path: ["components"],
      message: `components: the weights add up to ${sum}, not ${METHOD_WEIGHT_TOTAL}`,
      params: { reason: "weights_sum" },
    });
});

/**
 * The shipped default. Convergence weighs most because it is the figure both regulations report on (PALI
 * Pasal 40(3)); the other five share the rest. APB Desa share has no target in either regulation, so it is
 * scored relative to the other villages (minmax). A regency changes this on the assessment page.
 */
export const ASSESSMENT_DEFAULT: AssessmentMethod = {
  components: [
    { code: "convergence", weight: 30, normalisation: { kind: "percent" } },
    { code: "planning_on_time", weight: 15, normalisation: { kind: "percent" } },
    { code: "apb_stunting_share", weight: 15, normalisation: { kind: "minmax" } },
    { code: "data_completeness", weight: 15, normalisation: { kind: "target", target: 90 } },
    { code: "indicator_achievement", weight: 15, normalisation: { kind: "percent" } },
    { code: "reports_on_time", weight: 10, normalisation: { kind: "percent" } },
  ],
  note: "Bobot bawaan Tumbuh: konvergensi 30, lima komponen lain 15/15/15/15/10. Tanpa data dinilai 0.",
};

export interface AssessmentUnit {
  code: string;
  name: string;
  /** Raw figures per component (0–100 percentages except apb_stunting_share, also a percentage); null = no data. */
  raw: Partial<Record<AssessmentComponent, number | null>>;
}

export interface ComponentScore {
  code: AssessmentComponent;
  raw: number | null;
  /** 0–1 after normalisation; 0 when there is no data. */
  normalised: number;
  weight: number;
  /** Points this component adds to the 0–100 score. */
  points: number;
}

export interface RankedUnit {
  code: string;
  name: string;
  score: number;
  /** Competition ranking: equal scores share a rank (1, 2, 2, 4). */
  rank: number;
  breakdown: ComponentScore[];
  /** Component codes that gave the most and the fewest points relative to their weight. */
  strongest: AssessmentComponent | null;
  weakest: AssessmentComponent | null;
  /** Components without data (scored 0). */
  missing: AssessmentComponent[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function normalise(n: Normalisation, raw: number, min: number, max: number): number {
  switch (n.kind) {
    case "percent":
      return Math.min(1, Math.max(0, raw / 100));
    case "target":
      return Math.min(1, Math.max(0, raw / n.target));
    case "minmax":
      return max === min ? 1 : (raw - min) / (max - min);
  }
}

/**
 * Scores and ranks units by the method: score = Σ weight × normalised ÷ Σ weight × 100 (rounded to 2
 * decimals, the ranking uses the rounded score so what a reader sees decides the order); a missing figure
 * counts 0 and is named. Ties share a rank and are listed by code.
 */
export function rankUnits(method: AssessmentMethod, units: readonly AssessmentUnit[]): RankedUnit[] {
  const totalWeight = method.components.reduce((s, c) => s + c.weight, 0);
  const ranges = new Map<AssessmentComponent, { min: number; max: number }>();
  for (const c of method.components) {
    const values = units.map((u) => u.raw[c.code]).filter((v): v is number => v != null);
    ranges.set(c.code, { min: Math.min(...values), max: Math.max(...values) });
  }
  const scored = units.map((u) => {
    const exact: number[] = [];
    const breakdown: ComponentScore[] = method.components.map((c) => {
      const raw = u.raw[c.code] ?? null;
      const range = ranges.get(c.code) ?? { min: 0, max: 0 };
      const normalised = raw === null ? 0 : normalise(c.normalisation, raw, range.min, range.max);
      exact.push(normalised);
      return {
        code: c.code,
        raw,
        normalised: round2(normalised * 100) / 100,
        weight: c.weight,
        points: round2((c.weight / totalWeight) * normalised * 100),
      };
    });
    // Each weight's share first: w·k ÷ W·k is the same number as w ÷ W, so scaling every weight by one
    // factor cannot move a score by a rounding step.
    const score = round2(
      method.components.reduce((s, c, i) => s + (c.weight / totalWeight) * (exact[i] as number), 0) * 100,
    );
    const weighted = breakdown.filter((b) => b.weight > 0);
    const byShare = [...weighted].sort((a, b) => b.normalised - a.normalised);
    return {
      code: u.code,
      name: u.name,
      score,
      rank: 0,
      breakdown,
      strongest: byShare[0]?.code ?? null,
      weakest: byShare.at(-1)?.code ?? null,
      missing: breakdown.filter((b) => b.raw === null).map((b) => b.code),
    };
  });
  scored.sort((a, b) => b.score - a.score || (a.code < b.code ? -1 : 1));
  scored.forEach((u, i) => {
    const prev = scored[i - 1];
    u.rank = prev && prev.score === u.score ? prev.rank : i + 1;
  });
  return scored;
}

// ---- wire views (server → web, CLI) ----

export const ComponentScoreSchema = z.object({
  code: z.enum(ASSESSMENT_COMPONENTS),
  raw: z.number().nullable(),
  normalised: z.number(),
  weight: z.number(),
  points: z.number(),
});

export const RankedUnitSchema = z.object({
  code: z.string(),
  name: z.string(),
  score: z.number(),
  rank: z.number().int(),
  breakdown: z.array(ComponentScoreSchema),
  strongest: z.enum(ASSESSMENT_COMPONENTS).nullable(),
  weakest: z.enum(ASSESSMENT_COMPONENTS).nullable(),
  missing: z.array(z.enum(ASSESSMENT_COMPONENTS)),
});

export const AssessmentViewSchema = z.object({
  id: z.string().nullable(),
  regencyCode: z.string(),
  year: z.number().int(),
  /**
   * none: not computed yet for the year (empty lists); live: computed now, not stored (the CLI); draft:
   * stored, not yet confirmed; published: confirmed by the TPPS (shown on the public page).
   */
  status: z.enum(["none", "live", "draft", "published"]),
  method: z.object({
    components: z.array(MethodComponent),
    note: z.string(),
  }),
  computedAt: z.string(),
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
  desa: z.array(RankedUnitSchema),
  kecamatan: z.array(RankedUnitSchema),
});
export type AssessmentView = z.infer<typeof AssessmentViewSchema>;
