import {
  type Actor,
  achievement,
  type ChildPanel,
  type DashboardRow,
  type DashboardView,
  type IndicatorDef,
  type IndicatorFigure,
  type IndicatorValueInput,
  type IndicatorValueView,
  isWithin,
  monthsEnding,
  monthsOfPeriod,
  type Prevalence,
  periodYear,
  type Region,
  type RegionRef,
  type Role,
  readScopes,
  type TrendPoint,
  todayIso,
  wilsonInterval,
} from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database, IndicatorValuesTable } from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";
import { inTransaction } from "../../db/transaction";
import { errors } from "../../errors";
import { nowIso, uuidv7 } from "../../util/ids";
import { appendAudit } from "../audit/service";
import type { JobRunner } from "../jobs/service";
import { findRegion, findRegionsByCode } from "../regions/service";
import { indicatorCatalog } from "./catalog-source";
import { COMPUTATION_TABLE } from "./computations";
import { computeContext } from "./computations/context";
import type { ComputeContext, DesaFraction } from "./computations/types";
import { cachedFigures, figuresGeneration } from "./figures-cache";
import { figuresFreshness } from "./freshness";
import { currentValues, insertValue, supersede, toValueView, valueHistory } from "./repository";
import { surveyFiguresOf } from "./survey-figures";

/** The computations of the child panel, shown on every dashboard (prevalence beside coverage). */
const PANEL = {
  stunting: "stunting_prevalence",
  wasting: "wasting_prevalence",
  underweight: "underweight_prevalence",
  coverage: "measurement_coverage",
} as const;

/** Months in a dashboard's trend charts. */
export const TREND_MONTHS = 24;

function ref(r: { code: string; name: string; level: string }): RegionRef {
  return { code: r.code, name: r.name, level: r.level };
}

/** A region the actor may read (404 otherwise, the same as one that does not exist). */
async function readableRegion(db: Kysely<Database>, actor: Actor, code: string): Promise<Region> {
  const region = await findRegion(db, readScopes(actor), code);
  if (!region) throw errors.notFound();
  return region;
}

/** Indicators of the catalog that apply in the period's year (a row with a year applies to that year only). */
export function indicatorsForYear(indicators: readonly IndicatorDef[], year: number): IndicatorDef[] {
  return indicators.filter((d) => d.year === null || d.year === year);
}

interface Sum {
  numerator: number;
  denominator: number;
}

function add(map: Map<string, Sum>, key: string, f: DesaFraction): void {
  const s = map.get(key);
  if (s) {
    s.numerator += f.numerator;
    s.denominator += f.denominator;
  } else map.set(key, { numerator: f.numerator, denominator: f.denominator });
}

function prevalence(computation: string, s: Sum | undefined): Prevalence {
  const numerator = s?.numerator ?? 0;
  const denominator = s?.denominator ?? 0;
  const ci = wilsonInterval(numerator, denominator);
  return {
    computation,
    numerator,
    denominator,
    value: denominator > 0 ? (100 * numerator) / denominator : null,
    ci: ci && { lower: 100 * ci.lower, upper: 100 * ci.upper },
  };
}

/**
 * The summed figures one dashboard reads: every desa of `region` (added up to `ctx.unitLength` in SQL) over
 * `periods`, summed per group (the region and its children the caller may see; each desa row adds to the
 * groups that contain it), keyed `${code}|${period}`. They come from the cache of the current rebuild
 * generation (./figures-cache): a dashboard sums nothing again until the figures were rebuilt.
 */
interface FigureSums {
  sums(computation: string): Promise<Map<string, Sum>>;
  flagged(): Promise<Map<string, number>>;
}

function figureSums(
  db: Kysely<Database>,
  generation: number | null,
  ctx: ComputeContext,
  region: string,
  groups: readonly string[],
  periods: readonly string[],
): FigureSums {
  const key = `${region}|${ctx.unitLength}|${groups.join(",")}|${periods.join(",")}`;
  const of = groupLookup(groups);
  return {
    sums: (computation) =>
      cachedFigures(db, generation, `sums|${computation}|${key}`, async () => {
        const out = new Map<string, Sum>();
        const def = COMPUTATION_TABLE.get(computation);
        if (!def) return out;
        for (const f of await def.fractions(ctx, region, periods))
          for (const g of of(f.desa)) add(out, `${g}|${f.period}`, f);
        return out;
      }),
    flagged: () =>
      cachedFigures(db, generation, `flagged|${key}`, async () => {
        const out = new Map<string, number>();
        for (const r of await ctx.childRows(region, periods))
          for (const g of of(r.desa_code))
            out.set(`${g}|${r.period}`, (out.get(`${g}|${r.period}`) ?? 0) + r.flagged);
        return out;
      }),
  };
}

/** The groups a desa adds to, memoised per desa (thousands of rows, a dozen groups). */
function groupLookup(groups: readonly string[]): (desa: string) => string[] {
  const memo = new Map<string, string[]>();
  return (desa) => {
    let hit = memo.get(desa);
    if (!hit) {
      hit = groups.filter((g) => isWithin(desa, g));
      memo.set(desa, hit);
    }
    return hit;
  };
}

/** The child panel for every group. */
async function panels(
  figures: FigureSums,
): Promise<{ sums: Record<keyof typeof PANEL, Map<string, Sum>>; flagged: Map<string, number> }> {
  const entries = await Promise.all(
    Object.entries(PANEL).map(async ([k, c]) => [k, await figures.sums(c)] as const),
  );
  return {
    sums: Object.fromEntries(entries) as Record<keyof typeof PANEL, Map<string, Sum>>,
    flagged: await figures.flagged(),
  };
}

function panelAt(p: Awaited<ReturnType<typeof panels>>, key: string): ChildPanel {
  return {
    stunting: prevalence(PANEL.stunting, p.sums.stunting.get(key)),
    wasting: prevalence(PANEL.wasting, p.sums.wasting.get(key)),
    underweight: prevalence(PANEL.underweight, p.sums.underweight.get(key)),
    coverage: prevalence(PANEL.coverage, p.sums.coverage.get(key)),
    flagged: p.flagged.get(key) ?? 0,
  };
}

/** The trend months of a period: 24 months ending with the period's last month (or this month, if earlier). */
export function trendMonths(period: string, today = todayIso()): string[] {
  const last = monthsOfPeriod(period).at(-1) as string;
  const thisMonth = today.slice(0, 7);
  return monthsEnding(last < thisMonth ? last : thisMonth, TREND_MONTHS);
}

/** Child regions one level down (kecamatan of a regency, desa of a kecamatan), inside the actor's scope. */
async function childRegions(db: Kysely<Database>, actor: Actor, region: Region): Promise<RegionRef[]> {
  if (region.level !== "kabupaten" && region.level !== "kecamatan") return [];
  const rows = await db
    .selectFrom("regions")
    .select(["code", "name", "level"])
    .where("parent_code", "=", region.code)
    .where("level", "in", ["kecamatan", "desa"])
    .where(withinScopes("code", readScopes(actor)))
    .orderBy("code")
    .execute();
  return rows.map(ref);
}

/** Achievement per indicator at a region, per period; the dashboard, the CLI and the exports read this. */
export async function getDashboard(
  db: Kysely<Database>,
  actor: Actor,
  query: { region: string; period: string; agency?: string | undefined },
  today = todayIso(),
  /** The server's job runner: figures behind are rebuilt there while this answers (else rebuilt first). */
  jobs: JobRunner | null = null,
): Promise<DashboardView> {
  const region = await readableRegion(db, actor, query.region);
  const freshness = await figuresFreshness(db, jobs, today);
  // Read after the freshness check (which may rebuild first, without a job runner): figures of a rebuild
  // stamped from here on are summed by the next read.
  const generation = await figuresGeneration(db);
  const loaded = await indicatorCatalog(db, actor, region.code);
  const all = indicatorsForYear(loaded.catalog.indicators, periodYear(query.period));
  const agencies = [...new Set(all.flatMap((d) => d.responsible))].sort();
  const defs = query.agency ? all.filter((d) => d.responsible.includes(query.agency as string)) : all;

  const children = await childRegions(db, actor, region);
  const groups = [region.code, ...children.map((c) => c.code)];
  const months = trendMonths(query.period, today);
  const periods = months.includes(query.period) ? months : [...months, query.period];
  // Figures are needed per child region at most: add desa up to that level in SQL.
  const ctx = computeContext(db, children[0]?.code.length ?? region.code.length);
  const figures = figureSums(db, generation, ctx, region.code, groups, periods);

  const panel = await panels(figures);
  const computed = new Map<string, Map<string, Sum>>();
  for (const d of defs) {
    if (d.measure.mode === "computed" && !computed.has(d.measure.computation)) {
      computed.set(d.measure.computation, await figures.sums(d.measure.computation));
    }
  }
  // Entered values: the period's own, else (for a month, quarter or semester) the year's.
  const year = String(periodYear(query.period));
  const valuePeriods = query.period === year ? [year] : [query.period, year];
  const entered = await currentValues(db, readScopes(actor), groups, valuePeriods);
  // Looked up for every indicator of every child region: by key, not by scanning the list each time.
  const enteredBy = new Map<string, IndicatorValuesTable>();
  for (const e of entered) {
    const k = `${e.indicator_id}|${e.region_code}|${e.period}`;
    if (!enteredBy.has(k)) enteredBy.set(k, e);
  }
  const enteredAt = (indicatorId: string, code: string): IndicatorValuesTable | undefined => {
    for (const p of valuePeriods) {
      const hit = enteredBy.get(`${indicatorId}|${code}|${p}`);
      if (hit) return hit;
    }
    return undefined;
  };
  const figureAt = (d: IndicatorDef, code: string) => {
    if (d.measure.mode === "computed") {
      const s = computed.get(d.measure.computation)?.get(`${code}|${query.period}`);
      return {
        fig: achievement(d, { numerator: s?.numerator ?? 0, denominator: s?.denominator ?? 0, value: null }),
        row: undefined,
      };
    }
    const row = enteredAt(d.id, code);
    return {
      fig: achievement(d, {
        numerator: row?.numerator ?? null,
        denominator: row?.denominator ?? null,
        value: row?.value ?? null,
      }),
      row,
    };
  };

  const indicators: IndicatorFigure[] = defs.map((d) => {
    const { fig, row } = figureAt(d, region.code);
    return {
      ...fig,
      indicatorId: d.id,
      text: d.text,
      source: d.source,
      targetOriginal: d.target.original,
      targetKind: d.target.kind,
      responsible: d.responsible,
      mode: d.measure.mode,
      computation: d.measure.mode === "computed" ? d.measure.computation : null,
      entered: row
        ? { id: row.id, enteredAt: row.entered_at, enteredBy: row.entered_by_name, note: row.note }
        : null,
    };
  });

  const trends: Record<string, TrendPoint[]> = {};
  const trendOf = (computation: string, m: Map<string, Sum>) => {
    trends[computation] = months.map((p) => {
      const s = m.get(`${region.code}|${p}`);
      const n = s?.numerator ?? 0;
      const den = s?.denominator ?? 0;
      return { period: p, numerator: n, denominator: den, value: den > 0 ? (100 * n) / den : null };
    });
  };
  for (const [k, c] of Object.entries(PANEL)) trendOf(c, panel.sums[k as keyof typeof PANEL]);
  for (const [c, m] of computed) trendOf(c, m);

  const rows: DashboardRow[] = children.map((c) => ({
    region: c,
    panel: panelAt(panel, `${c.code}|${query.period}`),
    figures: Object.fromEntries(
      defs.map((d) => {
        const { fig } = figureAt(d, c.code);
        return [d.id, { value: fig.value, status: fig.status }];
      }),
    ),
  }));

  const ancestors = await findRegionsByCode(db, pathCodes(region.code));
  const path = ancestors
    .filter((r) => r.level !== "provinsi")
    .sort((a, b) => a.code.length - b.code.length)
    .filter((r) => readScopes(actor).some((s) => s === "" || isWithin(r.code, s)))
    .map(ref);

  return {
    region: ref(region),
    path,
    period: query.period,
    panel: panelAt(panel, `${region.code}|${query.period}`),
    indicators,
    trends,
    rows,
    agencies,
    catalog: { regulation: loaded.catalog.regulation, source: loaded.source },
    freshness,
    surveys: await surveyFiguresOf(
      db,
      [region.code.split(".")[0] as string, region.code.split(".").slice(0, 2).join(".")],
      [periodYear(query.period)],
    ),
  };
}

function pathCodes(code: string): string[] {
  const parts = code.split(".");
  return parts.map((_, i) => parts.slice(0, i + 1).join("."));
}

/** Roles that enter indicator values for their agency or team (the annex's penanggung jawab). */
const ENTERING_ROLES: readonly Role[] = ["admin_kabupaten", "tpps_kabupaten", "opd", "tpps_kecamatan"];

function mayEnter(actor: Actor, code: string): boolean {
  return actor.assignments.some(
    (a) => ENTERING_ROLES.includes(a.role) && (a.scope === "" || isWithin(code, a.scope)),
  );
}

/**
 * Enter (or revise) the value of an entered indicator for a region and period. A revision is a new row; the
 * one it replaces is marked superseded and stays in the history. Audited in the same transaction.
 */
export async function enterValue(
  db: Kysely<Database>,
  actor: Actor,
  input: IndicatorValueInput,
): Promise<IndicatorValueView> {
  const region = await readableRegion(db, actor, input.regionCode);
  if (!mayEnter(actor, region.code)) throw errors.forbidden();
  if (!["kabupaten", "kecamatan", "desa"].includes(region.level)) {
    throw errors.validation("regionCode", "regionCode: values are entered for a regency, kecamatan or desa");
  }
  const { catalog } = await indicatorCatalog(db, actor, region.code);
  const def = catalog.indicators.find((d) => d.id === input.indicatorId);
  if (!def)
    throw errors.validation("indicatorId", `indicatorId: no indicator "${input.indicatorId}" in the catalog`);
  if (def.measure.mode !== "entered") {
    throw errors.validation(
      "indicatorId",
      "indicatorId: this indicator is computed from the records, not entered",
    );
  }
  const at = nowIso();
  const hasFraction = input.numerator != null && input.denominator != null;
  const row: IndicatorValuesTable = {
    id: uuidv7(),
    indicator_id: def.id,
    region_code: region.code,
    period: input.period,
    value: hasFraction
      ? (100 * (input.numerator as number)) / (input.denominator as number)
      : (input.value ?? null),
    numerator: hasFraction ? (input.numerator as number) : null,
    denominator: hasFraction ? (input.denominator as number) : null,
    note: input.note?.trim() || null,
    entered_at: at,
    entered_by: actor.userId,
    entered_by_name: actor.username,
    superseded_at: null,
    superseded_by: null,
  };
  await inTransaction(db, async (trx) => {
    const previous = await currentValues(trx, readScopes(actor), [region.code], [input.period]);
    const before = previous.find((p) => p.indicator_id === def.id);
    if (before) await supersede(trx, before.id, row.id, at);
    await insertValue(trx, row);
    await appendAudit(trx, actor, {
      action: before ? "indicator_value.revise" : "indicator_value.enter",
      entity: "indicator_value",
      entityId: row.id,
      regionCode: region.code,
      before: before ? toValueView(before) : undefined,
      after: toValueView(row),
    });
  });
  return toValueView(row);
}

export async function getValueHistory(
  db: Kysely<Database>,
  actor: Actor,
  key: { indicatorId: string; regionCode: string; period: string },
): Promise<IndicatorValueView[]> {
  await readableRegion(db, actor, key.regionCode);
  return (await valueHistory(db, readScopes(actor), key)).map(toValueView);
}
