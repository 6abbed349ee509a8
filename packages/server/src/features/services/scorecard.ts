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
  type ServiceIndicator,
  STATE_SERVICES,
  scoreTargets,
  shiftMonth,
  type TargetFacts,
  totalsOf,
} from "@tumbuh/core";
import type { Kysely } from "kysely";
import { forEachRow } from "../../db/raw-rows";
import type { Database } from "../../db/schema";
import { errors } from "../../errors";
import { householdSanitationOf } from "../households/service";
import { type MeasuredDays, measurementDayRowsInRegion, measurementDaysOf } from "../measurements/service";
import { personsInRegionBornBetween } from "../persons/service";
import { pregnanciesInRegion } from "../pregnancies/service";
import { findRegion, findRegionsByCode } from "../regions/service";
import { PREGNANCY_COURSE_SERVICES, serviceRecordsInRegion, serviceRecordsInRegionQuery } from "./repository";

/** The area level under each level for the per-area totals (kecamatan → desa, regency → kecamatan, …). */
export function areaDepth(level: Level): number | null {
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
  const catalog = catalogForRegion(regionCode);

  const inputs = await loadScorecardInputs(db, scopes, regionCode, months);
  const targets = targetsOf({ ...inputs, measured: measurementDaysOf(inputs.measured) });
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

type Conn = Kysely<Database>;

/**
 * What a scorecard reads, for the whole region and period (each table once). Measurements and service
 * records keep the region they were taken in, so a caller can split a region into its desa (the stored
 * months of ./scorecard-figures) exactly as a scorecard of each desa would have read them.
 */
export async function loadScorecardInputs(
  db: Conn,
  scopes: readonly string[],
  regionCode: string,
  months: readonly string[],
  /**
   * What to leave unread: a caller scoring only indicators that never look at it (`readsOf`), or reading the
   * service records itself (`records`: they come back empty).
   */
  skip: { measured?: boolean; households?: boolean; records?: boolean } = {},
) {
  const b = scorecardBounds(months);
  // The four reads are independent: on PostgreSQL they run side by side (a desa's scorecard waits for one).
  const [children, pregnancies, measured, records] = await Promise.all([
    personsInRegionBornBetween(db, scopes, regionCode, b.childBornFrom, b.to),
    // A pregnancy stays on the scorecard through nifas, or 4 weeks past the expected date without an outcome.
    pregnanciesInRegion(db, scopes, regionCode, b.from, b.to, RULES.nifasDays + 28),
    // Weighing and length count for children 0–23 months only.
    skip.measured
      ? []
      : measurementDayRowsInRegion(db, scopes, regionCode, b.windowFrom, b.to, b.measuredBornFrom),
    // Only what the rules look at: the period's events; ANC and post-partum checks back to the last period
    // (≤ 11 months); immunisations back to birth (≤ 24 months); states (JKN, birth certificate) any time.
    skip.records ? [] : serviceRecordsInRegion(db, scopes, regionCode, b.to, b.since),
  ]);
  const households = skip.households
    ? new Map<string, { waterLayak: boolean; latrineLayak: boolean }>()
    : await householdSanitationOf(
        db,
        scopes,
        regionCode,
        [...children.map((c) => c.household_id), ...pregnancies.map((p) => p.household_id)].filter(
          (h): h is string => h !== null,
        ),
      );
  return { children, pregnancies, measured, records, households };
}

/**
 * Which inputs the indicators of a catalog read besides persons, pregnancies and service records (core
 * services/rules evaluateIndicator): measurements for weighing, length and the child home visit (by
 * nutrition status); households for water and latrine.
 */
export function readsOf(indicators: readonly ServiceIndicator[]): { measured: boolean; households: boolean } {
  const measured = indicators.some(
    (i) =>
      ["anak_timbang", "anak_ukur", "anak_kunjungan"].includes(i.code) ||
      i.basis === "penimbangan" ||
      i.basis === "pengukuran",
  );
  const households = indicators.some((i) => i.basis === "air_minum" || i.basis === "jamban");
  return { measured, households };
}

/** The date bounds of what a scorecard of these months reads (see loadScorecardInputs). */
export function scorecardBounds(months: readonly string[]) {
  const first = months[0] as string;
  const from = monthStart(first);
  return {
    from,
    to: monthEnd(months.at(-1) as string),
    childBornFrom: addDays(monthStart(shiftMonth(first, -(RULES.paudToMonths + 1))), 1),
    pregnancyEarliest: addDays(from, -(RULES.nifasDays + 28)),
    windowFrom: monthStart(shiftMonth(first, -(RULES.measurementWindowMonths - 1))),
    measuredBornFrom: addDays(monthStart(shiftMonth(first, -(RULES.child0to23ToMonths + 1))), 1),
    since: {
      events: from,
      pregnancy: monthStart(shiftMonth(first, -11)),
      immunisation: monthStart(shiftMonth(first, -(RULES.child0to23ToMonths + 1))),
    },
  };
}

/**
 * The inputs of one period picked from inputs read for a longer span holding it: the same conditions as the
 * queries of loadScorecardInputs, in memory (each bound of a span is at or beyond the period's).
 */
export function inputsWithin(span: ScorecardInputs, months: readonly string[]): ScorecardInputs {
  const f = scorecardFilters(months);
  return {
    children: span.children.filter(f.child),
    pregnancies: span.pregnancies.filter(f.pregnancy),
    measured: span.measured.filter(f.measured),
    records: span.records.filter((r) => f.record(r.service, r.given_on)),
    households: span.households,
  };
}

/** The conditions of loadScorecardInputs' queries for these months, one predicate per input (inputsWithin). */
export function scorecardFilters(months: readonly string[]) {
  const b = scorecardBounds(months);
  return {
    child: (c: { birth_date: string }) => c.birth_date >= b.childBornFrom && c.birth_date <= b.to,
    pregnancy: (p: { lmp_date: string; ended_on: string | null; edd_date: string }) =>
      p.lmp_date <= b.to &&
      (p.ended_on !== null ? p.ended_on >= b.pregnancyEarliest : p.edd_date >= b.pregnancyEarliest),
    measured: (m: { measured_on: string; birth_date: string }) =>
      m.measured_on >= b.windowFrom && m.measured_on <= b.to && m.birth_date >= b.measuredBornFrom,
    record: (service: string, givenOn: string) =>
      givenOn <= b.to &&
      (givenOn >= b.since.events ||
        (COURSE_SERVICES.has(service) && givenOn >= b.since.pregnancy) ||
        (service === "imunisasi" && givenOn >= b.since.immunisation) ||
        STATE_SERVICE_SET.has(service)),
  };
}

// Asked of every record a period's scorecard sees (millions of times in a regency's rebuild).
const COURSE_SERVICES = new Set(PREGNANCY_COURSE_SERVICES);
const STATE_SERVICE_SET = new Set<string>(STATE_SERVICES);

export type ScorecardInputs = Awaited<ReturnType<typeof loadScorecardInputs>>;

/** The scorecard's targets (children, then pregnant women) with the facts the rules score. Pure. */
export function targetsOf({
  records,
  ...inputs
}: Omit<ScorecardInputs, "measured"> & {
  measured: Map<string, MeasuredDays>;
}) {
  const factsByPerson = new Map<string, ServiceFact[]>();
  for (const r of records) {
    let list = factsByPerson.get(r.person_id);
    if (!list) {
      list = [];
      factsByPerson.set(r.person_id, list);
    }
    list.push(serviceFact(r.service, r.given_on, r.detail, r.received, r.quantity));
  }
  return targetsFrom(inputs, (personId) => factsByPerson.get(personId) ?? []);
}

/** A service record as the rules read it. */
export function serviceFact(
  service: string,
  givenOn: string,
  detail: string | null,
  received: number,
  quantity: number | null,
): ServiceFact {
  return { service: service as RecordedService, givenOn, detail, received: received === 1, quantity };
}

/**
 * The service records loadScorecardInputs reads for `months`, each visited once as the fact the rules read,
 * with its person and the region it was taken in, in the order read — for a caller scoring many periods
 * (issue 18: read as objects and remade into facts for each period, they were a third of a rebuild).
 */
export async function readServiceFacts(
  db: Conn,
  scopes: readonly string[],
  regionCode: string,
  months: readonly string[],
  visit: (personId: string, region: string, fact: ServiceFact) => void,
): Promise<void> {
  const b = scorecardBounds(months);
  await forEachRow<[string, string, string, string, string | null, number, number | null]>(
    db,
    serviceRecordsInRegionQuery(db, scopes, regionCode, b.to, b.since),
    ([personId, region, service, givenOn, detail, received, quantity]) =>
      visit(personId, region, serviceFact(service, givenOn, detail, received, quantity)),
  );
}

/** targetsOf with each person's service facts already gathered (`recordsOf`). Pure. */
export function targetsFrom(
  {
    children,
    pregnancies,
    measured,
    households,
  }: Omit<ScorecardInputs, "measured" | "records"> & { measured: Map<string, MeasuredDays> },
  recordsOf: (personId: string) => readonly ServiceFact[],
) {
  const none: MeasuredDays = { weighedOn: [], lengthOn: [], nutrition: [] };
  const targets: ScorecardTarget[] = [];
  for (const c of children) {
    targets.push({
      personId: c.id,
      name: c.name,
      regionCode: c.region_code,
      facts: childFacts(
        c,
        measured.get(c.id) ?? none,
        (c.household_id && households.get(c.household_id)) || null,
        recordsOf(c.id),
      ),
    });
  }
  for (const p of pregnancies) {
    targets.push({
      personId: p.person_id,
      name: p.name,
      regionCode: p.region_code,
      facts: pregnancyFacts(
        p,
        (p.household_id && households.get(p.household_id)) || null,
        recordsOf(p.person_id),
      ),
    });
  }
  return targets;
}

/** What the rules know of a child (one target of targetsFrom). */
export function childFacts(
  c: { birth_date: string; left_on?: string | null; birth_length_cm: number | null },
  days: MeasuredDays,
  household: TargetFacts["household"],
  records: readonly ServiceFact[],
): TargetFacts {
  return {
    birthDate: c.birth_date,
    leftOn: c.left_on,
    birthLengthKnown: c.birth_length_cm !== null,
    pregnancy: null,
    household,
    weighedOn: days.weighedOn,
    lengthOn: days.lengthOn,
    nutrition: days.nutrition,
    records,
  };
}

/** What the rules know of a pregnant woman (one target of targetsFrom). */
export function pregnancyFacts(
  p: {
    birth_date: string;
    left_on?: string | null;
    lmp_date: string;
    edd_date: string;
    ended_on: string | null;
    outcome: string | null;
    muac_cm: number | null;
    high_risk: number;
  },
  household: TargetFacts["household"],
  records: readonly ServiceFact[],
): TargetFacts {
  return {
    birthDate: p.birth_date,
    leftOn: p.left_on,
    birthLengthKnown: false,
    pregnancy: {
      lmpDate: p.lmp_date,
      eddDate: p.edd_date,
      endedOn: p.ended_on,
      outcome: p.outcome,
      kek: pregnancySignals({ muacCm: p.muac_cm, hbGdl: null }).kek,
      highRisk: p.high_risk === 1,
    },
    household,
    weighedOn: [],
    lengthOn: [],
    records,
  };
}

/** The codes of `set` whose scope holds `code` (itself, or a prefix ending at a segment). */
export function coveringCodes(code: string, set: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let i = code.indexOf("."); i !== -1; i = code.indexOf(".", i + 1)) {
    const prefix = code.slice(0, i);
    if (set.has(prefix)) out.push(prefix);
  }
  if (set.has(code)) out.push(code);
  return out;
}
