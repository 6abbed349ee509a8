// The indicators feature's tables as Kysely sees them (see db/schema.ts for the conventions).
import type { Generated } from "kysely";

export interface IndicatorValuesTable {
  id: string;
  indicator_id: string;
  region_code: string;
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
  entered_at: string;
  entered_by: string | null;
  entered_by_name: string | null;
  superseded_at: string | null;
  superseded_by: string | null;
}

/** Per desa (children's home) and period: counts of children 0–59 months; see features/indicators/aggregates. */
export interface IndicatorDesaPeriodsTable {
  desa_code: string;
  period: string;
  registered: number;
  measured: number;
  flagged: number;
  len_n: number;
  stunted: number;
  wei_n: number;
  underweight: number;
  wfl_n: number;
  wasted: number;
}

export interface IndicatorDesaHouseholdsTable {
  desa_code: string;
  households: number;
  safe_water: number;
  proper_sanitation: number;
}

export interface IndicatorDirtyTable {
  desa_code: string;
}

/** Scorecard-based indicator counts of one desa in one month (features/indicators/service-aggregates). */
export interface IndicatorDesaServicesTable {
  desa_code: string;
  period: string;
  code: string;
  numerator: number;
  denominator: number;
}

/**
 * One row (id 1): when the per-desa figures were last rebuilt (features/indicators/freshness), and how many
 * times (`generation`, counted by a trigger on built_at; ./figures-cache).
 */
export interface IndicatorFreshnessTable {
  id: number;
  built_at: string;
  generation: Generated<number>;
}

/** Survey prevalence per region and year (Paser Pasal 6(2)), ./survey-figures. */
export interface SurveyFiguresTable {
  id: string;
  region_code: string;
  year: number;
  survey: string;
  value: number;
  ci_lower: number | null;
  ci_upper: number | null;
  source: string;
  entered_at: string;
  entered_by: string | null;
}

export interface IndicatorsTables {
  indicator_values: IndicatorValuesTable;
  indicator_desa_periods: IndicatorDesaPeriodsTable;
  indicator_desa_households: IndicatorDesaHouseholdsTable;
  indicator_dirty: IndicatorDirtyTable;
  indicator_desa_services: IndicatorDesaServicesTable;
  indicator_freshness: IndicatorFreshnessTable;
  survey_figures: SurveyFiguresTable;
}
