import { resetClock, setClock } from "@tumbuh/core";
import { afterEach, expect, it } from "vitest";
import { ensureDemo } from "../../demo/demo";
import { testApi } from "../../testing/api";
import { describeEachDialect } from "../../testing/dialects";
import { cachedFigures, figuresGeneration } from "./figures-cache";

const TODAY = new Date().toISOString().slice(0, 10);
const YEAR = TODAY.slice(0, 4);
const DESA = "64.01.05.2003";

describeEachDialect(
  "dashboards keep their summed figures until the next rebuild",
  (db) => {
    afterEach(() => resetClock());

    it("shows each rebuild's figures, even two rebuilds stamped at the same instant (a fixed clock)", async () => {
      // Every rebuild stamps the same built_at under a fixed clock: only the generation tells them apart.
      setClock(`${TODAY}T03:00:00.000Z`);
      const api = await testApi(db());
      const dashboard = async () => {
        const res = await api.request("tpps.paser", {
          method: "GET",
          url: `/api/indicators/dashboard?region=64.01&period=${YEAR}`,
        });
        expect(res.statusCode, res.body).toBe(200);
        return res.json().panel.coverage.denominator as number;
      };
      const publication = async () => {
        const res = await api.request(null, { method: "GET", url: `/api/public/publication/${YEAR}` });
        expect(res.statusCode, res.body).toBe(200);
        return res.json().rows[0].registered as number | null;
      };
      const newChild = async (name: string) => {
        const res = await api.request("bidan.sandeley", {
          method: "POST",
          url: "/api/persons",
          payload: { regionCode: DESA, name, sex: 2, birthDate: `${YEAR}-01-02` },
        });
        expect(res.statusCode, res.body).toBe(201);
        await dashboard(); // submits the rebuild
        await api.jobs.idle();
      };

      await api.jobs.idle();
      const first = { dashboard: await dashboard(), publication: await publication() };
      const generation = await figuresGeneration(db().kysely);
      // Read again: the same figures (from the cache now).
      expect(await dashboard()).toBe(first.dashboard);

      await newChild("Bayi Satu");
      const months = Number(TODAY.slice(5, 7));
      expect(await dashboard()).toBe(first.dashboard + months);
      expect(await publication()).toBe((first.publication ?? 0) + 1);

      await newChild("Bayi Dua");
      expect(await dashboard()).toBe(first.dashboard + 2 * months);
      expect(await publication()).toBe((first.publication ?? 0) + 2);
      expect(await figuresGeneration(db().kysely)).toBe((generation ?? 0) + 2);
      await api.app.close();
    });
  },
  { seed: async (db) => void (await ensureDemo(db.kysely, { children: 200, desa: [DESA], log: () => {} })) },
);

describeEachDialect("cachedFigures", (db) => {
  it("loads once per key and generation; concurrent readers share the load; a failed load is tried again", async () => {
    const k = db().kysely;
    let loads = 0;
    const load = async () => ++loads;
    const [a, b] = await Promise.all([cachedFigures(k, 1, "x", load), cachedFigures(k, 1, "x", load)]);
    expect([a, b, loads]).toEqual([1, 1, 1]);
    expect(await cachedFigures(k, 2, "x", load)).toBe(2);
    expect(await cachedFigures(k, 2, "x", load)).toBe(2);
    await expect(cachedFigures(k, 2, "y", () => Promise.reject(new Error("busy")))).rejects.toThrow("busy");
    expect(await cachedFigures(k, 2, "y", load)).toBe(3);
  });
});
