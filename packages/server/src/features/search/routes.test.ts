import { afterEach, beforeEach, expect, it } from "vitest";
import { ensureDemo } from "../../demo/demo";
import { testApi } from "../../testing/api";
import { describeEachDialect } from "../../testing/dialects";

describeEachDialect(
  "one search across the user's area",
  (db) => {
    let api: Awaited<ReturnType<typeof testApi>>;
    beforeEach(async () => {
      api = await testApi(db());
    });
    afterEach(async () => api.app.close());
    const search = (as: string, q: string) =>
      api.request(as, { method: "GET", url: `/api/search?q=${encodeURIComponent(q)}` });

    it("finds a name sound-alike and a whole NIK, masks the NIK, names the place; other areas find nothing", async () => {
      const res = await api.request("kpm.sandeley", {
        method: "POST",
        url: "/api/persons",
        payload: {
          regionCode: "64.01.05.2003.P01",
          name: "Muhammad Rizky",
          sex: 1,
          birthDate: "2025-02-03",
          nik: "6401050302250001",
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      // spelled as a cadre hears it
      const byName = (await search("kader.melati", "Muhamad Riski")).json();
      expect(byName.byNik).toBe(false);
      expect(byName.hits.map((h: { name: string }) => h.name)).toContain("Muhammad Rizky");
      const hit = byName.hits.find((h: { name: string }) => h.name === "Muhammad Rizky");
      expect(hit.placeName).toBe("Posyandu Melati");
      expect(hit.nikMasked).not.toContain("640105030225");
      const byNik = (await search("tpps.kuaro", "6401050302250001")).json();
      expect(byNik).toMatchObject({ byNik: true, hits: [{ name: "Muhammad Rizky" }] });
      // Posyandu Mawar's cadre sees nothing of him, by name or NIK
      const made = await api.request("admin", {
        method: "POST",
        url: "/api/users",
        payload: {
          username: "kader.mawar",
          displayName: "Kader Mawar",
          assignments: [{ role: "kader_posyandu", scope: "64.01.05.2003.P02" }],
        },
      });
      expect(made.statusCode, made.body).toBe(201);
      await api.login("kader.mawar", made.json().password);
      expect((await search("kader.mawar", "Muhammad Rizky")).json().hits).toEqual([]);
      expect((await search("kader.mawar", "6401050302250001")).json().hits).toEqual([]);
    });

    it("refuses a one-letter search", async () => {
      expect((await search("kpm.sandeley", "M")).statusCode).toBe(400);
    });
  },
  { seed: async (db) => void (await ensureDemo(db.kysely, { children: 0 })) },
);
