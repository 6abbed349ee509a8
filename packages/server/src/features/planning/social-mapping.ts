import {
  type Actor,
  catalogForRegion,
  type FamiliesAtRisk,
  levelOfCode,
  type MappingLabel,
  monthOf,
  presentOn,
  readScopes,
  SCORE_GROUPS,
  type ScorecardGaps,
  type ScorecardRow,
  type SocialMapping,
  type SocialMappingUnit,
  semesterOf,
  shiftMonth,
  TARGET_ROLES,
  type TargetRole,
  TOP_GAPS,
  TOP_REASONS,
  totalsOf,
} from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";
import { errors } from "../../errors";
import { listFamilies } from "../families/service";
import { registryLists } from "../measurements/service";
import { summariesWithFacts } from "../persons/service";
import { todayIso } from "../region-guard";
import { findRegion, listChildren } from "../regions/service";
import { buildScorecard } from "../services/service";

/**
 * The social-mapping data a meeting works from (PALI Pasal 9(2), 10(2) a; Paser Pasal 30(1), 31(2)):
 * per dusun/posyandu, the 1000-HPK and other priority targets (Paser Pasal 5, from the registry via
 * core/targets.ts) and the children stunted or not measured for two months (from the posyandu lists).
 *
 * Also the KPM scorecard gaps of the latest complete month (issue 6, PALI Pasal 30b, 37: convergence %
 * per target group and the indicators most often not received) and the families at risk of stunting in
 * the current semester (issue 8, Paser Pasal 13; BKKBN Verval KRS). Both come through their features'
 * own read functions (`buildScorecard`, `listFamilies`), never their tables.
 */
function emptyCounts(period = "", semester = ""): Omit<SocialMappingUnit, "code" | "name"> {
  return {
    targets: Object.fromEntries(TARGET_ROLES.map((r) => [r, 0])) as Record<TargetRole, number>,
    children0to59: 0,
    stunted: 0,
    notMeasured2m: 0,
    scorecard: { period, percent: null, groups: [], topGaps: [] },
    families: { semester, screened: 0, atRisk: 0, topReasons: [] },
  };
}

/** Convergence per group and the indicators with most T, from scorecard rows (core's `totalsOf`). */
function gapsOf(period: string, desaCode: string, rows: readonly ScorecardRow[]): ScorecardGaps {
  const catalog = catalogForRegion(desaCode);
  const totals = totalsOf(catalog, rows);
  const byCode = new Map(catalog.indicators.map((i) => [i.code, i]));
  const gaps: ScorecardGaps["topGaps"] = [];
  for (const g of totals.groups) {
    for (const [code, tally] of Object.entries(g.indicators)) {
      const ind = byCode.get(code);
      if (ind && tally.t > 0)
        gaps.push({ code, group: g.group, short: ind.short, label: ind.label, t: tally.t });
    }
  }
  gaps.sort((a, b) => b.t - a.t || a.code.localeCompare(b.code));
  return {
    period,
    percent: totals.percent,
    groups: SCORE_GROUPS.map((group) => {
      const g = totals.groups.find((x) => x.group === group);
      return { group, targets: g?.targets ?? 0, percent: g?.percent ?? null };
    }).filter((g) => g.targets > 0),
    topGaps: gaps.slice(0, TOP_GAPS),
  };
}

type FamilyRow = { atRisk: boolean; reasons: { ruleId: string; label: MappingLabel }[] };

function familiesOf(semester: string, rows: readonly FamilyRow[]): FamiliesAtRisk {
  const reasons = new Map<string, FamiliesAtRisk["topReasons"][number]>();
  for (const r of rows) {
    if (!r.atRisk) continue;
    for (const x of r.reasons) {
      const e = reasons.get(x.ruleId) ?? { ruleId: x.ruleId, label: x.label, count: 0 };
      e.count += 1;
      reasons.set(x.ruleId, e);
    }
  }
  return {
    semester,
    screened: rows.length,
    atRisk: rows.filter((r) => r.atRisk).length,
    topReasons: [...reasons.values()]
      .sort((a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId))
      .slice(0, TOP_REASONS),
  };
}

function groupBy<T extends { regionCode: string }>(desaCode: string, rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const key = unitOf(desaCode, r.regionCode);
    const list = out.get(key) ?? [];
    list.push(r);
    out.set(key, list);
  }
  return out;
}

/** The unit directly under the desa a code lies in ("64.01.05.2003.P01.x" → "64.01.05.2003.P01"). */
function unitOf(desaCode: string, code: string): string {
  if (code === desaCode) return desaCode;
  const next = code.slice(desaCode.length + 1).split(".")[0];
  return `${desaCode}.${next}`;
}

/** The figures of a desa as of a date: today's for the planning page, a meeting's date for its snapshot. */
export async function socialMappingOf(
  db: Kysely<Database>,
  actor: Actor,
  desaCode: string,
  asOf: string = todayIso(),
): Promise<SocialMapping> {
  const scopes = readScopes(actor);
  const desa = await findRegion(db, scopes, desaCode);
  if (!desa) throw errors.notFound();
  // The latest complete month: a meeting on 22 November looks at October's scorecard.
  const period = shiftMonth(monthOf(asOf), -1);
  const semester = semesterOf(asOf);
  const empty = () => emptyCounts(period, semester);
  const children = await listChildren(db, scopes, desaCode);
  const units = new Map<string, SocialMappingUnit>();
  units.set(desaCode, { code: desaCode, name: desa.name, ...empty() });
  for (const c of children) units.set(c.code, { code: c.code, name: c.name, ...empty() });
  const unit = (code: string) => {
    const key = unitOf(desaCode, code);
    let u = units.get(key);
    if (!u) {
      u = { code: key, name: key, ...empty() };
      units.set(key, u);
    }
    return u;
  };

  const persons = await db
    .selectFrom("persons")
    .selectAll()
    .where("deleted_at", "is", null)
    .where("merged_into", "is", null)
    .where(withinScopes("region_code", scopes))
    .where(withinScopes("region_code", [desaCode]))
    .execute()
    // Who moved away or died is no longer a target here (core presentOn, issue 17), as in the lists.
    .then((rows) => rows.filter((p) => presentOn({ leftOn: p.left_on }, asOf)));
  // A child is registered at the posyandu that weighs him, his family at the dusun where it lives: counted
  // by the posyandu, the dusun rows had families without children and the posyandu rows children without
  // families (issue 17). Everyone is counted where their household lives, the posyandu only when the
  // person has no household in the desa.
  const householdIds = [...new Set(persons.flatMap((p) => (p.household_id ? [p.household_id] : [])))];
  const homeOf = new Map<string, string>();
  for (let i = 0; i < householdIds.length; i += 500) {
    const rows = await db
      .selectFrom("households")
      .select(["id", "region_code"])
      .where("id", "in", householdIds.slice(i, i + 500))
      .where(withinScopes("region_code", [desaCode]))
      .execute();
    for (const h of rows) homeOf.set(h.id, h.region_code);
  }
  const placeOf = new Map(
    persons.map((p) => [p.id, (p.household_id && homeOf.get(p.household_id)) || p.region_code]),
  );
  const home = (personId: string, regionCode: string) => unit(placeOf.get(personId) ?? regionCode);
  for (const p of await summariesWithFacts(db, persons, asOf)) {
    const u = home(p.id, p.regionCode);
    for (const r of p.targetRoles) u.targets[r] += 1;
  }
  const lists = await registryLists(db, actor, desaCode, asOf.slice(0, 7));
  for (const row of lists.lists.stunted) home(row.id, row.regionCode).stunted += 1;
  for (const row of lists.lists.notMeasured2m) home(row.id, row.regionCode).notMeasured2m += 1;
  for (const u of units.values())
    u.children0to59 = u.targets.anak_0_6 + u.targets.anak_7_23 + u.targets.anak_24_59;

  const { rows: scoreRows } = await buildScorecard(db, actor, desaCode, period, { rows: false });
  const scoreByHome = scoreRows.map((r) => ({ ...r, regionCode: placeOf.get(r.personId) ?? r.regionCode }));
  for (const [code, rows] of groupBy(desaCode, scoreByHome))
    unit(code).scorecard = gapsOf(period, desaCode, rows);
  const families = (await listFamilies(db, actor, desaCode, semester)).rows;
  for (const [code, rows] of groupBy(desaCode, families)) unit(code).families = familiesOf(semester, rows);

  const total = empty();
  total.scorecard = gapsOf(period, desaCode, scoreRows);
  total.families = familiesOf(semester, families);
  for (const u of units.values()) {
    for (const r of TARGET_ROLES) total.targets[r] += u.targets[r];
    total.children0to59 += u.children0to59;
    total.stunted += u.stunted;
    total.notMeasured2m += u.notMeasured2m;
  }
  // Dusun are always listed (an empty dusun is a finding); the desa itself and a posyandu only when
  // somebody is counted there (people without a household in the desa).
  const list = [...units.values()].filter(
    (u) =>
      levelOfCode(u.code) === "dusun" ||
      u.children0to59 + Object.values(u.targets).reduce((a, b) => a + b, 0) + u.families.screened > 0,
  );
  return { regionCode: desaCode, regionName: desa.name, asOf, units: list, total };
}
