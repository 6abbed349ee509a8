import { readFileSync } from "node:fs";
import { indicatorCatalogApi } from "@tumbuh/core";
import { afterEach, beforeEach, expect, it } from "vitest";
import { ensureDemo } from "../../demo/demo";
import { testApi } from "../../testing/api";
import { describeEachDialect } from "../../testing/dialects";
import { SHIPPED_CATALOG_FILE } from "./service";

// biome-ignore lint/suspicious/noExplicitAny: the raw catalog file, edited freely by the tests
const shippedFile = (): any => JSON.parse(readFileSync(SHIPPED_CATALOG_FILE, "utf8"));

describeEachDialect(
  "indicator catalog through the API",
  (db) => {
    let api: Awaited<ReturnType<typeof testApi>>;
    const get = (as: string, url: string) => api.request(as, { method: "GET", url });
    const patch = (as: string, id: string, payload: object) =>
      api.request(as, { method: "PATCH", url: `/api/indicators/${id}/target`, payload });
    const put = (as: string, payload: object, query = "") =>
      api.request(as, { method: "PUT", url: `/api/indicators/catalog${query}`, payload });
    const audits = (action: string) =>
      db()
        .kysely.selectFrom("audit_log")
        .selectAll()
        .where("action", "=", action)
        .orderBy("at")
        .orderBy("id")
        .execute();

    // Each test has its own copy of the demo database (catalog version 1, as shipped) and its own app on it.
    beforeEach(async () => {
      api = await testApi(db());
    });
    afterEach(async () => api.app.close());

    it("any user in the regency reads the shipped Paser catalog, stored as version 1 by the demo", async () => {
      const res = await get("kader.melati", "/api/indicators/catalog");
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ regency: "64.01", version: 1, origin: "shipped", canEdit: false });
      expect(body.catalog.indicators).toHaveLength(108);
      expect(body.catalog.indicators.filter((d: { id: string }) => d.id.startsWith("pasal7."))).toHaveLength(
        20,
      );
      expect((await get("admin", "/api/indicators/catalog")).json().canEdit).toBe(true);
      expect((await get("peninjau", "/api/indicators/catalog")).json().canEdit).toBe(false);
    });

    it("another regency's catalog is not found for a Paser user; an unknown regency has none", async () => {
      expect((await get("tpps.kuaro", "/api/indicators/catalog?regency=16.12")).statusCode).toBe(404);
      expect((await get("admin", "/api/indicators/catalog?regency=16.12")).statusCode).toBe(404);
      expect((await get("admin", "/api/indicators/catalog?regency=64")).statusCode).toBe(400);
    });

    it("only the regency admin edits a target: the OPD and the read-only viewer get 403", async () => {
      const payload = { value: 95, original: "Target: 95%" };
      expect((await patch("dinkes", "annex.A.a.1", payload)).statusCode).toBe(403);
      expect((await patch("peninjau", "annex.A.a.1", payload)).statusCode).toBe(403);
      expect((await patch("tpps.paser", "annex.A.a.1", payload)).statusCode).toBe(403);
      expect((await get("admin", "/api/indicators/catalog")).json().version).toBe(1);
    });

    it("the admin edits a target: new version, audited with before and after, history kept", async () => {
      const res = await patch("admin", "annex.A.a.1", { value: 95, original: "Target: 95%", year: 2026 });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        version: 2,
        indicator: {
          id: "annex.A.a.1",
          year: 2026,
          target: { kind: "percent", value: 95, original: "Target: 95%" },
        },
      });
      const now = (await get("kader.melati", "/api/indicators/catalog")).json();
      expect(now.version).toBe(2);
      expect(now.origin).toBe("target");
      expect(now.updatedBy).toBe("admin");
      const row = now.catalog.indicators.find((d: { id: string }) => d.id === "annex.A.a.1");
      expect(row.target).toEqual({
        kind: "percent",
        value: 95,
        original: "Target: 95%",
        direction: "up",
        per: null,
      });
      // Everything else is untouched.
      const shipped = shippedFile();
      expect(now.catalog.indicators.filter((d: { id: string }) => d.id !== "annex.A.a.1")).toEqual(
        shipped.indicators.filter((d: { id: string }) => d.id !== "annex.A.a.1"),
      );
      const [entry] = await audits("indicator_catalog.target");
      expect(entry).toMatchObject({ entity_id: "annex.A.a.1", region_code: "64.01", actor_name: "admin" });
      expect(JSON.parse(entry?.before_json ?? "null")).toMatchObject({ version: 1, target: { value: 90 } });
      expect(JSON.parse(entry?.after_json ?? "null")).toMatchObject({
        version: 2,
        target: { value: 95 },
        year: 2026,
      });
      const history = (await get("peninjau", "/api/indicators/catalog/history")).json();
      expect(history.versions.map((v: { version: number; origin: string }) => [v.version, v.origin])).toEqual(
        [
          [2, "target"],
          [1, "shipped"],
        ],
      );
      expect(history.versions[0].summary).toBe("annex.A.a.1: 90 → 95 (2026)");
    });

    it("refuses a bad target edit with 400 naming the field, and an unknown indicator with 404", async () => {
      const none = await patch("admin", "pasal7.c", { value: 50 });
      expect(none.statusCode).toBe(400);
      expect(none.json().error).toMatchObject({ code: "validation", field: "value" });
      const empty = await patch("admin", "annex.A.a.1", {});
      expect(empty.statusCode).toBe(400);
      const text = await patch("admin", "annex.A.a.1", { value: "lots" });
      expect(text.statusCode).toBe(400);
      expect(text.json().error.field).toBe("value");
      expect((await patch("admin", "annex.Z.z.9", { value: 1 })).statusCode).toBe(404);
      expect((await get("admin", "/api/indicators/catalog")).json().version).toBe(1);
    });

    it("exports the current catalog as a JSON file download, audited", async () => {
      expect((await patch("admin", "annex.A.a.1", { value: 95, original: "Target: 95%" })).statusCode).toBe(
        200,
      );
      const res = await get("tpps.kuaro", "/api/indicators/catalog/export");
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-disposition"]).toBe(
        'attachment; filename="katalog-indikator-kabupaten-paser-v2.json"',
      );
      expect(res.headers["content-type"]).toMatch(/^application\/json/);
      const file = JSON.parse(res.body);
      expect(file.regency).toBe("64.01");
      expect(file.indicators).toHaveLength(108);
      expect(file.indicators.find((d: { id: string }) => d.id === "annex.A.a.1").target.value).toBe(95);
      const entries = await audits("indicator_catalog.export");
      expect(entries.at(-1)).toMatchObject({ actor_name: "tpps.kuaro", region_code: "64.01" });
    });

    it("imports a whole catalog file (admin only), keeping the previous version", async () => {
      expect((await patch("admin", "annex.A.a.1", { value: 95, original: "Target: 95%" })).statusCode).toBe(
        200,
      );
      const file = shippedFile();
      file.indicators = file.indicators.filter((d: { id: string }) => !d.id.startsWith("annex.P5."));
      expect((await put("dinkes", file)).statusCode).toBe(403);
      expect((await put("peninjau", file)).statusCode).toBe(403);
      const res = await put("admin", file);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ version: 3, origin: "import" });
      expect(res.json().catalog.indicators).toHaveLength(108 - 17);
      const history = (await get("admin", "/api/indicators/catalog/history")).json();
      expect(history.versions.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
      const [entry] = (await audits("indicator_catalog.import")).filter((e) => e.actor_name === "admin");
      expect(JSON.parse(entry?.before_json ?? "null")).toEqual({ version: 2, indicators: 108 });
    });

    it("refuses an invalid file with 400 naming the indicator and field, and a file of another regency", async () => {
      const file = shippedFile();
      file.indicators[3].target.kind = "litre";
      const res = await put("admin", file);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.field).toBe("indicators.3.target.kind");
      expect(res.json().error.message).toContain("indicator 4 (pasal7.b) target.kind");
      const dup = shippedFile();
      dup.indicators[5].id = dup.indicators[4].id;
      expect((await put("admin", dup)).json().error.message).toContain("duplicate id");
      const other = { ...shippedFile(), regency: "16.12" };
      const wrong = await put("admin", other);
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.field).toBe("regency");
      expect((await put("admin", { nope: true })).statusCode).toBe(400);
      expect((await get("admin", "/api/indicators/catalog")).json().version).toBe(1);
    });

    it("with nothing stored, the shipped file serves its regency (version 0) and the first edit stores version 1", async () => {
      await db().kysely.deleteFrom("indicator_catalogs").execute();
      const first = (await get("kpm.sandeley", "/api/indicators/catalog")).json();
      expect(first).toMatchObject({ version: 0, origin: "shipped" });
      expect(first.catalog.indicators).toHaveLength(108);
      const res = await patch("admin", "pasal6.1.2025", { value: 19.5 });
      expect(res.json().version).toBe(1);
      expect((await get("kpm.sandeley", "/api/indicators/catalog")).json().version).toBe(1);
    });

    it("lists its endpoints in the OpenAPI document, each JSON answer with its response schema", async () => {
      const doc = (await api.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
      for (const ep of Object.values(indicatorCatalogApi)) {
        const op = doc.paths[ep.path.replace(/:(\w+)/g, "{$1}")]?.[ep.method.toLowerCase()];
        expect(op?.tags, ep.path).toEqual([ep.tag]);
        const schema = op.responses[ep.status ?? 200].content["application/json"].schema;
        if (ep.kind !== "file") expect(schema.type, ep.path).toMatch(/^(object|array)$/);
      }
    });

    it("requires a session", async () => {
      expect((await get(null as unknown as string, "/api/indicators/catalog")).statusCode).toBe(401);
    });
  },
  { seed: async (db) => void (await ensureDemo(db.kysely, { children: 0 })) },
);
