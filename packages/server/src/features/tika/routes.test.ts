import { afterEach, beforeEach, expect, it } from "vitest";
import type { Db } from "../../db/database";
import { ensureDemo } from "../../demo/demo";
import { testApi } from "../../testing/api";
import { describeEachDialect } from "../../testing/dialects";
import { uuidv7 } from "../../util/ids";
import { TIKA_CSV_HEADER } from "./exports";

/*
 * Desa Sandeley, third quarter of 2025 (2025-Q3, Jul–Sep), counted by hand:
 *   P01 Ana   (girl, born 2025-01-15): tika kuning 10 Aug, hijau 12 Sep; length 60 cm on 20 Sep (merah by
 *             WHO, −3.8 SD) → the latest READING stands: hijau.
 *   P01 Budi  (boy, born 2024-06-01, 13 months): no reading; 70 cm on 5 Jul (−2.9 SD) → merah from length.
 *   P02 Cici  (girl, born 2023-01-01, 30 months): older than 23 months all quarter → not counted.
 *   P02 Dodi  (boy, born 2025-05-01): tika kuning on 20 Jun (Q2) only → tidak diukur in Q3; kuning in 2025-S1.
 *   Q3: P01 2 children, merah 1 (length), hijau 1 (reading); P02 1 child, not measured.
 */
const P01 = "64.01.05.2003.P01";
const P02 = "64.01.05.2003.P02";
const ids: Record<string, string> = {};

async function seed(db: Db): Promise<void> {
  await ensureDemo(db.kysely, { children: 0 });
  const api = await testApi(db);
  const post = async (url: string, payload: object) => {
    const res = await api.request("kpm.sandeley", { method: "POST", url, payload });
    if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const child = async (name: string, sex: 1 | 2, birthDate: string, regionCode: string) =>
    (await post("/api/persons", { regionCode, name, sex, birthDate })).person.id as string;
  const reading = (personId: string, measuredOn: string, band: string) =>
    post("/api/tika-readings", { id: uuidv7(), personId, measuredOn, band, measuredBy: "Siti (KPM)" });
  const ana = await child("Ana Lestari", 2, "2025-01-15", P01);
  const budi = await child("Budi Santoso", 1, "2024-06-01", P01);
  await child("Cici Amelia", 2, "2023-01-01", P02);
  const dodi = await child("Dodi Saputra", 1, "2025-05-01", P02);
  await reading(ana, "2025-08-10", "kuning");
  await reading(ana, "2025-09-12", "hijau");
  await post("/api/measurements", {
    personId: ana,
    measuredOn: "2025-09-20",
    lenheiCm: 60,
    measure: "l",
    confirmedImplausible: { reason: "diukur ulang, benar" },
  });
  await post("/api/measurements", { personId: budi, measuredOn: "2025-07-05", lenheiCm: 70, measure: "l" });
  await reading(dodi, "2025-06-20", "kuning");
  await api.app.close();
}

describeEachDialect(
  "tika pertumbuhan",
  (db) => {
    let api: Awaited<ReturnType<typeof testApi>>;
    const get = (as: string, url: string) => api.request(as, { method: "GET", url });
    const post = (as: string, url: string, payload: object) =>
      api.request(as, { method: "POST", url, payload });
    const personId = async (name: string) =>
      (
        await db()
          .kysely.selectFrom("persons")
          .select("id")
          .where("name", "=", name)
          .executeTakeFirstOrThrow()
      ).id;
    beforeEach(async () => {
      api = await testApi(db());
      for (const n of ["Ana Lestari", "Budi Santoso", "Cici Amelia", "Dodi Saputra"])
        ids[n] = await personId(n);
    });
    afterEach(async () => api.app.close());

    it("counts terindikasi / berisiko / tidak stunting per posyandu and for the desa, as counted by hand", async () => {
      const res = await get("kpm.sandeley", "/api/regions/64.01.05.2003/tika?period=2025-Q3");
      expect(res.statusCode, res.body).toBe(200);
      const view = res.json();
      const by = Object.fromEntries(
        view.rows.map((r: { code: string; counts: object }) => [r.code, r.counts]),
      );
      expect(by[P01]).toEqual({
        children: 2,
        merah: 1,
        kuning: 0,
        hijau: 1,
        notMeasured: 0,
        fromReading: 1,
        fromLength: 1,
      });
      expect(by[P02]).toEqual({
        children: 1,
        merah: 0,
        kuning: 0,
        hijau: 0,
        notMeasured: 1,
        fromReading: 0,
        fromLength: 0,
      });
      expect(view.total).toMatchObject({ children: 3, merah: 1, kuning: 0, hijau: 1, notMeasured: 1 });
      expect(view.rule).toMatchObject({ key: "who-2sd-1sd", confirmed: false });
      // Every period kind: a semester holds Dodi's June reading; a month holds only what was in it.
      const s1 = (await get("kpm.sandeley", "/api/regions/64.01.05.2003/tika?period=2025-S1")).json();
      expect(s1.total).toMatchObject({ kuning: 1, fromReading: 1 });
      const aug = (await get("kpm.sandeley", "/api/regions/64.01.05.2003/tika?period=2025-08")).json();
      expect(aug.total).toMatchObject({ kuning: 1, merah: 0, hijau: 0, children: 3, notMeasured: 2 });
      const year = (await get("kader.melati", `/api/regions/${P01}/tika?period=2025`)).json();
      expect(year.total).toMatchObject({ children: 2, hijau: 1, merah: 1 });
      expect((await get("kpm.sandeley", "/api/regions/64.01.05.2003/tika?period=2025-Q5")).statusCode).toBe(
        400,
      );
      expect((await get("kpm.sandeley", "/api/regions/64.01.05.2004/tika?period=2025")).statusCode).toBe(404);
    });

    it("a child's page shows the latest reading, and the band its latest length gives beside it", async () => {
      const view = (await get("kpm.sandeley", `/api/persons/${ids["Ana Lestari"]}/tika`)).json();
      expect(view.readings.map((r: { band: string }) => r.band)).toEqual(["kuning", "hijau"]);
      expect(view.readings[1]).toMatchObject({ measuredBy: "Siti (KPM)", recordedBy: "kpm.sandeley" });
      expect(view.shown).toMatchObject({ band: "hijau", source: "reading", on: "2025-09-12" });
      expect(view.fromLength).toMatchObject({ band: "merah", source: "length", lengthCm: 60 });
      const budi = (await get("kpm.sandeley", `/api/persons/${ids["Budi Santoso"]}/tika`)).json();
      expect(budi.shown).toMatchObject({ band: "merah", source: "length", zlen: -2.9 });
    });

    it("records a reading once (a replay is a no-op), audited; refuses a child over 23 months, a viewer, a bad band", async () => {
      const id = uuidv7();
      const body = { id, personId: ids["Budi Santoso"], measuredOn: "2025-10-01", band: "kuning" };
      expect((await post("kader.melati", "/api/tika-readings", body)).statusCode).toBe(201);
      expect((await post("kader.melati", "/api/tika-readings", body)).statusCode).toBe(201);
      const rows = await db().kysely.selectFrom("tika_readings").selectAll().where("id", "=", id).execute();
      expect(rows).toHaveLength(1);
      const audit = await db()
        .kysely.selectFrom("audit_log")
        .selectAll()
        .where("action", "=", "tika_reading.create")
        .where("entity_id", "=", id)
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]?.actor_name).toBe("kader.melati");
      // The same id for another child is a conflict, not a silent success.
      expect(
        (await post("kader.melati", "/api/tika-readings", { ...body, personId: ids["Ana Lestari"] }))
          .statusCode,
      ).toBe(409);

      const old = await post("kpm.sandeley", "/api/tika-readings", {
        id: uuidv7(),
        personId: ids["Cici Amelia"],
        measuredOn: "2025-08-01",
        band: "hijau",
      });
      expect(old.statusCode).toBe(400);
      expect(old.json().error).toMatchObject({
        code: "validation",
        field: "measuredOn",
        reason: "outside_tika_age",
      });
      const viewer = await post("peninjau", "/api/tika-readings", { ...body, id: uuidv7() });
      expect(viewer.statusCode).toBe(403);
      const bad = await post("kpm.sandeley", "/api/tika-readings", { ...body, id: uuidv7(), band: "biru" });
      expect(bad.statusCode).toBe(400);
      const future = await post("kpm.sandeley", "/api/tika-readings", {
        ...body,
        id: uuidv7(),
        measuredOn: "2099-01-01",
      });
      expect(future.statusCode).toBe(400);
    });

    it("a reading taken offline arrives through sync push, once, and comes back in the pull", async () => {
      const entityId = uuidv7();
      const op = {
        opId: uuidv7(),
        entity: "tika_reading",
        entityId,
        kind: "append",
        payload: {
          personId: ids["Budi Santoso"],
          measuredOn: "2025-09-30",
          band: "hijau",
          measuredBy: "Kader Melati",
        },
      };
      for (let i = 0; i < 2; i++) {
        const pushed = await post("kader.melati", "/api/sync/push", { ops: [op] });
        expect(pushed.statusCode, pushed.body).toBe(200);
        expect(pushed.json().results[0]).toMatchObject({ status: "applied" });
      }
      // Budi's reading now stands instead of the band of his length (merah).
      const q3 = (await get("kader.melati", `/api/regions/${P01}/tika?period=2025-Q3`)).json();
      expect(q3.total).toMatchObject({ hijau: 2, merah: 0, fromReading: 2, fromLength: 0 });
      let cursor: string | undefined;
      const seen: { entity: string; id: string; data?: Record<string, unknown> }[] = [];
      for (;;) {
        const qs = new URLSearchParams(cursor ? { cursor } : {});
        const page = (await get("kader.melati", `/api/sync/pull?${qs}`)).json();
        seen.push(...page.records);
        cursor = page.cursor;
        if (!page.more) break;
      }
      const mine = seen.find((r) => r.entity === "tika_reading" && r.id === entityId);
      expect(mine?.data).toMatchObject({ personId: ids["Budi Santoso"], band: "hijau", regionCode: P01 });
    });

    it("downloads the counts as CSV with the same figures, audited", async () => {
      const res = await get(
        "desa.sandeley",
        "/api/regions/64.01.05.2003/tika/export?period=2025-Q3&format=csv",
      );
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-disposition"]).toContain("tika-desa-sandeley-triwulan-iii-2025.csv");
      const lines = res.body.trim().split("\r\n");
      expect(lines[0]).toBe(TIKA_CSV_HEADER.map((w) => w.id).join(","));
      expect(lines[0]).toContain("Terindikasi stunting (merah)");
      const en = await api.request("desa.sandeley", {
        method: "GET",
        url: "/api/regions/64.01.05.2003/tika/export?period=2025-Q3&format=csv",
        cookies: { tumbuh_lang: "en" },
      });
      const enLines = en.body.trim().split("\r\n");
      expect(enLines[0]).toBe(TIKA_CSV_HEADER.map((w) => w.en).join(","));
      expect(enLines.at(-1)).toBe("64.01.05.2003,Total Sandeley,Quarter III 2025,3,1,0,1,1,1,1");
      expect(lines.at(-1)).toBe("64.01.05.2003,Jumlah Sandeley,Triwulan III 2025,3,1,0,1,1,1,1");
      const audit = await db()
        .kysely.selectFrom("audit_log")
        .selectAll()
        .where("action", "=", "tika.export")
        .execute();
      expect(audit).toHaveLength(2);
    });
  },
  { seed },
);
