import type { Actor, DashboardView, Overview, ReportFigure, ReportKind, ScorecardView } from "@tumbuh/core";
import { parsePeriod } from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { getDashboard } from "../../indicators/service";
import { planningOverview } from "../../planning/service";
import { buildScorecard } from "../../services/service";

export interface RegionRef {
  code: string;
  name: string;
  level: string;
}

/**
 * What a section builder needs: the report's region and period and the other features' figures, each
 * computed at most once per assembly (a regency report reads the scorecard for several sections).
 */
export interface SectionContext {
  db: Kysely<Database>;
  actor: Actor;
  kind: ReportKind;
  region: RegionRef;
  period: string;
  /** The KPM scorecard of the region and period (features/services). */
  scorecard(): Promise<ScorecardView>;
  /** The indicator dashboard (features/indicators) at `indicatorPeriod`. */
  dashboard(): Promise<DashboardView>;
  /** The planning overview of the period's year (features/planning). */
  planning(): Promise<Overview>;
  /** The period the indicator dashboard is read at (it knows months and years only). */
  indicatorPeriod: string;
}

/**
 * Indicators are kept per month and per year: a month or a year is read as itself; a quarter or semester as
 * its last month, the state at the period's end (said so in the section's note).
 */
export function indicatorPeriodOf(period: string): string {
  const p = parsePeriod(period);
  if (!p || p.kind === "year" || p.kind === "month") return period;
  const last = p.firstMonth + p.length - 1;
  return `${p.year}-${String(last).padStart(2, "0")}`;
}

function once<T>(f: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => {
    p ??= f();
    return p;
  };
}

export function sectionContext(
  db: Kysely<Database>,
  actor: Actor,
  kind: ReportKind,
  region: RegionRef,
  period: string,
): SectionContext {
  const indicatorPeriod = indicatorPeriodOf(period);
  const year = Number(period.slice(0, 4));
  return {
    db,
    actor,
    kind,
    region,
    period,
    indicatorPeriod,
    scorecard: once(async () => (await buildScorecard(db, actor, region.code, period)).view),
    dashboard: once(() => getDashboard(db, actor, { region: region.code, period: indicatorPeriod })),
    planning: once(() => planningOverview(db, actor, region.code, year)),
  };
}

export function fig(
  key: string,
  label: string,
  unit: ReportFigure["unit"],
  value: number | null,
  text: string | null = null,
): ReportFigure {
  return { key, label, unit, value, text };
}
