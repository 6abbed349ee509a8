import { type ScorecardView, SYSTEM_ACTOR } from "@tumbuh/core";
import fc from "fast-check";
import { expect, it } from "vitest";
import type { Db } from "../../db/database";
import { ensureDemo } from "../../demo/demo";
import { describeEachDialect } from "../../testing/dialects";
import { rebuildAll, refreshAggregates } from "../indicators/aggregates";
import { figuresFreshness } from "../indicators/freshness";
import { buildScorecard } from "./scorecard";
import { figurePeriods, scorecardView } from "./scorecard-figures";

const TODAY = "2025-07-15";
const DESA = ["64.01.05.2003", "64.01.05.2002", "64.01.03.2003"];
const REGIONS = ["64.01", "64.01.05", "64.01.03"];

/** What a regency/kecamatan view shows: totals and per-area totals (no rows). */
const shown = (v: ScorecardView) => ({ totals: v.totals, areas: v.areas, rows: v.rows, months: v.months });

const noRebuild = (db: Db) => () =>
  figuresFreshness(db.kysely, { submit: async () => "job" } as never, TODAY);

/** Writes straight to the raw tables: a service or weighing of a child, possibly taken in another desa. */
type Op = { kind: "service" | "weighing" | "move"; pick: number; day: number; where: number };
const op: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom("service" as const, "weighing" as const, "move" as const),
  pick: fc.nat(),
  day: fc.integer({ min: 0, max: 420 }),
  where: fc.nat(),
});

async function apply(db: Db, o: Op): Promise<void> {
  const k = db.kysely;
  const children = await k
    .selectFrom("persons")
    .select(["id", "region_code", "birth_date"])
    .where("birth_date", ">", "2020-08-01")
    .orderBy("id")
    .execute();
  const child = children[o.pick % Math.max(1, children.length)];
  if (!child) return;
  const day = new Date(Date.parse("2024-06-01") + o.day * 86_400_000).toISOString().slice(0, 10);
  if (day < child.birth_date || day > TODAY) return;
  // Taken in the child's desa, or (every third write) in another desa — another kecamatan for 64.01.03.
  const region =
    o.where % 3 === 0 ? (DESA[Math.floor(o.where / 3) % DESA.length] as string) : child.region_code;
  if (o.kind === "move") {
    await k.updateTable("persons").set({ region_code: region }).where("id", "=", child.id).execute();
  } else if (o.kind === "service") {
    const paud = child.birth_date < "2023-07-01";
    await k
      .insertInto("service_records")
      .values({
        id: `s-${o.pick}-${o.day}-${o.where}`,
        person_id: child.id,
        region_code: region,
        service: paud ? "paud" : o.day % 2 ? "imunisasi" : "kunjungan_rumah",
        given_on: day,
        detail: paud ? null : "campak",
        received: 1,
        supersedes: null,
        note: null,
        recorded_at: TODAY,
        recorded_by: "test",
        quantity: null,
      })
      .onConflict((oc) => oc.column("id").doNothing())
      .execute();
  } else {
    await k
      .insertInto("measurements")
      .values({
        id: `m-${o.pick}-${o.day}-${o.where}`,
        person_id: child.id,
        region_code: region,
        measured_on: day,
        weight_kg: 9.5,
        lenhei_cm: 75,
        oedema: 0,
        created_at: TODAY,
        flagged: 0,
        growth_version: 1,
      } as never)
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

describeEachDialect(
  "scorecard from stored per-desa figures",
  (db) => {
    it("a regency's and a kecamatan's stored scorecard equal a fresh one, for any writes and stored month", async () => {
      await refreshAggregates(db().kysely, TODAY);
      const months = figurePeriods(TODAY.slice(0, 7));
      await fc.assert(
        fc.asyncProperty(
          fc.array(op, { maxLength: 5 }),
          fc.constantFrom(...months),
          fc.constantFrom(...REGIONS),
          async (ops, period, region) => {
            for (const o of ops) await apply(db(), o);
            await refreshAggregates(db().kysely, TODAY);
            const stored = await scorecardView(
              db().kysely,
              SYSTEM_ACTOR,
              region,
              period,
              noRebuild(db()),
              TODAY,
            );
            const fresh = await buildScorecard(db().kysely, SYSTEM_ACTOR, region, period);
            expect(stored.freshness).toEqual({ builtAt: expect.any(String), updating: false });
            expect(shown(stored)).toEqual(shown(fresh.view));
          },
        ),
        { numRuns: 15 },
      );
      // The property saw targets and both Y and T (a test of empty sums would prove nothing).
      const v = await scorecardView(
        db().kysely,
        SYSTEM_ACTOR,
        "64.01",
        months.at(-2) as string,
        noRebuild(db()),
        TODAY,
      );
      expect(v.totals.targets).toBeGreaterThan(50);
      expect(v.totals.y).toBeGreaterThan(0);
      expect(v.totals.t).toBeGreaterThan(0);
    }, 180_000);

    it("refreshing only the desa marked dirty stores what rebuilding every desa stores", async () => {
      // One record surely taken outside its person's kecamatan, so a kecamatan's own counts are stored too.
      const child = await db()
        .kysely.selectFrom("persons")
        .select("id")
        .where("region_code", "like", "64.01.03.2003%")
        .where("birth_date", ">", "2021-08-01")
        .orderBy("id")
        .executeTakeFirstOrThrow();
      await db()
        .kysely.insertInto("service_records")
        .values({
          id: "s-cross",
          person_id: child.id,
          region_code: "64.01.05.2003",
          service: "kunjungan_rumah",
          given_on: "2025-07-10",
          detail: null,
          received: 1,
          supersedes: null,
          note: null,
          recorded_at: TODAY,
          recorded_by: "test",
          quantity: null,
        })
        .execute();
      await refreshAggregates(db().kysely, TODAY);
      const stored = () =>
        db()
          .kysely.selectFrom("scorecard_figures")
          .selectAll()
          .orderBy("period")
          .orderBy("desa_code")
          .execute();
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 5 }), async (ops) => {
          for (const o of ops) await apply(db(), o);
          await refreshAggregates(db().kysely, TODAY);
          const incremental = await stored();
          await rebuildAll(db().kysely, TODAY);
          expect(incremental).toEqual(await stored());
        }),
        { numRuns: 8 },
      );
      expect((await stored()).some((r) => r.kecamatan_counts !== null)).toBe(true);
    }, 180_000);

    it("a record taken in another kecamatan refreshes its person's desa, as the regency's scorecard counts it", async () => {
      await refreshAggregates(db().kysely, TODAY);
      // A child of desa 64.01.03.2003 not at PAUD in July; a PAUD record for it is taken in kecamatan 64.01.05.
      const desa = await buildScorecard(db().kysely, SYSTEM_ACTOR, "64.01.03.2003", "2025-07");
      const child = {
        id: desa.rows.find((r) => r.group === "anak_2_6" && r.cells.paud?.[0] === "T")?.personId,
      };
      expect(child.id).toBeDefined();
      const paudY = (v: ScorecardView) =>
        v.totals.groups.find((g) => g.group === "anak_2_6")?.indicators.paud?.y ?? 0;
      const before = await scorecardView(
        db().kysely,
        SYSTEM_ACTOR,
        "64.01",
        "2025-07",
        noRebuild(db()),
        TODAY,
      );
      await db()
        .kysely.insertInto("service_records")
        .values({
          id: "s-elsewhere",
          person_id: child.id as string,
          region_code: "64.01.05.2003",
          service: "paud",
          given_on: "2025-07-10",
          detail: null,
          received: 1,
          supersedes: null,
          note: null,
          recorded_at: TODAY,
          recorded_by: "test",
          quantity: null,
        })
        .execute();
      await refreshAggregates(db().kysely, TODAY);
      const after = await scorecardView(
        db().kysely,
        SYSTEM_ACTOR,
        "64.01",
        "2025-07",
        noRebuild(db()),
        TODAY,
      );
      const fresh = await buildScorecard(db().kysely, SYSTEM_ACTOR, "64.01", "2025-07");
      expect(shown(after)).toEqual(shown(fresh.view));
      expect(paudY(after)).toBe(paudY(before) + 1);
      // The kecamatan of the child does not see a record taken outside it, stored or fresh.
      const kec = await scorecardView(
        db().kysely,
        SYSTEM_ACTOR,
        "64.01.03",
        "2025-07",
        noRebuild(db()),
        TODAY,
      );
      expect(shown(kec)).toEqual(
        shown((await buildScorecard(db().kysely, SYSTEM_ACTOR, "64.01.03", "2025-07")).view),
      );
    }, 60_000);

    it("after a write the regency says its figures are being updated, the desa shows the write at once", async () => {
      await refreshAggregates(db().kysely, TODAY);
      const period = "2025-07";
      const before = await scorecardView(db().kysely, SYSTEM_ACTOR, "64.01", period, noRebuild(db()), TODAY);
      const desaBefore = await scorecardView(
        db().kysely,
        SYSTEM_ACTOR,
        DESA[0] as string,
        period,
        noRebuild(db()),
        TODAY,
      );
      expect(desaBefore.freshness).toBeUndefined();
      expect(desaBefore.rows?.length).toBeGreaterThan(0);
      // A weighing of a child of the desa not weighed this month: its cell turns Y.
      const row = desaBefore.rows?.find((r) => r.group === "anak_0_23" && r.cells.anak_timbang?.[0] === "T");
      expect(row).toBeDefined();
      const child = await db()
        .kysely.selectFrom("persons")
        .select(["id", "region_code"])
        .where("id", "=", row?.personId as string)
        .executeTakeFirstOrThrow();
      await db()
        .kysely.insertInto("measurements")
        .values({
          id: "m-now",
          person_id: child.id,
          region_code: child.region_code,
          measured_on: TODAY,
          weight_kg: 9.5,
          lenhei_cm: null,
          oedema: 0,
          created_at: TODAY,
          flagged: 0,
          growth_version: 1,
        } as never)
        .execute();
      const desaAfter = await scorecardView(
        db().kysely,
        SYSTEM_ACTOR,
        DESA[0] as string,
        period,
        noRebuild(db()),
        TODAY,
      );
      expect(
        desaAfter.rows?.find((r) => r.personId === child.id && r.group === "anak_0_23")?.cells.anak_timbang,
      ).toEqual(["Y"]);
      // The regency answers from the last build and says an update is on its way …
      const stale = await scorecardView(db().kysely, SYSTEM_ACTOR, "64.01", period, noRebuild(db()), TODAY);
      expect(stale.freshness?.updating).toBe(true);
      expect(stale.totals).toEqual(before.totals);
      // … and once rebuilt it counts the weighing, as a fresh scorecard does.
      await refreshAggregates(db().kysely, TODAY);
      const rebuilt = await scorecardView(db().kysely, SYSTEM_ACTOR, "64.01", period, noRebuild(db()), TODAY);
      expect(rebuilt.freshness?.updating).toBe(false);
      const timbang = (v: ScorecardView) =>
        v.totals.groups.find((g) => g.group === "anak_0_23")?.indicators.anak_timbang?.y ?? 0;
      expect(timbang(rebuilt)).toBe(timbang(before) + 1);
      expect(shown(rebuilt)).toEqual(
        shown((await buildScorecard(db().kysely, SYSTEM_ACTOR, "64.01", period)).view),
      );
    }, 60_000);

    it("a period not stored is scored live, without a freshness note", async () => {
      await refreshAggregates(db().kysely, TODAY);
      const old = await scorecardView(db().kysely, SYSTEM_ACTOR, "64.01", "2024-05", noRebuild(db()), TODAY);
      expect(old.freshness).toBeUndefined();
      expect(shown(old)).toEqual(
        shown((await buildScorecard(db().kysely, SYSTEM_ACTOR, "64.01", "2024-05")).view),
      );
    }, 60_000);
  },
  {
    seed: async (db) =>
      void (await ensureDemo(db.kysely, { children: 150, desa: DESA, today: TODAY, log: () => {} })),
  },
);
