import { afterEach, beforeEach, expect, it } from "vitest";
import type { Db } from "../../db/database";
import { ensureDemo } from "../../demo/demo";
import { testApi } from "../../testing/api";
import { describeEachDialect } from "../../testing/dialects";

/** The children the seed registers (the same ids in every test's copy of the seeded database). */
const ids: Record<string, string> = {};

/** The demo, four look-alike children registered by the KPM, and two weighings each for a and b. */
async function seed(db: Db): Promise<void> {
  await ensureDemo(db.kysely, { children: 0 });
  const api = await testApi(db);
  const post = (url: string, payload: object) =>
    api.request("kpm.sandeley", { method: "POST", url, payload });
  const child = (name: string, parentName: string, nik: string | null, birthDate = "2025-03-02") =>
    post("/api/persons", { regionCode: "64.01.05.2003", name, sex: 1, birthDate, parentName, nik });
  ids.a = (await child("Muhammad Rizky", "Siti Noerhaliza", "6401050203250007")).json().person.id;
  ids.b = (await child("Mohamad Rizki", "Siti Nurhaliza", null)).json().person.id;
  ids.otherMother = (await child("Muhamad Risky", "Dewi Lestari", null)).json().person.id;
  ids.otherDay = (await child("Muhammad Rizky", "Siti Nurhaliza", null, "2025-03-03")).json().person.id;
  for (const [id, day, w] of [
    [ids.a, "2026-05-05", 8.1],
    [ids.a, "2026-06-05", 8.4],
    [ids.b, "2026-06-05", 8.5],
    [ids.b, "2026-07-05", 8.7],
  ] as const) {
    const res = await post("/api/measurements", { personId: id, measuredOn: day, weightKg: w });
    if (res.statusCode !== 201) throw new Error(`seed measurement: ${res.statusCode} ${res.body}`);
  }
  await api.app.close();
}

describeEachDialect(
  "likely duplicates, merge and undo",
  (db) => {
    let api: Awaited<ReturnType<typeof testApi>>;
    const post = (url: string, payload: object) =>
      api.request("kpm.sandeley", { method: "POST", url, payload });
    const get = (url: string) => api.request("kpm.sandeley", { method: "GET", url });

    // Each test has its own copy of the seeded database and its own app on it.
    beforeEach(async () => {
      api = await testApi(db());
    });
    afterEach(async () => api.app.close());

    it("proposes only the pair with the same sound-alike name, birth date and mother", async () => {
      const res = await get("/api/regions/64.01.05.2003/duplicates");
      const pairs = res.json().pairs as { a: { id: string }; b: { id: string }; reasons: string[] }[];
      expect(pairs).toHaveLength(1);
      expect(new Set([pairs[0]?.a.id, pairs[0]?.b.id])).toEqual(new Set([ids.a, ids.b]));
      expect(pairs[0]?.reasons).toEqual(["same_name", "same_birth_date", "same_desa", "mother_name_alike"]);
    });

    it("merges keeping every measurement, leads old links to the kept record, and undoes exactly", async () => {
      const merge = await post("/api/persons/merge", { keepId: ids.b, mergeId: ids.a });
      expect(merge.statusCode).toBe(200);
      const kept = (await get(`/api/persons/${ids.b}`)).json();
      expect(kept.person.nik).toBe("6401050203250007");
      // Both of b's days plus a's May weighing; a's June weighing stays with the merged record (same day).
      expect(kept.measurements.map((m: { measuredOn: string }) => m.measuredOn)).toEqual([
        "2026-05-05",
        "2026-06-05",
        "2026-07-05",
      ]);
      expect((await get(`/api/persons/${ids.a}`)).json().person.id).toBe(ids.b);
      expect((await get("/api/regions/64.01.05.2003/duplicates")).json().pairs).toEqual([]);

      const undo = await post(`/api/merges/${merge.json().mergeId}/undo`, {});
      expect(undo.statusCode).toBe(204);
      const a = (await get(`/api/persons/${ids.a}`)).json();
      const b = (await get(`/api/persons/${ids.b}`)).json();
      expect(a.person).toMatchObject({ id: ids.a, nik: "6401050203250007" });
      expect(a.measurements.map((m: { weightKg: number }) => m.weightKg)).toEqual([8.1, 8.4]);
      expect(b.person.nik).toBeNull();
      expect(b.measurements.map((m: { weightKg: number }) => m.weightKg)).toEqual([8.5, 8.7]);
      expect((await post(`/api/merges/${merge.json().mergeId}/undo`, {})).statusCode).toBe(409);

      const audit = await api.request("admin", { method: "GET", url: "/api/audit?limit=20" });
      const actions = audit.json().entries.map((e: { action: string }) => e.action);
      expect(actions).toEqual(expect.arrayContaining(["person.merge", "person.merge_undo"]));
    });

    it("a dismissed pair is not proposed again", async () => {
      expect((await get("/api/regions/64.01.05.2003/duplicates")).json().pairs).toHaveLength(1);
      expect((await post("/api/duplicates/dismiss", { aId: ids.b, bId: ids.a })).statusCode).toBe(204);
      expect((await get("/api/regions/64.01.05.2003/duplicates")).json().pairs).toEqual([]);
    });

    it("nobody merges across scopes", async () => {
      const outside = await api.request("tpps.kuaro", {
        method: "POST",
        url: "/api/persons",
        payload: { regionCode: "64.01.05.2004", name: "Muhammad Rizky", sex: 1, birthDate: "2025-03-02" },
      });
      const res = await post("/api/persons/merge", { keepId: ids.a, mergeId: outside.json().person.id });
      expect(res.statusCode).toBe(404);
    });
  },
  { seed },
);
