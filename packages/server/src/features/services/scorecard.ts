import {
  type Actor,
  addDays,
  catalogForRegion,
  desaCodeOf,
  explainCell,
  inGroup,
  LEVELS,
  type Level,
  monthEnd,
  monthStart,
  monthsOfPeriod,
  pregnancySignals,
  type RecordedService,
  RULES,
  readScopes,
  type ScorecardCellView,
  type ScorecardRow,
  type ScorecardRowView,
  type ScorecardTarget,
  type ScorecardView,
  type ServiceFact,
  scoreTargets,
  shiftMonth,
  totalsOf,
} from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { errors } from "../../errors";
import { householdSanitationOf } from "../households/service";
import { measurementDaysInRegion } from "../measurements/service";
import { personsInRegionBornBetween } from "../persons/service";
import { pregnanciesInRegion } from "../pregnancies/service";
import { findRegion, findRegionsByCode } from "../regions/service";
import { serviceRecordsInRegion } from "./repository";

/** The area level under each level for the per-area totals (kecamatan → desa, regency → kecamatan, …). */
function areaDepth(level: Level): number | null {
  if (level === "dusun" || level === "posyandu") return null;
  return LEVELS.indexOf(level) + 2; // a region code of level i has i + 1 segments
}

/**
 * What the rules need about every target of a region for a period. Reads each table once for the whole
 * region (persons, pregnancies, households, measurements, service records).
 */
export async function gatherTargets(db: Kysely<Database>, actor: Actor, regionCode: string, period: string) {
  const scopes = readScopes(actor);
  const region = await findRegion(db, scopes, regionCode);
  if (!region) throw errors.notFound();
  const months = monthsOfPeriod(period);
  const first = months[0] as string;
  const last = months.at(-1) as string;
  const from = monthStart(first);
  const to = monthEnd(last);
  const catalog = catalogForRegion(regionCode);

  const children = await personsInRegionBornBetween(
    db,
    scopes,
    regionCode,
    addDays(monthStart(shiftMonth(first, -(RULES.paudToMonths + 1))), 1),
    to,
  );
  // A pregnancy stays on the scorecard through nifas, or 4 weeks past the expected date without an outcome.
  const pregnancies = await pregnanciesInRegion(db, scopes, regionCode, from, to, RULES.nifasDays + 28);
  const windowFrom = monthStart(shiftMonth(first, -(RULES.measurementWindowMonths - 1)));
  // Weighing and length count for children 0–23 months only.
  const measured = await measurementDaysInRegion(
    db,
    scopes,
    regionCode,
    windowFrom,
    to,
    addDays(monthStart(shiftMonth(first, -(RULES.child0to23ToMonths + 1))), 1),
  );
  // Only what the rules look at: the period's events; ANC and post-partum checks back to the last period
  // (≤ 11 months); immunisations back to birth (≤ 24 months); states (JKN, birth certificate) any time.
  const records = await serviceRecordsInRegion(db, scopes, regionCode, to, {
    events: from,
    pregnancy: monthStart(shiftMonth(first, -11)),
    immunisation: monthStart(shiftMonth(first, -(RULES.child0to23ToMonths + 1))),
  });
  const households = await householdSanitationOf(
    db,
    scopes,
    regionCode,
    [...children.map((c) => c.household_id), ...pregnancies.map((p) => p.household_id)].filter(
      (h): h is string => h !== null,
    ),
  );

  const factsByPerson = new Map<string, ServiceFact[]>();
  for (const r of records) {
    let list = factsByPerson.get(r.person_id);
    if (!list) {
      list = [];
      factsByPerson.set(r.person_id, list);
    }
    list.push({
      service: r.service as RecordedService,
      givenOn: r.given_on,
      detail: r.detail,
      received: r.received === 1,
      quantity: r.quantity,
    });
  }
  const none = { weighedOn: [], lengthOn: [], nutrition: [] };
  const targets: ScorecardTarget[] = [];
  for (const c of children) {
    const days = measured.get(c.id) ?? none;
    targets.push({
      personId: c.id,
      name: c.name,
      regionCode: c.region_code,
      facts: {
        birthDate: c.birth_date,
        birthLengthKnown: c.birth_length_cm !== null,
        pregnancy: null,
        household: (c.household_id && households.get(c.household_id)) || null,
        weighedOn: days.weighedOn,
        lengthOn: days.lengthOn,
        nutrition: days.nutrition,
        records: factsByPerson.get(c.id) ?? [],
      },
    });
  }
  for (const p of pregnancies) {
    targets.push({
      personId: p.person_id,
      name: p.name,
      regionCode: p.region_code,
      facts: {
        birthDate: p.birth_date,
        birthLengthKnown: false,
        pregnancy: {
          lmpDate: p.lmp_date,
          eddDate: p.edd_date,
          endedOn: p.ended_on,
          outcome: p.outcome,
          kek: pregnancySignals({ muacCm: p.muac_cm, hbGdl: null }).kek,
          highRisk: p.high_risk === 1,
        },
        household: (p.household_id && households.get(p.household_id)) || null,
        weighedOn: [],
        lengthOn: [],
        records: factsByPerson.get(p.person_id) ?? [],
      },
    });
  }
  return { region, catalog, months, targets };
}

/** The KPM convergence scorecard of a region for a period: core scores every target × indicator × month. */
export async function buildScorecard(
  db: Kysely<Database>,
  actor: Actor,
  regionCode: string,
  period: string,
  options: { rows?: boolean } = {},
): Promise<{ view: ScorecardView; rows: ScorecardRow[] }> {
  const { region, catalog, months, targets } = await gatherTargets(db, actor, regionCode, period);
  // Children carry no pregnancy and women are far past the child groups' ages: each lands in its own groups.
  const rows = scoreTargets(catalog, period, targets);
  // Plain code-unit order: localeCompare costs a quarter of a second on a regency's 35,000 rows.
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  rows.sort((a, b) => cmp(a.regionCode, b.regionCode) || cmp(a.group, b.group) || cmp(a.name, b.name));

  const depth = areaDepth(region.level);
  const areas: ScorecardView["areas"] = [];
  if (depth !== null) {
    const byArea = new Map<string, ScorecardRow[]>();
    for (const r of rows) {
      const code = r.regionCode.split(".").slice(0, depth).join(".");
      // A person registered at the region itself (no posyandu) is its own area.
      let list = byArea.get(code);
      if (!list) {
        list = [];
        byArea.set(code, list);
      }
      list.push(r);
    }
    const names = new Map((await findRegionsByCode(db, [...byArea.keys()])).map((r) => [r.code, r.name]));
    for (const [code, list] of [...byArea].sort(([a], [b]) => a.localeCompare(b))) {
      areas.push({ code, name: names.get(code) ?? code, totals: totalsOf(catalog, list) });
    }
  }
  const withRows = options.rows ?? ["desa", "dusun", "posyandu"].includes(region.level);
  const view: ScorecardView = {
    regionCode: region.code,
    regionName: region.name,
    regionLevel: region.level,
    period,
    months,
    catalog: { key: catalog.key, regulation: catalog.regulation, packages: [...catalog.packages] },
    totals: totalsOf(catalog, rows),
    rows: withRows ? rows.map(toRowView) : null,
    areas,
  };
  return { view, rows };
}

function toRowView(r: ScorecardRow): ScorecardRowView {
  let y = 0;
  let t = 0;
  let ts = 0;
  for (const cells of Object.values(r.cells)) {
    for (const c of cells) {
      if (c === "Y") y++;
      else if (c === "T") t++;
      else if (c === "TS") ts++;
    }
  }
  return {
    ...r,
    desaCode: desaCodeOf(r.regionCode),
    y,
    t,
    ts,
    percent: y + t === 0 ? null : (y / (y + t)) * 100,
  };
}

/**
 * Why one target's cells of one indicator are what they are, month by month (what was due and by when, what
 * was recorded, the rule and its source) — what a KPM sees on tapping a cell.
 */
export async function explainScorecardCell(
  db: Kysely<Database>,
  actor: Actor,
  regionCode: string,
  period: string,
  personId: string,
  indicatorCode: string,
): Promise<ScorecardCellView> {
  const { catalog, months, targets } = await gatherTargets(db, actor, regionCode, period);
  const indicator = catalog.indicators.find((i) => i.code === indicatorCode);
  if (!indicator) throw errors.validation("indicator", "indicator: not an indicator of this scorecard");
  const target =
    targets.find(
      (t) => t.personId === personId && inGroup(indicator.group, t.facts, months.at(-1) as string),
    ) ?? targets.find((t) => t.personId === personId);
  if (!target) throw errors.notFound();
  return {
    personId: target.personId,
    name: target.name,
    indicator: {
      code: indicator.code,
      short: indicator.short,
      label: indicator.label,
      group: indicator.group,
    },
    months: months.map((m) => explainCell(catalog, indicator, target.facts, m)),
  };
}
