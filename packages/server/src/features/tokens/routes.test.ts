import { addDays, tokensApi } from "@tumbuh/core";
import { expect, it } from "vitest";
import { ensureDemo } from "../../demo/demo";
import { testApi } from "../../testing/api";
import { describeEachDialect } from "../../testing/dialects";

const TODAY = new Date().toISOString().slice(0, 10);
const DESA = ["64.01.05.2003", "64.01.03.2003"];

describeEachDialect(
  "personal access tokens",
  (db) => {
    const create = async (api: Awaited<ReturnType<typeof testApi>>, body: Record<string, unknown>) => {
      const res = await api.request("admin", { method: "POST", url: "/api/tokens", payload: body });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as {
        token: { id: string; scopeName: string | null; scopeKind: string | null };
        secret: string;
      };
    };
    const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

    it("reads its region, gets 404 outside it, and every use is audited", async () => {
      const api = await testApi(db());
      const { token, secret } = await create(api, {
        name: "Dasbor provinsi Kuaro",
        scope: "64.01.05",
        expiresOn: addDays(TODAY, 30),
      });
      expect(secret).toMatch(/^tumbuh_pat_/);
      // the region is named for people to read, in the answer and in the list
      expect([token.scopeName, token.scopeKind]).toEqual(["Kuaro", "kecamatan"]);
      const listed = await api.request("admin", { method: "GET", url: "/api/tokens" });
      expect(listed.json().tokens[0]).toMatchObject({ scopeName: "Kuaro", scopeKind: "kecamatan" });
      const inside = await api.app.inject({
        method: "GET",
        url: "/api/indicators/dashboard?region=64.01.05&period=2025",
        headers: bearer(secret),
      });
      expect(inside.statusCode, inside.body).toBe(200);
      const outside = await api.app.inject({
        method: "GET",
        url: "/api/indicators/dashboard?region=64.01.03&period=2025",
        headers: bearer(secret),
      });
      expect(outside.statusCode).toBe(404);
      const uses = await db()
        .kysely.selectFrom("audit_log")
        .select(["actor_name", "after_json"])
        .where("action", "=", "token.use")
        .where("entity_id", "=", token.id)
        .execute();
      expect(uses).toHaveLength(2);
      expect(uses[0]?.actor_name).toBe("token:Dasbor provinsi Kuaro");
      expect(JSON.parse(uses[0]?.after_json ?? "{}")).toEqual({
        method: "GET",
        path: "/api/indicators/dashboard",
      });
      // Stored hashed: the secret itself is nowhere in the table.
      const rows = await db().kysely.selectFrom("access_tokens").selectAll().execute();
      expect(JSON.stringify(rows)).not.toContain(secret);
    });

    it("refuses writes with a read-only token and sessions' routes with any token", async () => {
      const api = await testApi(db());
      const { secret } = await create(api, {
        name: "Baca saja",
        scope: "64.01",
        expiresOn: addDays(TODAY, 5),
      });
      const write = await api.app.inject({
        method: "POST",
        url: "/api/indicators/values",
        headers: bearer(secret),
        payload: { indicatorId: "x", regionCode: "64.01", period: "2025", value: 1 },
      });
      expect(write.statusCode).toBe(403);
      const me = await api.app.inject({ method: "GET", url: "/api/auth/me", headers: bearer(secret) });
      expect(me.statusCode).toBe(403);
    });

    it("answers 401 to a revoked, an expired or an unknown token", async () => {
      const api = await testApi(db());
      const { token, secret } = await create(api, { name: "Sementara", scope: "64.01", expiresOn: TODAY });
      const get = () => api.app.inject({ method: "GET", url: "/api/regions/64.01", headers: bearer(secret) });
      expect((await get()).statusCode).not.toBe(401);
      // Expired: move its end into the past.
      await db()
        .kysely.updateTable("access_tokens")
        .set({ expires_at: `${TODAY}T00:00:00.000Z` })
        .where("id", "=", token.id)
        .execute();
      expect((await get()).statusCode).toBe(401);
      const second = await create(api, { name: "Dicabut", scope: "64.01", expiresOn: addDays(TODAY, 2) });
      const revoke = await api.request("admin", {
        method: "POST",
        url: `/api/tokens/${second.token.id}/revoke`,
      });
      expect(revoke.statusCode).toBe(200);
      expect(revoke.json().revokedAt).not.toBeNull();
      const after = await api.app.inject({
        method: "GET",
        url: "/api/regions/64.01",
        headers: bearer(second.secret),
      });
      expect(after.statusCode).toBe(401);
      const unknown = await api.app.inject({
        method: "GET",
        url: "/api/regions/64.01",
        headers: bearer("tumbuh_pat_nothing"),
      });
      expect(unknown.statusCode).toBe(401);
    });

    it("lets only user administrators create tokens, inside their scope, for at most a year", async () => {
      const api = await testApi(db());
      const body = { name: "Skrip", scope: "64.01", expiresOn: addDays(TODAY, 10) };
      expect(
        (await api.request("tpps.paser", { method: "POST", url: "/api/tokens", payload: body })).statusCode,
      ).toBe(403);
      expect(
        (
          await api.request("admin", {
            method: "POST",
            url: "/api/tokens",
            payload: { ...body, scope: "63.01" },
          })
        ).statusCode,
      ).toBe(404);
      const far = await api.request("admin", {
        method: "POST",
        url: "/api/tokens",
        payload: { ...body, expiresOn: addDays(TODAY, 400) },
      });
      expect(far.statusCode).toBe(400);
      expect(far.json().error.field).toBe("expiresOn");
      const list = await api.request("admin", { method: "GET", url: "/api/tokens" });
      expect(list.statusCode).toBe(200);
      expect(Array.isArray(list.json().tokens)).toBe(true);
    });

    it("documents its endpoints in the OpenAPI document", async () => {
      const api = await testApi(db());
      const doc = (await api.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
      for (const ep of Object.values(tokensApi)) {
        const op = doc.paths[ep.path.replace(/:(\w+)/g, "{$1}")]?.[ep.method.toLowerCase()];
        expect(op?.responses[ep.status ?? 200].content["application/json"].schema.type, ep.path).toBe(
          "object",
        );
      }
    });
  },
  {
    once: true,
    seed: async (db) => void (await ensureDemo(db.kysely, { children: 20, desa: DESA, log: () => {} })),
  },
);
