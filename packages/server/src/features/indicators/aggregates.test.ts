import fc from "fast-check";
import { sql } from "kysely";
import { expect, it } from "vitest";
import type { Db } from "../../db/database";
import { ensureDemo } from "../../demo/demo";
import { describeEachDialect } from "../../testing/dialects";
import { referenceRebuildAll } from "../../testing/reference-aggregates";
import { keepAggregatesFresh, rebuildAll, rebuildDesas, refreshAggregates } from "./aggregates";

const TODAY = "2025-07-15";
const DESA = ["64.01.05.2003", "64.01.05.2002", "64.01.03.2003"];

async function snapshot(db: Db) {
  const k = db.kysely;
  const periods = await k
    .selectFrom("indicator_desa_periods")
    .selectAll()
    .orderBy("desa_code")
    .orderBy("period")
    .execute();
  const households = await k
    .selectFrom("indicator_desa_households")
    .selectAll()
    .orderBy("desa_code")
    .execute();
  // Scorecard, family, catin and audit counts (service-aggregates, record-aggregates) rebuild the same way.
  const services = await k
    .selectFrom("indicator_desa_services")
    .selectAll()
    .orderBy("desa_code")
    .orderBy("code")
    .orderBy("period")
    .execute();
  return { periods, households, services };
}

/** Writes straight to the raw tables, as any feature (or a hand-run SQL) might. */
type Op =
  | { kind: "delete"; pick: number }
  | { kind: "rezlen"; pick: number; z: number }
  | { kind: "insert"; pick: number; day: number; z: number }
  | { kind: "move"; pick: number; to: number }
  | { kind: "merge"; pick: number }
  | { kind: "water"; pick: number }
  | { kind: "service"; pick: number; day: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("rezlen" as const), pick: fc.nat(), z: fc.integer({ min: -700, max: 300 }) }),
  fc.record({
    kind: fc.constant("insert" as const),
    pick: fc.nat(),
    day: fc.integer({ min: 1, max: 700 }),
    z: fc.integer({ min: -400, max: 300 }),
  }),
  fc.record({ kind: fc.constant("move" as const), pick: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant("merge" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("water" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("service" as const), pick: fc.nat(), day: fc.integer({ min: 1, max: 700 }) }),
);

async function apply(db: Db, o: Op): Promise<void> {
  const k = db.kysely;
  const pickOf = async <T>(rows: T[], n: number) => rows[n % Math.max(1, rows.length)];
  if (o.kind === "delete" || o.kind === "rezlen") {
    const ms = await k
      .selectFrom("measurements")
      .select("id")
      .where("deleted_at", "is", null)
      .orderBy("id")
      .execute();
    const m = await pickOf(ms, o.pick);
    if (!m) return;
    if (o.kind === "delete")
      await k.updateTable("measurements").set({ deleted_at: TODAY }).where("id", "=", m.id).execute();
    else
      await k
        .updateTable("measurements")
        .set({ zlen: o.z / 100, flagged: o.z < -600 ? 1 : 0 })
        .where("id", "=", m.id)
        .execute();
    return;
  }
  const children = await k
    .selectFrom("persons")
    .select(["id", "region_code", "birth_date"])
    .where("birth_date", ">", "2020-07-01")
    .where("merged_into", "is", null)
    .orderBy("id")
    .execute();
  const child = await pickOf(children, o.pick);
  if (!child) return;
  if (o.kind === "insert") {
    const day = new Date(Date.parse("2023-08-01") + o.day * 86_400_000).toISOString().slice(0, 10);
    if (day < child.birth_date) return;
    await sql`insert into measurements (id, person_id, region_code, measured_on, oedema, created_at, flagged, zlen, zwei, zwfl, growth_version)
      values (${`t-${o.pick}-${o.day}-${o.z}`}, ${child.id}, ${child.region_code}, ${day}, 0, ${TODAY}, 0, ${o.z / 100}, ${o.z / 100}, ${0}, 1)
      on conflict do nothing`.execute(k);
  } else if (o.kind === "service") {
    // A service record written straight into its table (PAUD or an antigen, by the child's age).
    const day = new Date(Date.parse("2023-08-01") + o.day * 86_400_000).toISOString().slice(0, 10);
    if (day < child.birth_date) return;
    const paud = child.birth_date < "2022-07-01";
    await k
      .insertInto("service_records")
      .values({
        id: `s-${o.pick}-${o.day}`,
        person_id: child.id,
        region_code: child.region_code,
        service: paud ? "paud" : "imunisasi",
        given_on: day,
        detail: paud ? null : "campak",
        received: 1,
        supersedes: null,
        note: null,
        recorded_at: TODAY,
        recorded_by: "test",
      })
      .onConflict((oc) => oc.column("id").doNothing())
      .execute();
  } else if (o.kind === "move") {
    const to = DESA[o.to % DESA.length] as string;
    await k.updateTable("persons").set({ region_code: to }).where("id", "=", child.id).execute();
  } else if (o.kind === "merge") {
    const other = children[(o.pick + 1) % children.length];
    if (!other || other.id === child.id) return;
    // What a duplicate merge does: measurements move to the kept child, the other is marked merged.
    const taken = (
      await k.selectFrom("measurements").select("measured_on").where("person_id", "=", other.id).execute()
    ).map((r) => r.measured_on);
    await k
      .updateTable("measurements")
      .set({ person_id: other.id })
      .where("person_id", "=", child.id)
      .where("measured_on", "not in", taken.length ? taken : [""])
      .execute();
    await k.updateTable("persons").set({ merged_into: other.id }).where("id", "=", child.id).execute();
  } else {
    const hs = await k.selectFrom("households").select(["id", "water_source"]).orderBy("id").execute();
    const h = await pickOf(hs, o.pick);
    if (h)
      await k
        .updateTable("households")
        .set({ water_source: h.water_source === "air_permukaan" ? "ledeng" : "air_permukaan" })
        .where("id", "=", h.id)
        .execute();
  }
}

describeEachDialect(
  "indicator aggregates",
  (db) => {
    it("after any writes, refreshing only the desa marked dirty gives the same figures as rebuilding all", async () => {
      await refreshAggregates(db().kysely, TODAY);
      const first = await snapshot(db());
      expect(first.periods.length).toBeGreaterThan(50);
      expect(first.periods.some((p) => p.stunted > 0)).toBe(true);
      expect(first.services.some((r) => r.code === "paud" && r.denominator > 0)).toBe(true);
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 6 }), async (ops) => {
          for (const o of ops) await apply(db(), o);
          await refreshAggregates(db().kysely, TODAY);
          const incremental = await snapshot(db());
          await rebuildAll(db().kysely, TODAY);
          expect(await snapshot(db())).toEqual(incremental);
        }),
        { numRuns: 12 },
      );
    }, 120_000);

    it("counts exactly what the per-desa rebuild before issue 18 counted, desa by desa and regency-wide", async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 6 }), async (ops) => {
          for (const o of ops) await apply(db(), o);
          await referenceRebuildAll(db().kysely, TODAY);
          const reference = await snapshot(db());
          await rebuildAll(db().kysely, TODAY);
          expect(await snapshot(db())).toEqual(reference);
          const desas = [...new Set(reference.periods.map((p) => p.desa_code))];
          await rebuildDesas(db().kysely, desas, TODAY, 0);
          expect(await snapshot(db())).toEqual(reference);
        }),
        { numRuns: 6 },
      );
    }, 120_000);

    it("rebuilds marked desa in the background, without waiting for a dashboard request", async () => {
      await refreshAggregates(db().kysely, TODAY);
      await apply(db(), { kind: "water", pick: 0 });
      expect((await db().kysely.selectFrom("indicator_dirty").selectAll().execute()).length).toBeGreaterThan(
        0,
      );
      const errors: unknown[] = [];
      const stop = keepAggregatesFresh(
        db().kysely,
        (e) => errors.push(e),
        50,
        () => TODAY,
      );
      try {
        await expect
          .poll(async () => (await db().kysely.selectFrom("indicator_dirty").selectAll().execute()).length, {
            timeout: 20_000,
          })
          .toBe(0);
      } finally {
        stop();
      }
      expect(errors).toEqual([]);
    });

    it("marks nothing dirty for a read, and every desa once the month turns", async () => {
      await refreshAggregates(db().kysely, TODAY);
      expect(await db().kysely.selectFrom("indicator_dirty").selectAll().execute()).toEqual([]);
      const before = await snapshot(db());
      await refreshAggregates(db().kysely, "2025-08-02");
      const after = await snapshot(db());
      expect(after.periods.some((p) => p.period === "2025-08")).toBe(true);
      expect(before.periods.some((p) => p.period === "2025-08")).toBe(false);
    });
  },
  {
    // No `once`: each test writes (or turns the month) on its own copy of the seeded database.
    seed: async (db) =>
      void (await ensureDemo(db.kysely, { children: 150, desa: DESA, today: TODAY, log: () => {} })),
  },
);
