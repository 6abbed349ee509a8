import {
  addDays,
  type ChildCounts,
  type CounterChild,
  type CounterMeasurement,
  childCounter,
  isSafeWater,
  LATRINE_TYPES,
  type LatrineType,
  monthsEnding,
  nowIso,
  periodContaining,
  todayIso,
} from "@tumbuh/core";
import { type Kysely, sql } from "kysely";
import { bulkInsert } from "../../db/bulk-insert";
import { forEachRow } from "../../db/raw-rows";
import { rowKey } from "../../db/row-key";
import type {
  Database,
  IndicatorDesaHouseholdsTable,
  IndicatorDesaPeriodsTable,
  IndicatorDesaServicesTable,
} from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";
import { inTransaction } from "../../db/transaction";
import {
  coveringCodes,
  figurePeriods,
  markScorecardFigures,
  replaceScorecardFigures,
  scorecardFiguresOf,
} from "../services/service";
import { sideCounts } from "./side-counts";

/**
 * The per-desa aggregates the dashboards read (indicator_desa_periods, indicator_desa_households).
 *
 * Why: the regency dashboard over five years of monthly data (~1.5M measurements) must answer in well
 * under 150 ms; recounting raw rows per request cannot. How they stay right: triggers on measurements,
 * persons and households (migration 2026-11-22T1700) put the desa of every written row into
 * indicator_dirty — whatever wrote it. Every read first rebuilds the dirty desa from their raw rows
 * (`refreshAggregates`), inside one transaction that also clears their marks. A desa is small (a few
 * hundred children), so rebuilding all of it is cheaper than reasoning about which months a change touched.
 */

/** Months kept per desa: five years of trends and the full age span of a balita. */
const MAX_MONTHS = 120;

const inflight = new WeakMap<object, Promise<number>>();

/** Rebuild every desa marked dirty (and all of them when the calendar month has turned). Returns how many. */
export function refreshAggregates(db: Kysely<Database>, today = todayIso()): Promise<number> {
  // One refresh at a time per database in this process; concurrent readers wait for the same one.
  const running = inflight.get(db);
  if (running) return running;
  const p = doRefresh(db, today).finally(() => inflight.delete(db));
  inflight.set(db, p);
  return p;
}

/**
 * Rebuilds the marked desa now and every `everyMs`, so the big rebuild after the month turns (or after a
 * bulk import) happens without waiting for a reader. With `rebuild` (the server: submit the background
 * job, ./freshness) that is how it rebuilds; else here. Returns a function that stops it.
 */
export function keepAggregatesFresh(
  db: Kysely<Database>,
  onError: (error: unknown) => void,
  everyMs = 10 * 60_000,
  today: () => string = todayIso,
  rebuild: (today: string) => Promise<unknown> = (t) => refreshAggregates(db, t),
): () => void {
  const tick = () => {
    rebuild(today()).catch(onError);
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

async function doRefresh(db: Kysely<Database>, today: string): Promise<number> {
  const month = today.slice(0, 7);
  const latest = await db
    .selectFrom("indicator_desa_periods")
    .select((eb) => eb.fn.max("period").as("period"))
    // Months only ("2025-07"), not the quarters and semesters ("2025-Q3", "2025-S1") of the same length.
    .where((eb) => eb.or([eb("period", "like", "____-0_"), eb("period", "like", "____-1_")]))
    .executeTakeFirst();
  if (latest?.period && latest.period < month) {
    // A new month: every desa gets its (empty so far) month and the moving age window.
    const all = await db.selectFrom("indicator_desa_periods").select("desa_code").distinct().execute();
    for (let i = 0; i < all.length; i += 500) {
      await db
        .insertInto("indicator_dirty")
        .values(all.slice(i, i + 500))
        .onConflict((oc) => oc.column("desa_code").doNothing())
        .execute();
    }
  }
  let done = 0;
  for (;;) {
    const batch = (await db.selectFrom("indicator_dirty").select("desa_code").limit(BATCH).execute()).map(
      (r) => r.desa_code,
    );
    if (batch.length === 0) {
      await markScorecardFigures(db, today);
      await markBuilt(db);
      return done;
    }
    // The marks go first: a write while the batch is counted marks its desa again, for the next round.
    await db.deleteFrom("indicator_dirty").where("desa_code", "in", batch).execute();
    try {
      await rebuildDesas(db, batch, today);
    } catch (e) {
      await db
        .insertInto("indicator_dirty")
        .values(batch.map((desa_code) => ({ desa_code })))
        .onConflict((oc) => oc.column("desa_code").doNothing())
        .execute();
      throw e;
    }
    done += batch.length;
  }
}

/** Desa per round of a refresh (a regency has ~150; its full rebuild is one round). */
const BATCH = 500;
/** Up to this many desa of a regency are counted one by one; more, and the regency is read once for all. */
const ONE_BY_ONE = 6;

/** Remember when the figures were last brought up to date (pages say "diperbarui … lalu"). */
async function markBuilt(db: Kysely<Database>): Promise<void> {
  const at = nowIso();
  await db
    .insertInto("indicator_freshness")
    .values({ id: 1, built_at: at })
    .onConflict((oc) => oc.column("id").doUpdateSet({ built_at: at }))
    .execute();
}

/** Recount one desa from its raw rows and replace its aggregate rows. */
export async function rebuildDesa(db: Kysely<Database>, desa: string, today: string): Promise<void> {
  await rebuildDesas(db, [desa], today);
}

/**
 * Recount the given desa from their raw rows and replace their aggregate rows. Everything is read first,
 * set-based — each table once per regency (or per desa when only a few changed), not once per desa and
 * month (issue 18: ~1,420 query sets made a regency's rebuild take 17–31 s) — then written in short
 * transactions (the dashboards' figures, then the scorecard's stored months), so writers wait for the
 * writing only, never for the counting.
 */
export async function rebuildDesas(
  db: Kysely<Database>,
  desas: readonly string[],
  today: string,
  /** Up to this many desa of a regency are read one by one (tests set 0 to take the regency-wide way). */
  oneByOne = ONE_BY_ONE,
  stages: RebuildStages = {},
): Promise<void> {
  const groups = new Map<string, string[]>();
  const byRegency = new Map<string, string[]>();
  for (const d of new Set(desas)) {
    const regency = d.split(".").slice(0, 2).join(".");
    byRegency.set(regency, [...(byRegency.get(regency) ?? []), d]);
  }
  for (const [regency, list] of byRegency) {
    if (list.length > oneByOne) groups.set(regency, list);
    else for (const d of list) groups.set(d, [d]);
  }
  for (const [region, list] of groups) {
    const figures = await countDesas(db, region, list, today, list.length > oneByOne, stages.part);
    await inTransaction(db, async (trx) => {
      for (let i = 0; i < list.length; i += 200) {
        const chunk = list.slice(i, i + 200);
        await trx.deleteFrom("indicator_desa_periods").where("desa_code", "in", chunk).execute();
        await trx.deleteFrom("indicator_desa_households").where("desa_code", "in", chunk).execute();
        await trx.deleteFrom("indicator_desa_services").where("desa_code", "in", chunk).execute();
      }
      // Prepared multi-row statements (db/bulk-insert; issue 18: a regency's 38k rows through the query
      // builder took ~0.5 s CPU of its rebuild).
      await bulkInsert(db, trx, "indicator_desa_periods", figures.periods);
      await bulkInsert(db, trx, "indicator_desa_households", figures.households);
      await bulkInsert(db, trx, "indicator_desa_services", figures.services);
    });
  }
  // The dashboards' figures are in; the KPM scorecard's stored months (issue 14) follow — the larger part
  // of a regency's rebuild (each month one regency-wide scoring), so dashboards need not wait for it
  // (issue 18). A failure here leaves the desa marked (doRefresh), and both are built again.
  stages.figuresDone?.();
  for (const [region, list] of groups) {
    const scorecard = await scorecardFiguresOf(
      db,
      region.split(".").slice(0, 2).join("."),
      list,
      figurePeriods(today.slice(0, 7)),
    );
    await inTransaction(db, (trx) => replaceScorecardFigures(trx, list, scorecard));
  }
}

/** Hooks for a caller timing the two parts of a rebuild (npm run bench:rebuild). */
export interface RebuildStages {
  /** Called when the dashboards' figures are written, before the scorecard's stored months. */
  figuresDone?: () => void;
  /** Called as each part of the counting ends, with its name (the time since the last call is its). */
  part?: (name: string) => void;
}

/**
 * The aggregate rows of `desas` (all inside `region`), read set-based. Pure reading: writes nothing. One
 * read-only snapshot: every figure comes from the same state of the data, and persons can be keyed by
 * their integer row keys across its reads (db/row-key).
 */
function countDesas(
  db: Kysely<Database>,
  region: string,
  desas: readonly string[],
  today: string,
  /** Count the services and records in another thread meanwhile (./side-counts): a regency-wide rebuild. */
  elsewhere: boolean,
  part: (name: string) => void = () => {},
) {
  return inTransaction(db, (trx) => countIn(trx, region, desas, today, elsewhere, part), { readOnly: true });
}

async function countIn(
  db: Kysely<Database>,
  region: string,
  desas: readonly string[],
  today: string,
  elsewhere: boolean,
  part: (name: string) => void,
) {
  // Asked first, so that another thread can count them while this one counts the children.
  const side = sideCounts(db, region, desas, today, elsewhere);
  const wanted = new Set(desas);
  const split = <T>(rows: readonly T[], regionOf: (r: T) => string) => {
    const out = new Map<string, T[]>();
    for (const r of rows) {
      for (const d of coveringCodes(regionOf(r), wanted)) {
        const list = out.get(d);
        if (list) list.push(r);
        else out.set(d, [r]);
      }
    }
    return out;
  };

  // Children: each desa's months run from its first measurement (at most MAX_MONTHS back). Each person's
  // first is one seek in the live (person, day) index, not a join of every measurement (issue 18: a scan
  // of the regency's 500k rows); a region whose persons have none gets a null first.
  const firsts = await db
    .selectFrom(
      db
        .selectFrom("persons as p")
        .select((eb) => [
          "p.region_code",
          eb
            .selectFrom("measurements as m")
            .select((e) => e.fn.min("m.measured_on").as("on"))
            .whereRef("m.person_id", "=", "p.id")
            .where("m.deleted_at", "is", null)
            .as("first"),
        ])
        .where(withinScopes("p.region_code", [region]))
        .as("f"),
    )
    .select((eb) => ["f.region_code", eb.fn.min("f.first").as("first")])
    .groupBy("f.region_code")
    .execute();
  const firstOf = new Map<string, string>();
  for (const f of firsts) {
    for (const d of coveringCodes(f.region_code, wanted)) {
      const seen = firstOf.get(d);
      if (f.first !== null && (seen === undefined || f.first < seen)) firstOf.set(d, f.first);
    }
  }
  // ... or from its earliest-born child's birth, if earlier: a balita counts in S (registered) from birth,
  // weighed or not, so a desa whose baby was born weeks before anyone there was weighed has figures for those
  // months too — else the dashboard's S fell short of the DHIS2 export's (which counts every registered
  // child, core dhis2/breakdown.ts) and the export was refused with `export_check`. Persons born before the
  // oldest kept month's balita window are left out (mothers are never balita in the window).
  const windowStart = `${monthsEnding(today.slice(0, 7), MAX_MONTHS)[0]}-01`;
  const births = await db
    .selectFrom("persons")
    .select((eb) => ["region_code", eb.fn.min("birth_date").as("first")])
    .where(withinScopes("region_code", [region]))
    .where("deleted_at", "is", null)
    .where("merged_into", "is", null)
    .where("birth_date", ">", addDays(windowStart, -1900))
    .where("birth_date", "<=", today)
    .groupBy("region_code")
    .execute();
  // Never before the regency's own first measurement: before it recorded anything there are no figures
  // to show anywhere (a 0 % weighing coverage for years before Tumbuh would be false, and cost rows).
  const began = await regencyFirstMeasurement(db, region);
  for (const b of births) {
    const from = b.first !== null && began !== null && b.first < began ? began : b.first;
    for (const d of coveringCodes(b.region_code, wanted)) {
      const seen = firstOf.get(d);
      if (from !== null && (seen === undefined || from < seen)) firstOf.set(d, from);
    }
  }
  part("months kept");
  const periodsOf = new Map(desas.map((d) => [d, periodsToKeep(firstOf.get(d) ?? null, today)]));
  const startOf = new Map(desas.map((d) => [d, `${(periodsOf.get(d) as string[])[0]}-01`]));
  const earliest = [...startOf.values()].sort()[0] as string;
  // Children and their measurements as arrays (db/raw-rows), each child by its row key (db/row-key: an
  // integer on SQLite, no 16-byte id turned into a string for each of 500k rows). A child of a dusun or
  // posyandu is its desa's.
  const bornAfterAll = addDays(earliest, -1900);
  type Entry = { child: CounterChild; desas: string[]; counted: boolean };
  const childOf = new Map<number | string, Entry>();
  await forEachRow<[number | string, string, string, string | null]>(
    db,
    db
      .selectFrom("persons as p")
      .select([rowKey(db, "p").as("key"), "p.birth_date", "p.region_code", "p.left_on"])
      .where(withinScopes("p.region_code", [region]))
      .where("p.deleted_at", "is", null)
      .where("p.merged_into", "is", null)
      .where("p.birth_date", ">", bornAfterAll),
    ([key, birthDate, regionCode, leftOn]) => {
      const codes = coveringCodes(regionCode, wanted);
      if (codes.length === 0) return;
      childOf.set(key, { child: { birthDate, leftOn }, desas: codes, counted: false });
    },
  );
  // Measurements in child order, each child counted once all of its have been read: the regency's 500k
  // rows are never all in memory (core childCounter).
  const counters = new Map(
    desas.map((d) => [
      d,
      childCounter([...(periodsOf.get(d) as string[]), ...longerPeriods(periodsOf.get(d) as string[])]),
    ]),
  );
  const bornAfterOf = new Map(desas.map((d) => [d, addDays(startOf.get(d) as string, -1900)]));
  const count = (entry: Entry, own: CounterMeasurement[]) => {
    entry.counted = true;
    for (const d of entry.desas) {
      if (entry.child.birthDate <= (bornAfterOf.get(d) as string)) continue;
      const start = startOf.get(d) as string;
      (counters.get(d) as ReturnType<typeof childCounter>).add(
        entry.child,
        own.filter((m) => m.measuredOn >= start),
      );
    }
  };
  let currentKey: number | string | undefined;
  let current: Entry | undefined;
  let own: CounterMeasurement[] = [];
  await forEachRow<[number | string, string, number, number | null, number | null, number | null, number]>(
    db,
    db
      // Person by person, each one's measurements by the (person, day) index: a CROSS JOIN keeps SQLite to
      // that order (else it walks every measurement and looks its person up, ~15 % more of this read).
      .selectFrom("persons as p")
      .crossJoin("measurements as m")
      .whereRef("m.person_id", "=", "p.id")
      .select([
        rowKey(db, "p").as("key"),
        "m.measured_on",
        sql<number>`case when m.weight_kg is null then 0 else 1 end`.as("weighed"),
        "m.zlen",
        "m.zwei",
        "m.zwfl",
        "m.flagged",
      ])
      .where(withinScopes("p.region_code", [region]))
      .where("p.deleted_at", "is", null)
      .where("p.merged_into", "is", null)
      // Only the children read above: a child born before every desa's window is counted nowhere.
      .where("p.birth_date", ">", bornAfterAll)
      .where("m.deleted_at", "is", null)
      .where("m.measured_on", ">=", earliest)
      .orderBy("p.id")
      .orderBy("m.measured_on"),
    ([key, measuredOn, weighed, zlen, zwei, zwfl, flagged]) => {
      if (currentKey !== key) {
        if (current) count(current, own);
        currentKey = key;
        current = childOf.get(key);
        own = [];
      }
      if (!current) return;
      own.push({
        measuredOn,
        zlen,
        zwei,
        zwfl,
        flagged: Number(flagged) === 1,
        weighed: Number(weighed) === 1,
      });
    },
  );
  if (current) count(current, own);
  for (const entry of childOf.values()) if (!entry.counted) count(entry, []);
  part("children");
  const periods: IndicatorDesaPeriodsTable[] = [];
  for (const desa of desas) {
    const counts = (counters.get(desa) as ReturnType<typeof childCounter>).counts;
    for (const [period, c] of counts)
      if (c.registered > 0 || c.measured > 0) periods.push(toRow(desa, period, c));
  }

  const householdsOf = split(
    await db
      .selectFrom("households")
      .select(["region_code", "water_source", "latrine_type"])
      .where(withinScopes("region_code", [region]))
      .where("deleted_at", "is", null)
      .execute(),
    (h) => h.region_code,
  );
  const households: IndicatorDesaHouseholdsTable[] = [];
  for (const desa of desas) {
    const list = householdsOf.get(desa) ?? [];
    if (list.length === 0) continue;
    households.push({
      desa_code: desa,
      households: list.length,
      safe_water: list.filter((h) => isSafeWater("bps", h.water_source)).length,
      proper_sanitation: list.filter((h) => LATRINE_TYPES[h.latrine_type as LatrineType]?.layak === true)
        .length,
    });
  }

  const services: IndicatorDesaServicesTable[] = [];
  part("households");
  const { services: serviceOf, records: recordsOf } = await side();
  part("services and records");
  for (const desa of desas) {
    for (const counts of [serviceOf.get(desa), recordsOf.get(desa)]) {
      for (const [key, c] of counts ?? []) {
        const [code, period] = key.split("|") as [string, string];
        services.push({ desa_code: desa, period, code, ...c });
      }
    }
  }
  return { periods, households, services };
}

/** The quarters, semesters and years the kept months fall in (each child counted once in each). */
export function longerPeriods(months: readonly string[]): string[] {
  const out = new Set<string>();
  for (const m of months)
    for (const k of ["quarter", "semester", "year"] as const) out.add(periodContaining(k, m));
  return [...out];
}

/** Months from the desa's first measurement or first balita's birth (at most MAX_MONTHS back) to the current month. */
function periodsToKeep(firstMeasured: string | null, today: string): string[] {
  const month = today.slice(0, 7);
  const all = monthsEnding(month, MAX_MONTHS);
  const from = firstMeasured ? firstMeasured.slice(0, 7) : month;
  const kept = all.filter((m) => m >= from);
  return kept.length > 0 ? kept : [month];
}

function toRow(desa: string, period: string, c: ChildCounts) {
  return {
    desa_code: desa,
    period,
    registered: c.registered,
    measured: c.measured,
    flagged: c.flagged,
    len_n: c.lenN,
    stunted: c.stunted,
    wei_n: c.weiN,
    underweight: c.underweight,
    wfl_n: c.wflN,
    wasted: c.wasted,
  };
}

/** Throw the aggregates away and rebuild every desa from scratch (tests compare this with the incremental way). */
export async function rebuildAll(
  db: Kysely<Database>,
  today: string,
  stages: RebuildStages = {},
): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom("indicator_desa_periods").execute();
    await trx.deleteFrom("indicator_desa_households").execute();
    await trx.deleteFrom("indicator_dirty").execute();
    await trx.deleteFrom("indicator_desa_services").execute();
    await trx.deleteFrom("scorecard_figures").execute();
  });
  const codes = new Set<string>();
  for (const t of [
    "persons",
    "households",
    "service_records",
    "pregnancies",
    "family_screenings",
    "catin",
    "tpk_assignments",
  ] as const) {
    for (const r of await db.selectFrom(t).select("region_code").distinct().execute())
      codes.add(r.region_code.slice(0, 13));
  }
  await rebuildDesas(db, [...codes].sort(), today, ONE_BY_ONE, stages);
  await markScorecardFigures(db, today);
  await markBuilt(db);
}

/** The first day anyone of `region`'s regency was measured (null when nobody was). */
export async function regencyFirstMeasurement(db: Kysely<Database>, region: string): Promise<string | null> {
  // Per region where anyone was measured, its first live day by the (region, day) index, then the least:
  // a seek each instead of reading every row for deleted_at (issue 18: ~0.3 s CPU a rebuild, any rebuild).
  const row = await db
    .selectFrom(
      db
        .selectFrom(
          db
            .selectFrom("measurements")
            .select("region_code")
            .distinct()
            .where(withinScopes("region_code", [region.split(".").slice(0, 2).join(".")]))
            .as("r"),
        )
        .select((eb) =>
          eb
            .selectFrom("measurements as m")
            .select("m.measured_on")
            .whereRef("m.region_code", "=", "r.region_code")
            .where("m.deleted_at", "is", null)
            .orderBy("m.measured_on")
            .limit(1)
            .as("first"),
        )
        .as("f"),
    )
    .select((eb) => eb.fn.min("f.first").as("first"))
    .executeTakeFirst();
  return row?.first ?? null;
}
