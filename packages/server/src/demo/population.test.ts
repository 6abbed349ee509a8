import { checkNik, levelOfCode } from "@tumbuh/core";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { describeEachDialect } from "../testing/dialects";
import { ensureDemo } from "./demo";
import { DEMO_CHILDREN, DEMO_SEED, demoChildrenFromEnv, generatePopulation } from "./population";

const TODAY = "2026-11-22";
const DESA = ["64.01.05.2003", "64.01.04.1001", "64.01.01.2009", "64.01.10.2001"];
const CHILDREN = 3000;

describe("demo population size", () => {
  it("is 25,000 children, or TUMBUH_DEMO_CHILDREN when set", () => {
    expect(demoChildrenFromEnv({})).toBe(DEMO_CHILDREN);
    expect(demoChildrenFromEnv({ TUMBUH_DEMO_CHILDREN: "2000" })).toBe(2000);
    expect(demoChildrenFromEnv({ TUMBUH_DEMO_CHILDREN: "25_000" })).toBe(25000);
    expect(demoChildrenFromEnv({ TUMBUH_DEMO_CHILDREN: "0" })).toBe(0);
    expect(() => demoChildrenFromEnv({ TUMBUH_DEMO_CHILDREN: "lots" })).toThrow(/TUMBUH_DEMO_CHILDREN/);
  });
});

describeEachDialect(
  "demo population in the database",
  (db) => {
    const k = () => db().kysely;

    it("stores exactly the generated rows (same seed → same rows, ids included)", async () => {
      const desa = await k()
        .selectFrom("regions")
        .select(["code", "name", "kind", "parent_code"])
        .where("code", "in", DESA)
        .execute();
      const batches = [
        ...generatePopulation({
          seed: DEMO_SEED,
          today: TODAY,
          children: CHILDREN,
          desa: desa.map((d) => ({
            code: d.code,
            name: d.name,
            kind: d.kind,
            kecamatanCode: d.parent_code ?? "",
          })),
          existingUnits: [
            {
              code: "64.01.05.2003.D01",
              name: "Dusun I Sandeley",
              kind: "dusun",
              parentCode: "64.01.05.2003",
            },
            {
              code: "64.01.05.2003.D02",
              name: "Dusun II Sandeley",
              kind: "dusun",
              parentCode: "64.01.05.2003",
            },
            {
              code: "64.01.05.2003.P01",
              name: "Posyandu Melati",
              kind: "posyandu",
              parentCode: "64.01.05.2003",
            },
            {
              code: "64.01.05.2003.P02",
              name: "Posyandu Mawar",
              kind: "posyandu",
              parentCode: "64.01.05.2003",
            },
          ],
        }),
      ];
      const persons = batches.flatMap((b) => b.persons);
      const stored = await k().selectFrom("persons").selectAll().orderBy("id").execute();
      // Columns added after the generator (a child leaving the registry) are empty for a new population.
      const expected = persons.map((p) => ({ left_on: null, left_reason: null, ...p }));
      expect(stored).toEqual(expected.sort((a, b) => (a.id < b.id ? -1 : 1)));
      const measurements = batches.flatMap((b) => b.measurements);
      const count = await k()
        .selectFrom("measurements")
        .select((e) => e.fn.countAll<number>().as("n"))
        .executeTakeFirst();
      expect(Number(count?.n)).toBe(measurements.length);
      const sample = measurements.filter((_, i) => i % 997 === 0);
      const rows = await k()
        .selectFrom("measurements")
        .selectAll()
        .where(
          "id",
          "in",
          sample.map((m) => m.id),
        )
        .orderBy("id")
        .execute();
      // Columns added after the generator (corrections, e-PPGBM's own values) are not the generator's to fill.
      expect(rows).toEqual(sample.map((m) => expect.objectContaining(m)));
      for (const table of ["households", "pregnancies", "posyandu_sessions"] as const) {
        const n = await k()
          .selectFrom(table)
          .select((e) => e.fn.countAll<number>().as("n"))
          .executeTakeFirst();
        const expected = batches.reduce(
          (s, b) =>
            s +
            (table === "households" ? b.households : table === "pregnancies" ? b.pregnancies : b.sessions)
              .length,
          0,
        );
        expect(Number(n?.n), table).toBe(expected);
      }
    });

    it("writes one audit entry for the whole population", async () => {
      const entries = await k()
        .selectFrom("audit_log")
        .selectAll()
        .where("action", "=", "demo.population")
        .execute();
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ entity: "demo", region_code: "64.01" });
      expect(JSON.parse(entries[0]?.after_json ?? "{}").counts).toMatchObject({ children: CHILDREN });
      const perRow = await k()
        .selectFrom("audit_log")
        .select("id")
        .where("entity", "in", ["person", "measurement"])
        .execute();
      expect(perRow).toEqual([]);
    });

    it("keeps Sandeley's two dusun and posyandu (no duplicates) and gives other desa their own", async () => {
      const units = await k()
        .selectFrom("regions")
        .select(["code", "name", "kind", "parent_code"])
        .where("level", "in", ["dusun", "posyandu"])
        .orderBy("code")
        .execute();
      const sandeley = units.filter((u) => u.parent_code === "64.01.05.2003" && u.kind === "posyandu");
      expect(sandeley.slice(0, 2).map((u) => u.name)).toEqual(["Posyandu Melati", "Posyandu Mawar"]);
      expect(new Set(sandeley.map((u) => u.name)).size).toBe(sandeley.length);
      for (const d of DESA) {
        const mine = units.filter((u) => u.parent_code === d);
        const p = mine.filter((u) => u.kind === "posyandu").length;
        const ds = mine.filter((u) => u.kind === "dusun").length;
        expect(p).toBeGreaterThanOrEqual(1);
        expect(p).toBeLessThanOrEqual(3);
        expect(ds).toBeGreaterThanOrEqual(2);
        expect(ds).toBeLessThanOrEqual(4);
      }
    });

    it("registers every child at a posyandu under its own desa", async () => {
      const rows = await k()
        .selectFrom("persons as p")
        .innerJoin("regions as r", "r.code", "p.region_code")
        .leftJoin("households as h", "h.id", "p.household_id")
        .select(["p.region_code", "r.level", "r.parent_code", "h.region_code as household_region"])
        .execute();
      expect(rows.length).toBeGreaterThan(CHILDREN);
      for (const r of rows) {
        expect(r.level).toBe("posyandu");
        expect(DESA).toContain(r.parent_code);
        if (r.household_region) expect(r.household_region.startsWith(`${r.parent_code}.D`)).toBe(true);
      }
    });

    it("has 15–25% stunted children under five at their latest measurement (stored tbu)", async () => {
      const latest = await k()
        .selectFrom("measurements as m")
        .innerJoin("persons as p", "p.id", "m.person_id")
        .select(["m.tbu"])
        .where("p.birth_date", ">", "2021-11-22")
        .where("m.tbu", "is not", null)
        .where("m.deleted_at", "is", null)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom("measurements as later")
                .select("later.id")
                // Live rows: the per-person index is partial (measurements_person_day_live).
                .where("later.deleted_at", "is", null)
                .whereRef("later.person_id", "=", "m.person_id")
                .whereRef("later.measured_on", ">", "m.measured_on"),
            ),
          ),
        )
        .execute();
      const stunted = latest.filter((r) => r.tbu === "tbu.pendek" || r.tbu === "tbu.sangat_pendek").length;
      expect(latest.length).toBeGreaterThan(CHILDREN * 0.9);
      expect(latest.length).toBeLessThanOrEqual(CHILDREN * 1.02);
      expect(stunted / latest.length).toBeGreaterThan(0.15);
      expect(stunted / latest.length).toBeLessThan(0.25);
    });

    it("flags the implausible values (about 0.5% of measurements)", async () => {
      const rows = await k()
        .selectFrom("measurements")
        .select(["flagged", (e) => e.fn.countAll<number>().as("n")])
        .groupBy("flagged")
        .execute();
      const n = (f: number) => Number(rows.find((r) => r.flagged === f)?.n ?? 0);
      expect(n(1) / (n(0) + n(1))).toBeGreaterThan(0.003);
      expect(n(1) / (n(0) + n(1))).toBeLessThan(0.01);
      const tenfold = await k()
        .selectFrom("measurements")
        .select(["flagged"])
        .where("weight_kg", ">", 60)
        .execute();
      expect(tenfold.length).toBeGreaterThan(0);
      for (const r of tenfold) expect(r.flagged).toBe(1);
    });

    it("has likely duplicates: same name key and birth date in one desa, one of them without NIK", async () => {
      const pairs = await k()
        .selectFrom("persons as a")
        .innerJoin("persons as b", (j) =>
          j
            .onRef("a.name_key", "=", "b.name_key")
            .onRef("a.birth_date", "=", "b.birth_date")
            .onRef("a.id", "<", "b.id"),
        )
        .select([
          "a.name as a_name",
          "b.name as b_name",
          "a.region_code as a_region",
          "b.region_code as b_region",
          "b.nik as b_nik",
          "a.parent_name as a_parent",
          "b.parent_name as b_parent",
        ])
        .where(sql<boolean>`a.name <> b.name`)
        .execute();
      expect(pairs.length).toBeGreaterThanOrEqual(20);
      const likely = pairs.filter(
        (p) =>
          p.a_region.slice(0, 13) === p.b_region.slice(0, 13) &&
          p.b_nik === null &&
          p.a_parent === p.b_parent,
      );
      expect(likely.length).toBeGreaterThanOrEqual(20);
    });

    it("gives NIKs a valid structure", async () => {
      const kecamatan = new Set(
        (await k().selectFrom("regions").select("code").where("level", "=", "kecamatan").execute()).map(
          (r) => r.code,
        ),
      );
      const rows = await k()
        .selectFrom("persons")
        .select(["nik", "birth_date", "sex"])
        .where("nik", "is not", null)
        .execute();
      expect(rows.length).toBeGreaterThan(CHILDREN);
      for (const r of rows) {
        const c = checkNik(
          r.nik as string,
          { birthDate: r.birth_date, sex: r.sex as 1 | 2 },
          (code) => kecamatan.has(code) && levelOfCode(code) === "kecamatan",
        );
        expect(c.error).toBeNull();
      }
    });

    it("has no measurement before birth, in the future, or at five years or older", async () => {
      const bad = await k()
        .selectFrom("measurements as m")
        .innerJoin("persons as p", "p.id", "m.person_id")
        .select(["m.id"])
        .where((eb) =>
          eb.or([
            eb("m.measured_on", "<=", eb.ref("p.birth_date")),
            eb("m.measured_on", ">=", "2026-11-01"),
            eb("m.age_days", ">=", 1827),
          ]),
        )
        .execute();
      expect(bad).toEqual([]);
    });
  },
  {
    once: true,
    seed: async (db) =>
      void (await ensureDemo(db.kysely, {
        children: CHILDREN,
        desa: DESA,
        today: TODAY,
        log: () => {},
        families: false,
      })),
  },
);
