import {
  type Actor,
  nowIso,
  REPORT_KINDS,
  type ReportFigures,
  type ReportKind,
  type ReportSection,
  type ReportSectionView,
} from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { type RegionRef, type SectionContext, sectionContext } from "./sections/context";
import {
  caseAuditsSection,
  catinSection,
  familiesSection,
  indicatorsSection,
  prevalenceSection,
} from "./sections/indicators";
import { budgetSection, planningSection } from "./sections/planning";
import { receivedSection } from "./sections/received";
import { scorecardAreasSection, scorecardSection } from "./sections/scorecard";
import { skdnSection } from "./sections/skdn";
import { targetsSection } from "./sections/targets";
import { tikaSection } from "./sections/tika";

const BUILDERS: Record<ReportSection, (ctx: SectionContext) => Promise<ReportSectionView>> = {
  targets_1000hpk: targetsSection,
  scorecard: scorecardSection,
  scorecard_areas: scorecardAreasSection,
  indicators: indicatorsSection,
  prevalence: prevalenceSection,
  tika: tikaSection,
  skdn: skdnSection,
  planning: planningSection,
  budget: budgetSection,
  families: familiesSection,
  catin: catinSection,
  case_audits: caseAuditsSection,
  reports_received: receivedSection,
};

/**
 * The figures of a report of this kind, region and period, assembled now from what the other features
 * compute (scorecard, indicators, planning, pregnancies): the kind's sections in its order. The caller
 * has checked the region is readable; every read below also carries the actor's scopes.
 */
export async function assembleFigures(
  db: Kysely<Database>,
  actor: Actor,
  kind: ReportKind,
  region: RegionRef,
  period: string,
): Promise<ReportFigures> {
  const ctx = sectionContext(db, actor, kind, region, period);
  const sections: ReportSectionView[] = [];
  // In order, one at a time: sections share the memoised scorecard and dashboard.
  for (const code of REPORT_KINDS[kind].sections) sections.push(await BUILDERS[code](ctx));
  return { assembledAt: nowIso(), sections };
}
