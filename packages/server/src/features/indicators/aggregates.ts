import {
  addDays,
  type ChildCounts,
  countChildren,
  LATRINE_TYPES,
  type LatrineType,
  monthsEnding,
  nowIso,
  todayIso,
  WATER_SOURCES,
  type WaterSource,
} from "@tumbuh/core";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";
import { inTransaction } from "../../db/transaction";
import { rebuildDesaRecords } from "./record-aggregates";
import { rebuildDesaServices } from "./service-aggregates";

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
    .where("period", "like", "____-__")
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
    const batch = (await db.selectFrom("indicator_dirty").select("desa_code").limit(50).execute()).map(
      (r) => r.desa_code,
    );
    if (batch.length === 0) {
      await markBuilt(db);
      return done;
    }
    await inTransaction(db, async (trx) => {
      await trx.deleteFrom("indicator_dirty").where("desa_code", "in", batch).execute();
      for (const desa of batch) await rebuildDesa(trx, desa, today);
    });
    done += batch.length;
  }
}

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
export async function rebuildDesa(
  trx: Transaction<Database> | Kysely<Database>,
  desa: string,
  today: string,
): Promise<void> {
  const first = await trx
    .selectFrom("measurements as m")
    .innerJoin("persons as p", "p.id", "m.person_id")
    .select((eb) => eb.fn.min("m.measured_on").as("first"))
    .where(withinScopes("p.region_code", [desa]))
    .where("m.deleted_at", "is", null)
    .executeTakeFirst();
  const periods = periodsToKeep(first?.first ?? null, today);
  const start = `${periods[0]}-01`;
  const children = await trx
    .selectFrom("persons")
    .select(["id", "birth_date"])
    .where(withinScopes("region_code", [desa]))
    .where("deleted_at", "is", null)
    .where("merged_into", "is", null)
    .where("birth_date", ">", addDays(start, -1900))
    .execute();
  const measurements = await trx
    .selectFrom("measurements as m")
    .innerJoin("persons as p", "p.id", "m.person_id")
    .select(["m.person_id", "m.measured_on", "m.zlen", "m.zwei", "m.zwfl", "m.flagged"])
    .where(withinScopes("p.region_code", [desa]))
    .where("p.deleted_at", "is", null)
    .where("p.merged_into", "is", null)
    .where("m.deleted_at", "is", null)
    .where("m.measured_on", ">=", start)
    .execute();
  const years = [...new Set(periods.map((p) => p.slice(0, 4)))];
  const counts = countChildren(
    children.map((c) => ({ id: c.id, birthDate: c.birth_date })),
    measurements.map((m) => ({
      personId: m.person_id,
      measuredOn: m.measured_on,
      zlen: m.zlen,
      zwei: m.zwei,
      zwfl: m.zwfl,
      flagged: m.flagged === 1,
    })),
    [...periods, ...years],
  );
  await trx.deleteFrom("indicator_desa_periods").where("desa_code", "=", desa).execute();
  const rows = [...counts]
    .filter(([, c]) => c.registered > 0 || c.measured > 0)
    .map(([period, c]) => toRow(desa, period, c));
  for (let i = 0; i < rows.length; i += 200) {
    await trx
      .insertInto("indicator_desa_periods")
      .values(rows.slice(i, i + 200))
      .execute();
  }

  const households = await trx
    .selectFrom("households")
    .select(["water_source", "latrine_type"])
    .where(withinScopes("region_code", [desa]))
    .where("deleted_at", "is", null)
    .execute();
  await trx.deleteFrom("indicator_desa_households").where("desa_code", "=", desa).execute();
  if (households.length > 0) {
    await trx
      .insertInto("indicator_desa_households")
      .values({
        desa_code: desa,
        households: households.length,
        safe_water: households.filter((h) => WATER_SOURCES[h.water_source as WaterSource]?.layak === true)
          .length,
        proper_sanitation: households.filter(
          (h) => LATRINE_TYPES[h.latrine_type as LatrineType]?.layak === true,
        ).length,
      })
      .execute();
  }
  await rebuildDesaServices(trx, desa, today);
  await rebuildDesaRecords(trx, desa, today);
}

/** Months from the desa's first measurement (at most MAX_MONTHS back) to the current month. */
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
export async function rebuildAll(db: Kysely<Database>, today: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom("indicator_desa_periods").execute();
    await trx.deleteFrom("indicator_desa_households").execute();
    await trx.deleteFrom("indicator_dirty").execute();
    await trx.deleteFrom("indicator_desa_services").execute();
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
      for (const r of await trx.selectFrom(t).select("region_code").distinct().execute())
        codes.add(r.region_code.slice(0, 13));
    }
    for (const desa of [...codes].sort()) await rebuildDesa(trx, desa, today);
  });
  await markBuilt(db);
}
