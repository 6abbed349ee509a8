import { z } from "zod";
import type { Achievement } from "./achievement";
import type { IndicatorSource, TargetKind } from "./catalog-schema";
import { Period } from "./periods";

/** The wire contract of the indicator dashboards (server → web, CLI). */

export interface RegionRef {
  code: string;
  name: string;
  level: string;
}

export interface EnteredInfo {
  id: string;
  enteredAt: string;
  enteredBy: string | null;
  note: string | null;
}

export interface IndicatorFigure extends Achievement {
  indicatorId: string;
  text: string;
  source: IndicatorSource;
  targetOriginal: string;
  targetKind: TargetKind;
  responsible: string[];
  mode: "computed" | "entered";
  computation: string | null;
  /** For an entered figure: who entered it and when (null when none entered for the period). */
  entered: EnteredInfo | null;
}

/** One computation at one region: counts, percent and 95% interval. */
export interface Prevalence {
  computation: string;
  numerator: number;
  denominator: number;
  value: number | null;
  ci: { lower: number; upper: number } | null;
}

export interface ChildPanel {
  stunting: Prevalence;
  wasting: Prevalence;
  underweight: Prevalence;
  coverage: Prevalence;
  /** Measured children whose latest measurement carries a WHO flag (left out of the prevalence it concerns). */
  flagged: number;
}

export interface TrendPoint {
  period: string;
  numerator: number;
  denominator: number;
  value: number | null;
}

export interface DashboardRow {
  region: RegionRef;
  panel: ChildPanel;
  /** Per catalog indicator id: value and status at this region. */
  figures: Record<string, { value: number | null; status: Achievement["status"] }>;
}

export interface DashboardView {
  region: RegionRef;
  /** Regency → … → this region, for the breadcrumb. */
  path: RegionRef[];
  period: string;
  panel: ChildPanel;
  indicators: IndicatorFigure[];
  /** Monthly trend per computation (the 24 months ending with the period). */
  trends: Record<string, TrendPoint[]>;
  /** The next level down (kecamatan of a regency, desa of a kecamatan); empty for a desa. */
  rows: DashboardRow[];
  /** Responsible agencies named in the catalog, for the per-agency view. */
  agencies: string[];
  catalog: { regulation: string; source: "catalog" };
}

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
      });
    } else if (hasFraction && (v.numerator as number) > (v.denominator as number)) {
      ctx.addIssue({
        code: "custom",
        path: ["numerator"],
        message: "numerator: larger than the denominator",
      });
    } else if (!hasFraction && v.value == null) {
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        message: "value: give a value or a numerator and denominator",
      });
    }
  });
export type IndicatorValueInput = z.infer<typeof IndicatorValueInput>;

export interface IndicatorValueView {
  id: string;
  indicatorId: string;
  regionCode: string;
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
  enteredAt: string;
  enteredBy: string | null;
  supersededAt: string | null;
}

/** One row of the yearly public publication: counts of children, small cells suppressed (null). */
export interface PublicationRow {
  code: string;
  name: string;
  level: "kabupaten" | "kecamatan" | "desa";
  parent: string | null;
  registered: number | null;
  measured: number | null;
  stunted: number | null;
  wasted: number | null;
  underweight: number | null;
  /** Percent; null when its counts are suppressed or nobody was measured. */
  coverage: number | null;
  stunting: number | null;
  wasting: number | null;
  underweightPct: number | null;
}

export interface PublicationView {
  regency: RegionRef;
  year: number;
  generatedAt: string;
  rows: PublicationRow[];
}
