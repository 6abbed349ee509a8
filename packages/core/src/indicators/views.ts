import { z } from "zod";
import { AchievementSchema, IntervalSchema } from "./achievement";
import { IndicatorSource, TargetKind } from "./catalog-schema";
import { Period } from "./periods";
import { SurveyFigureViewSchema } from "./survey";
import { TRAFFIC_LIGHTS } from "./traffic-light";

/** The wire contract of the indicator dashboards (server → web, CLI). */

export const RegionRefSchema = z.object({ code: z.string(), name: z.string(), level: z.string() });
export type RegionRef = z.infer<typeof RegionRefSchema>;

export const EnteredInfoSchema = z.object({
  id: z.string(),
  enteredAt: z.string(),
  enteredBy: z.string().nullable(),
  note: z.string().nullable(),
});
export type EnteredInfo = z.infer<typeof EnteredInfoSchema>;

export const IndicatorFigureSchema = AchievementSchema.extend({
  indicatorId: z.string(),
  text: z.string(),
  source: IndicatorSource,
  targetOriginal: z.string(),
  targetKind: TargetKind,
  responsible: z.array(z.string()),
  mode: z.enum(["computed", "entered"]),
  computation: z.string().nullable(),
  /** For an entered figure: who entered it and when (null when none entered for the period). */
  entered: EnteredInfoSchema.nullable(),
});
export type IndicatorFigure = z.infer<typeof IndicatorFigureSchema>;

/** One computation at one region: counts, percent and 95% interval. */
export const PrevalenceSchema = z.object({
  computation: z.string(),
  numerator: z.number(),
  denominator: z.number(),
  value: z.number().nullable(),
  ci: IntervalSchema.nullable(),
});
export type Prevalence = z.infer<typeof PrevalenceSchema>;

export const ChildPanelSchema = z.object({
  stunting: PrevalenceSchema,
  wasting: PrevalenceSchema,
  underweight: PrevalenceSchema,
  coverage: PrevalenceSchema,
  /** Measured children whose latest measurement carries a WHO flag (left out of the prevalence it concerns). */
  flagged: z.number(),
});
export type ChildPanel = z.infer<typeof ChildPanelSchema>;

export const TrendPointSchema = z.object({
  period: z.string(),
  numerator: z.number(),
  denominator: z.number(),
  value: z.number().nullable(),
});
export type TrendPoint = z.infer<typeof TrendPointSchema>;

export const DashboardRowSchema = z.object({
  region: RegionRefSchema,
  panel: ChildPanelSchema,
  /** Per catalog indicator id: value and status at this region. */
  figures: z.record(z.string(), z.object({ value: z.number().nullable(), status: z.enum(TRAFFIC_LIGHTS) })),
});
export type DashboardRow = z.infer<typeof DashboardRowSchema>;

/**
 * How fresh the per-desa figures are: they are rebuilt in the background (issue 18), so a page shows the
 * last built figures with "diperbarui … lalu", and "sedang diperbarui" while a rebuild is waiting or running.
 */
export const FiguresFreshnessSchema = z.object({
  /** When the last rebuild finished (ISO timestamp); null when never built. */
  builtAt: z.string().nullable(),
  /** Changes are waiting for a rebuild (one is queued or running). */
  updating: z.boolean(),
});
export type FiguresFreshness = z.infer<typeof FiguresFreshnessSchema>;

export const DashboardViewSchema = z.object({
  region: RegionRefSchema,
  /** Regency → … → this region, for the breadcrumb. */
  path: z.array(RegionRefSchema),
  period: z.string(),
  panel: ChildPanelSchema,
  indicators: z.array(IndicatorFigureSchema),
  /** Monthly trend per computation (the 24 months ending with the period). */
  trends: z.record(z.string(), z.array(TrendPointSchema)),
  /** The next level down (kecamatan of a regency, desa of a kecamatan); empty for a desa. */
  rows: z.array(DashboardRowSchema),
  /** Responsible agencies named in the catalog, for the per-agency view. */
  agencies: z.array(z.string()),
  catalog: z.object({ regulation: z.string(), source: z.literal("catalog") }),
  freshness: FiguresFreshnessSchema,
  /** Survey prevalence (SSGI/SKI) of the period's year for the region's regency or province (Paser Pasal 6(2)). */
  surveys: z.array(SurveyFigureViewSchema).optional(),
});
export type DashboardView = z.infer<typeof DashboardViewSchema>;

export const DashboardQuery = z.strictObject({
  region: z.string().min(1).max(40),
  period: Period,
  agency: z.string().max(200).optional(),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

export const IndicatorValueInput = z
  .strictObject({
    indicatorId: z.string().min(1).max(100),
    regionCode: z.string().min(1).max(40),
    period: Period,
    value: z.number().finite().nullable().optional(),
    numerator: z.number().finite().min(0).nullable().optional(),
    denominator: z.number().finite().positive().nullable().optional(),
    note: z.string().max(1000).nullable().optional(),
  })
  .superRefine((v, ctx) => {
    const hasFraction = v.numerator != null || v.denominator != null;
    if (hasFraction && (v.numerator == null || v.denominator == null)) {
      ctx.addIssue({
        code: "custom",
        path: [v.numerator == null ? "numerator" : "denominator"],
        message: "numerator and denominator go together",
        params: { reason: "fraction_incomplete" },
      });
    } else if (hasFraction && (v.numerator as number) > (v.denominator as number)) {
      ctx.addIssue({
        code: "custom",
        path: ["numerator"],
        message: "numerator: larger than the denominator",
        params: { reason: "numerator_above_denominator" },
      });
    } else if (!hasFraction && v.value == null) {
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        message: "value: give a value or a numerator and denominator",
        params: { reason: "value_missing" },
      });
    }
  });
export type IndicatorValueInput = z.infer<typeof IndicatorValueInput>;

export const IndicatorValueViewSchema = z.object({
  id: z.string(),
  indicatorId: z.string(),
  regionCode: z.string(),
  period: z.string(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  note: z.string().nullable(),
  enteredAt: z.string(),
  enteredBy: z.string().nullable(),
  supersededAt: z.string().nullable(),
});
export type IndicatorValueView = z.infer<typeof IndicatorValueViewSchema>;

/** One row of the yearly public publication: counts of children, small cells suppressed (null). */
export const PublicationRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(["kabupaten", "kecamatan", "desa"]),
  parent: z.string().nullable(),
  registered: z.number().nullable(),
  measured: z.number().nullable(),
  stunted: z.number().nullable(),
  wasted: z.number().nullable(),
  underweight: z.number().nullable(),
  /** Percent; null when its counts are suppressed or nobody was measured. */
  coverage: z.number().nullable(),
  stunting: z.number().nullable(),
  wasting: z.number().nullable(),
  underweightPct: z.number().nullable(),
});
export type PublicationRow = z.infer<typeof PublicationRowSchema>;

export const PublicationViewSchema = z.object({
  regency: RegionRefSchema,
  year: z.number(),
  generatedAt: z.string(),
  rows: z.array(PublicationRowSchema),
  freshness: FiguresFreshnessSchema,
});
export type PublicationView = z.infer<typeof PublicationViewSchema>;
