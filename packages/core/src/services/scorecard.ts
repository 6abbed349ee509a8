import { z } from "zod";
import {
  indicatorsOf,
  SCORE_GROUPS,
  type ScoreGroup,
  type ServiceCatalog,
  type ServiceIndicator,
} from "./catalog";
import { type CellExplanation, Why } from "./explain";
import { monthsOfPeriod } from "./period";
import { evaluateIndicator, inGroup, type ScoreCell, type TargetFacts } from "./rules";

export interface ScorecardTarget {
  personId: string;
  name: string;
  regionCode: string;
  facts: TargetFacts;
}

/** One target in one group: per indicator one cell per month of the period (null: not in the group then). */
export interface ScorecardRow {
  personId: string;
  name: string;
  regionCode: string;
  group: ScoreGroup;
  cells: Record<string, (ScoreCell | null)[]>;
}

export const TallySchema = z.object({
  y: z.number().int(),
  t: z.number().int(),
  ts: z.number().int(),
  /** ΣY ÷ (cells − ΣTS) × 100, null when nothing applies. */
  percent: z.number().nullable(),
});
export type Tally = z.infer<typeof TallySchema>;

export const GroupTotalsSchema = TallySchema.extend({
  group: z.enum(SCORE_GROUPS),
  targets: z.number().int(),
  indicators: z.record(z.string(), TallySchema),
});
export type GroupTotals = z.infer<typeof GroupTotalsSchema>;

export const ScorecardTotalsSchema = TallySchema.extend({
  targets: z.number().int(),
  groups: z.array(GroupTotalsSchema),
});
export type ScorecardTotals = z.infer<typeof ScorecardTotalsSchema>;

/** Convergence %: ΣY ÷ (Σ indicators × targets − ΣTS) × 100 (BUKU; PALI Pasal 30b, 37). */
export function convergencePercent(y: number, cells: number, ts: number): number | null {
  const applicable = cells - ts;
  return applicable === 0 ? null : (y / applicable) * 100;
}

function tally(y: number, t: number, ts: number): Tally {
  return { y, t, ts, percent: convergencePercent(y, y + t + ts, ts) };
}

/** Score every target for every month of the period, in every group it belongs to that month. */
export function scoreTargets(
  catalog: ServiceCatalog,
  period: string,
  targets: readonly ScorecardTarget[],
): ScorecardRow[] {
  const months = monthsOfPeriod(period);
  const rows: ScorecardRow[] = [];
  let cells: Record<string, (ScoreCell | null)[]> = {};
  for (const target of targets) {
    visitCells(catalog, months, target.facts, {
      row(group, indicators) {
        cells = {};
        for (const ind of indicators) cells[ind.code] = months.map(() => null);
        rows.push({
          personId: target.personId,
          name: target.name,
          regionCode: target.regionCode,
          group,
          cells,
        });
      },
      cell(ind, i, cell) {
        (cells[ind.code] as (ScoreCell | null)[])[i] = cell;
      },
    });
  }
  return rows;
}

/** What visitCells reports: a row (a group the target is in), then that row's judged cells in order. */
export interface CellVisitor {
  /** `present[i]`: in the group in month i (its cells are visited, the others are null in a row). */
  row(group: ScoreGroup, indicators: readonly ServiceIndicator[], present: readonly boolean[]): void;
  cell(indicator: ServiceIndicator, monthIndex: number, cell: ScoreCell): void;
}

/**
 * Every cell of one target's rows (scoreTargets), without making the rows: for each group it is in during
 * some of `months`, `row`, then `cell` per indicator (catalog order) and month it is in the group. A caller
 * that only adds cells up (stored figures: countTargets) makes no arrays (issue 18: a regency's 12 stored
 * months made ~5M one-cell arrays, most of a rebuild's garbage collection).
 */
export function visitCells(
  catalog: ServiceCatalog,
  months: readonly string[],
  facts: TargetFacts,
  visit: CellVisitor,
): void {
  for (const group of SCORE_GROUPS) {
    // No array for a group the target is never in (most of them: a child is in one of three), and the
    // catalog's indicators of a group listed once (issue 18: ~1.5M short-lived arrays a regency's rebuild).
    let present: boolean[] | null = null;
    for (let i = 0; i < months.length; i++) {
      if (!inGroup(group, facts, months[i] as string)) continue;
      if (!present) present = months.map(() => false);
      present[i] = true;
    }
    if (!present) continue;
    const indicators = groupIndicators(catalog, group);
    visit.row(group, indicators, present);
    for (const ind of indicators)
      for (let i = 0; i < months.length; i++)
        if (present[i]) visit.cell(ind, i, evaluateIndicator(ind, facts, months[i] as string, catalog));
  }
}

// A catalog's indicators per group (catalogs are made once per regency and never changed).
const byGroup = new WeakMap<ServiceCatalog, Map<ScoreGroup, readonly ServiceIndicator[]>>();

function groupIndicators(catalog: ServiceCatalog, group: ScoreGroup): readonly ServiceIndicator[] {
  let groups = byGroup.get(catalog);
  if (!groups) {
    groups = new Map(SCORE_GROUPS.map((g) => [g, indicatorsOf(catalog, g)]));
    byGroup.set(catalog, groups);
  }
  return groups.get(group) as readonly ServiceIndicator[];
}

/** countsOf(scoreTargets(catalog, period, targets)) added into `into`, without the rows (see visitCells). */
export function countTargets(
  catalog: ServiceCatalog,
  period: string,
  targets: readonly ScorecardTarget[],
  into: ScorecardCounts,
  /** Persons already counted in `into` (a target is counted once however many rows it has). */
  persons: Set<string> = new Set(),
): ScorecardCounts {
  const months = monthsOfPeriod(period);
  const before = persons.size;
  for (const target of targets) {
    visitCells(catalog, months, target.facts, {
      row(group, indicators) {
        persons.add(target.personId);
        into.groups[group] = (into.groups[group] ?? 0) + 1;
        for (const ind of indicators) if (!into.cells[ind.code]) into.cells[ind.code] = [0, 0, 0];
      },
      cell(ind, _i, cell) {
        const c = into.cells[ind.code] as [number, number, number];
        if (cell === "Y") c[0]++;
        else if (cell === "T") c[1]++;
        else if (cell === "TS") c[2]++;
      },
    });
  }
  into.targets += persons.size - before;
  return into;
}

/**
 * What totals are made of, additive over disjoint sets of targets: distinct targets, rows per group and
 * Y/T/TS per indicator. The server stores them per desa and sums them for a kecamatan or the regency
 * (issue 14: the regency scorecard from stored figures), so totals from rows and from stored counts are
 * made by the same function.
 */
export interface ScorecardCounts {
  targets: number;
  groups: Partial<Record<ScoreGroup, number>>;
  /** Indicator code → [Y, T, TS]. */
  cells: Record<string, [number, number, number]>;
}

export const ScorecardCountsSchema = z.object({
  targets: z.number().int(),
  groups: z.partialRecord(z.enum(SCORE_GROUPS), z.number().int()),
  cells: z.record(z.string(), z.tuple([z.number().int(), z.number().int(), z.number().int()])),
});

/** The counts of some rows, in one pass. */
export function countsOf(rows: readonly ScorecardRow[]): ScorecardCounts {
  const cells: Record<string, [number, number, number]> = {};
  const groups: Partial<Record<ScoreGroup, number>> = {};
  const targets = new Set<string>();
  for (const r of rows) {
    targets.add(r.personId);
    groups[r.group] = (groups[r.group] ?? 0) + 1;
    for (const code in r.cells) {
      let c = cells[code];
      if (!c) {
        c = [0, 0, 0];
        cells[code] = c;
      }
      for (const cell of r.cells[code] as (ScoreCell | null)[]) {
        if (cell === "Y") c[0]++;
        else if (cell === "T") c[1]++;
        else if (cell === "TS") c[2]++;
      }
    }
  }
  return { targets: targets.size, groups, cells };
}

/** Add `b` into `into` (counts of targets not in `into`: each person is counted in one desa only). */
export function addCounts(into: ScorecardCounts, b: ScorecardCounts): ScorecardCounts {
  into.targets += b.targets;
  for (const g of SCORE_GROUPS)
    if (b.groups[g] !== undefined) into.groups[g] = (into.groups[g] ?? 0) + b.groups[g];
  for (const code in b.cells) {
    const [y, t, ts] = b.cells[code] as [number, number, number];
    const c = into.cells[code];
    if (c) {
      c[0] += y;
      c[1] += t;
      c[2] += ts;
    } else into.cells[code] = [y, t, ts];
  }
  return into;
}

export function emptyScorecardCounts(): ScorecardCounts {
  return { targets: 0, groups: {}, cells: {} };
}

/** Totals per indicator, per group and overall, in one pass over the rows. */
export function totalsOf(catalog: ServiceCatalog, rows: readonly ScorecardRow[]): ScorecardTotals {
  return totalsOfCounts(catalog, countsOf(rows));
}

/** Totals per indicator, per group and overall, from their counts (the catalog's indicators only). */
export function totalsOfCounts(catalog: ServiceCatalog, counts: ScorecardCounts): ScorecardTotals {
  let y = 0;
  let t = 0;
  let ts = 0;
  const groups: GroupTotals[] = SCORE_GROUPS.map((group) => {
    const indicators: Record<string, Tally> = {};
    let gy = 0;
    let gt = 0;
    let gts = 0;
    for (const ind of indicatorsOf(catalog, group)) {
      const [iy, it, its] = counts.cells[ind.code] ?? [0, 0, 0];
      indicators[ind.code] = tally(iy, it, its);
      gy += iy;
      gt += it;
      gts += its;
    }
    y += gy;
    t += gt;
    ts += gts;
    return { group, targets: counts.groups[group] ?? 0, indicators, ...tally(gy, gt, gts) };
  });
  return { targets: counts.targets, groups, ...tally(y, t, ts) };
}

/** Targets missing each indicator (a T in any month of the period), for the KPM's follow-up. */
export function missingByIndicator(
  catalog: ServiceCatalog,
  rows: readonly ScorecardRow[],
): { indicator: ServiceIndicator; rows: ScorecardRow[] }[] {
  return catalog.indicators.map((indicator) => ({
    indicator,
    rows: rows.filter((r) => r.group === indicator.group && (r.cells[indicator.code] ?? []).includes("T")),
  }));
}

/**
 * Why each month's cell of one target's indicator is what it is (the same rules, asked to write their
 * reasons): what was due and by when, what was recorded, the rule and its source.
 */
export function explainCell(
  catalog: ServiceCatalog,
  indicator: ServiceIndicator,
  facts: TargetFacts,
  month: string,
): CellExplanation {
  if (!inGroup(indicator.group, facts, month)) {
    return {
      month,
      cell: null,
      rule: indicator.label,
      source: indicator.source,
      due: [],
      recorded: [],
      note: { id: "Bukan sasaran kelompok ini pada bulan ini.", en: "Not in this target group this month." },
    };
  }
  const why = new Why();
  const cell = evaluateIndicator(indicator, facts, month, catalog, why);
  return {
    month,
    cell,
    rule: why.rule ?? indicator.label,
    source: why.source ? `${why.source}; ${indicator.source}` : indicator.source,
    due: why.due,
    recorded: why.recorded,
    note: why.note,
  };
}
