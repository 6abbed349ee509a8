import {
  type AchievementRow,
  type Actor,
  type AssessmentUnit,
  type DashboardRow,
  REPORT_KINDS,
  REPORT_KINDS_LIST,
  type ReportKind,
  readScopes,
  reportDueOn,
  shiftPeriod,
  stagesOf,
  stuntingShare,
  todayIso,
} from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { getDashboard } from "../indicators/service";
import { planningOverview } from "../planning/service";
import { issuedReportsOf } from "../reports/service";
import { buildScorecard } from "../services/service";
import { kecamatanOf, unitsUnder } from "./repository";

/**
 * The raw figures of every desa and kecamatan of a regency for a year, each from the feature that owns it:
 * convergence from the scorecard (features/services, one yearly scorecard per kecamatan: its areas are the
 * desa), data completeness (D/S: children measured ÷ registered) and indicator achievement (share of the
 * catalog indicators with data that reach their target) from the indicator dashboard (features/indicators),
 * planning on time and the APB Desa stunting share from the planning overview (features/planning), reports
 * on time from the reports feature.
 */
export async function assessmentInputs(
  db: Kysely<Database>,
  actor: Actor,
  regency: string,
  year: number,
  today = todayIso(),
): Promise<{ desa: AssessmentUnit[]; kecamatan: AssessmentUnit[]; achievements: AchievementRow[] }> {
  const scopes = readScopes(actor);
  const kecamatan = await kecamatanOf(db, scopes, regency);
  const period = String(year);
  const desa: AssessmentUnit[] = [];
  const kec: AssessmentUnit[] = [];
  const overview = await planningOverview(db, actor, regency, year);
  const planningOf = new Map(overview.rows.map((r) => [r.regionCode, r]));
  const onTime = await reportsOnTime(db, regency, year, today);
  const regencyDash = await getDashboard(db, actor, { region: regency, period });
  const kecDash = new Map(regencyDash.rows.map((r) => [r.region.code, r]));
  for (const k of kecamatan) {
    const { view: card } = await buildScorecard(db, actor, k.code, period);
    const dash = await getDashboard(db, actor, { region: k.code, period });
    const dashOf = new Map(dash.rows.map((r) => [r.region.code, r]));
    const villages = overview.rows.filter((r) => r.kecamatanCode === k.code);
    const areaOf = new Map(card.areas.map((a) => [a.code, a]));
    // Every village is assessed, also one without a single target on the scorecard (it scores 0 there).
    for (const village of villages) {
      const p = planningOf.get(village.regionCode);
      desa.push({
        code: village.regionCode,
        name: village.regionName,
        raw: {
          convergence: areaOf.get(village.regionCode)?.totals.percent ?? null,
          planning_on_time: p ? planningPercent(p.kind, p.lateStages.length) : null,
          apb_stunting_share: p?.stuntingShare ?? null,
          ...dashboardFigures(dashOf.get(village.regionCode)),
          reports_on_time: onTime.get(village.regionCode) ?? null,
        },
      });
    }
    const apb = villages.filter((v) => v.apbTotal !== null);
    kec.push({
      code: k.code,
      name: k.name,
      raw: {
        convergence: card.totals.percent,
        planning_on_time: villages.length
          ? mean(villages.map((v) => planningPercent(v.kind, v.lateStages.length)))
          : null,
        apb_stunting_share: stuntingShare(
          apb.reduce((s, v) => s + v.stuntingBudget, 0),
          apb.length ? apb.reduce((s, v) => s + (v.apbTotal ?? 0), 0) : null,
        ),
        ...dashboardFigures(kecDash.get(k.code)),
        reports_on_time: onTime.get(k.code) ?? null,
      },
    });
  }
  // The regency's achievement against each catalog target, kept with the scores for the public page.
  const achievements = regencyDash.indicators.map(
    (f): AchievementRow => ({
      indicatorId: f.indicatorId,
      text: f.text,
      targetOriginal: f.targetOriginal,
      target: f.target,
      direction: f.direction,
      value: f.value,
      numerator: f.numerator,
      denominator: f.denominator,
      status: f.status,
    }),
  );
  return { desa, kecamatan: kec, achievements };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Share of the cycle's stages not late (100 = every deadline kept so far). */
function planningPercent(kind: "desa" | "kelurahan", late: number): number {
  const n = stagesOf(kind).length;
  return (100 * (n - late)) / n;
}

function dashboardFigures(row: DashboardRow | undefined) {
  if (!row) return { data_completeness: null, indicator_achievement: null };
  const figures = Object.values(row.figures).filter((f) => f.status !== "none");
  return {
    data_completeness: row.panel.coverage.value,
    indicator_achievement: figures.length
      ? (100 * figures.filter((f) => f.status === "green").length) / figures.length
      : null,
  };
}

/**
 * Per desa/kecamatan: of the reports its level owes whose due day fell in the year and has passed, the
 * share issued by the due day (a missing report counts as late). The M&E event (monev_event) is not owed
 * on a calendar, so it is left out.
 */
async function reportsOnTime(
  db: Kysely<Database>,
  regency: string,
  year: number,
  today: string,
): Promise<Map<string, number>> {
  const owed = REPORT_KINDS_LIST.filter((k) => k !== "monev_event" && REPORT_KINDS[k].recipient === "parent");
  const issued = await issuedReportsOf(db, regency);
  const byKey = new Map<string, string>();
  for (const r of issued) {
    const key = `${r.kind}|${r.regionCode}|${r.period}`;
    const first = byKey.get(key);
    if (!first || r.issuedAt < first) byKey.set(key, r.issuedAt);
  }
  const regions = await unitsUnder(db, regency);
  const result = new Map<string, number>();
  for (const region of regions) {
    let due = 0;
    let kept = 0;
    for (const kind of owed.filter((k) => REPORT_KINDS[k].levels.includes(region.level as "desa"))) {
      for (const period of periodsDueIn(kind, year, today)) {
        due += 1;
        const at = byKey.get(`${kind}|${region.code}|${period}`);
        if (at && at.slice(0, 10) <= reportDueOn(kind, period)) kept += 1;
      }
    }
    if (due > 0) result.set(region.code, (100 * kept) / due);
  }
  return result;
}

/** Periods of the kind whose due day lies in the year and is not after today. */
function periodsDueIn(kind: ReportKind, year: number, today: string): string[] {
  const unit = REPORT_KINDS[kind].period;
  const first =
    unit === "year"
      ? String(year - 1)
      : unit === "month"
        ? `${year - 1}-12`
        : unit === "quarter"
          ? `${year - 1}-Q4`
          : `${year - 1}-S2`;
  const out: string[] = [];
  for (let p = first; Number(p.slice(0, 4)) <= year; p = shiftPeriod(p, 1)) {
    const due = reportDueOn(kind, p);
    if (due.startsWith(String(year)) && due <= today) out.push(p);
  }
  return out;
}
