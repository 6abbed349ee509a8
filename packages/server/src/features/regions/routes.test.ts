import { afterEach, beforeEach, expect, it } from "vitest";
import { ensureDemo } from "../../demo/demo";
import { testApi } from "../../testing/api";
import { describeEachDialect } from "../../testing/dialects";

describeEachDialect(
  "region access through the API",
  (db) => {
    let api: Awaited<ReturnType<typeof testApi>>;
    // Each test has its own copy of the demo database and its own app on it.
    beforeEach(async () => {
      api = await testApi(db());
    });
    afterEach(async () => api.app.close());

    const get = (as: string | null, code: string) =>
      api.request(as, { method: "GET", url: `/api/regions/${code}` });

    it("a KPM sees its desa with its dusun and posyandu", async () => {
      const res = await get("kpm.sandeley", "64.01.05.2003");
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.region).toMatchObject({
        code: "64.01.05.2003",
        name: "Sandeley",
        level: "desa",
        kind: "desa",
      });
      expect(body.children.map((c: { name: string }) => c.name)).toEqual([
        "Dusun I Sandeley",
        "Dusun II Sandeley",
        "Posyandu Melati",
        "Posyandu Mawar",
      ]);
      expect(body.ancestors.map((a: { code: string; visible: boolean }) => [a.code, a.visible])).toEqual([
        ["64", false],
        ["64.01", false],
        ["64.01.05", false],
      ]);
    });

    it("a KPM gets 404 for another desa, its kecamatan, a nonexistent code and a posyandu elsewhere", async () => {
      for (const code of ["64.01.05.2004", "64.01.05", "64.01", "64.01.05.9999", "64.01.06.2001"]) {
        const res = await get("kpm.sandeley", code);
        expect(res.statusCode, code).toBe(404);
        expect(res.json()).toEqual({ error: { code: "not_found", message: "Not found." } });
      }
    });

    it("a TPPS kecamatan sees all 13 desa/kelurahan of Kuaro and none of another kecamatan", async () => {
      const res = await get("tpps.kuaro", "64.01.05");
      expect(res.statusCode).toBe(200);
      expect(res.json().children).toHaveLength(13);
      expect((await get("tpps.kuaro", "64.01.05.2011")).statusCode).toBe(200);
      expect((await get("tpps.kuaro", "64.01.06")).statusCode).toBe(404);
      expect((await get("tpps.kuaro", "64.01.06.2001")).statusCode).toBe(404);
    });

    it("the regency sees its 10 kecamatan, each with its desa count", async () => {
      const res = await get("tpps.paser", "64.01");
      const kec = res.json().children as { name: string; childCount: number }[];
      expect(kec).toHaveLength(10);
      expect(kec.find((k) => k.name === "Long Ikis")?.childCount).toBe(26);
      expect((await get("tpps.paser", "16.12")).statusCode).toBe(404);
    });

    it("unauthenticated calls get 401", async () => {
      for (const url of ["/api/regions/64.01", "/api/me", "/api/audit", "/api/regions"]) {
        const res = await api.request(null, { method: "GET", url });
        expect(res.statusCode, url).toBe(401);
        expect(res.json().error.code).toBe("unauthenticated");
      }
    });

    it("lists where a user starts: its own scope regions", async () => {
      const res = await api.request("kader.melati", { method: "GET", url: "/api/regions" });
      expect(res.json().regions).toEqual([
        {
          code: "64.01.05.2003.P01",
          name: "Posyandu Melati",
          level: "posyandu",
          kind: "posyandu",
          parentCode: "64.01.05.2003",
        },
      ]);
    });

    it("a KPM creates a posyandu in its desa, numbered after the others, and the write is audited", async () => {
      const res = await api.request("kpm.sandeley", {
        method: "POST",
        url: "/api/regions/64.01.05.2003/children",
        payload: { kind: "posyandu", name: "Posyandu Anggrek" },
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ code: "64.01.05.2003.P03", level: "posyandu" });
      const audit = await api.request("admin", { method: "GET", url: "/api/audit?limit=5" });
      const entry = audit.json().entries.find((e: { action: string }) => e.action === "region.create");
      expect(entry).toMatchObject({ actorName: "kpm.sandeley", entityId: "64.01.05.2003.P03" });
      expect(entry.after).toMatchObject({ name: "Posyandu Anggrek" });
    });

    it("no one creates units outside their scope (404) or without the power (403)", async () => {
      const payload = { kind: "dusun", name: "Dusun X" };
      const other = await api.request("kpm.sandeley", {
        method: "POST",
        url: "/api/regions/64.01.05.2004/children",
        payload,
      });
      expect(other.statusCode).toBe(404);
      const viewer = await api.request("peninjau", {
        method: "POST",
        url: "/api/regions/64.01.05.2003/children",
        payload,
      });
      expect(viewer.statusCode).toBe(403);
    });

    it("only admins read the audit log, and only inside their scope", async () => {
      expect((await api.request("kpm.sandeley", { method: "GET", url: "/api/audit" })).statusCode).toBe(403);
      const res = await api.request("admin", { method: "GET", url: "/api/audit?limit=500" });
      expect(res.statusCode).toBe(200);
      const entries = res.json().entries as { regionCode: string | null }[];
      expect(entries.length).toBeGreaterThan(0);
      expect(entries.every((e) => e.regionCode?.startsWith("64.01"))).toBe(true);
    });
  },
  { seed: async (db) => void (await ensureDemo(db.kysely, { children: 0 })) },
);
