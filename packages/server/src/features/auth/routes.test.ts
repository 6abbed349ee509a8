import { afterEach, beforeEach, expect, it } from "vitest";
import { ensureDemo } from "../../demo/demo";
import { testApi } from "../../testing/api";
import { describeEachDialect } from "../../testing/dialects";

describeEachDialect(
  "authentication through the API",
  (db) => {
    let api: Awaited<ReturnType<typeof testApi>>;
    // Each test has its own copy of the demo database and its own app (so its own login throttle).
    beforeEach(async () => {
      api = await testApi(db());
    });
    afterEach(async () => api.app.close());

    const login = (payload: unknown, headers: Record<string, string> = {}) =>
      api.app.inject({ method: "POST", url: "/api/auth/login", payload: payload as object, headers });

    it("logs in with a session cookie that is httpOnly and SameSite=Strict, and /api/me names the scope", async () => {
      const res = await login({ username: "tpps.kuaro", password: "tumbuh-demo" });
      expect(res.statusCode).toBe(200);
      const cookie = res.cookies.find((c) => c.name === "tumbuh_session");
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/" });
      const me = await api.app.inject({
        method: "GET",
        url: "/api/me",
        cookies: { tumbuh_session: cookie?.value ?? "" },
      });
      expect(me.json()).toMatchObject({
        username: "tpps.kuaro",
        assignments: [
          { role: "tpps_kecamatan", scope: "64.01.05", scopeName: "Kuaro", scopeLevel: "kecamatan" },
        ],
      });
    });

    it("a wrong password and an unknown user get the same 401", async () => {
      const wrong = await login(
        { username: "admin", password: "salah-sekali" },
        { "x-forwarded-for": "10.0.0.1" },
      );
      const unknown = await login(
        { username: "nobody", password: "salah-sekali" },
        { "x-forwarded-for": "10.0.0.1" },
      );
      expect(wrong.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      expect(wrong.body).toBe(unknown.body);
      expect(wrong.json().error.code).toBe("invalid_credentials");
    });

    it("malformed JSON, unknown fields and wrong types get 400 naming the field", async () => {
      const bad = await api.app.inject({
        method: "POST",
        url: "/api/auth/login",
        headers: { "content-type": "application/json" },
        payload: '{"username": "admin", ',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe("bad_json");

      const extra = await login({ username: "admin", password: "x", role: "admin" });
      expect(extra.statusCode).toBe(400);
      expect(extra.json().error).toMatchObject({ code: "validation", field: "role" });

      const type = await login({ username: 42, password: "x" });
      expect(type.statusCode).toBe(400);
      expect(type.json().error).toMatchObject({ code: "validation", field: "username" });
      expect(type.json().error.message).toMatch(/^username: /);

      const missing = await login({ username: "admin" });
      expect(missing.json().error).toMatchObject({ code: "validation", field: "password" });
    });

    it("10 failed logins throttle the account with 429 and Retry-After, even with the right password", async () => {
      for (let i = 0; i < 10; i++) {
        const r = await login(
          { username: "peninjau", password: `wrong-${i}` },
          { "x-forwarded-for": `10.1.0.${i}` },
        );
        expect(r.statusCode).toBe(401);
      }
      const right = await login(
        { username: "peninjau", password: "tumbuh-demo" },
        { "x-forwarded-for": "10.1.1.1" },
      );
      expect(right.statusCode).toBe(429);
      expect(Number(right.headers["retry-after"])).toBeGreaterThan(0);
      expect(right.json().error.code).toBe("too_many_requests");
    });

    it("changes a password: the old one stops working, other sessions end, this one stays", async () => {
      const first = await login({ username: "bidan.sandeley", password: "tumbuh-demo" });
      const second = await login({ username: "bidan.sandeley", password: "tumbuh-demo" });
      const s1 = first.cookies.find((c) => c.name === "tumbuh_session")?.value ?? "";
      const s2 = second.cookies.find((c) => c.name === "tumbuh_session")?.value ?? "";
      const short = await api.app.inject({
        method: "POST",
        url: "/api/auth/password",
        cookies: { tumbuh_session: s2 },
        payload: { currentPassword: "tumbuh-demo", newPassword: "short" },
      });
      expect(short.json().error.field).toBe("newPassword");
      const ok = await api.app.inject({
        method: "POST",
        url: "/api/auth/password",
        cookies: { tumbuh_session: s2 },
        payload: { currentPassword: "tumbuh-demo", newPassword: "bidan-baru-2026" },
      });
      expect(ok.statusCode).toBe(204);
      const me1 = await api.app.inject({ method: "GET", url: "/api/me", cookies: { tumbuh_session: s1 } });
      const me2 = await api.app.inject({ method: "GET", url: "/api/me", cookies: { tumbuh_session: s2 } });
      expect([me1.statusCode, me2.statusCode]).toEqual([401, 200]);
      expect((await login({ username: "bidan.sandeley", password: "tumbuh-demo" })).statusCode).toBe(401);
      expect((await login({ username: "bidan.sandeley", password: "bidan-baru-2026" })).statusCode).toBe(200);
    });

    it("logout ends the session", async () => {
      const res = await login({ username: "desa.sandeley", password: "tumbuh-demo" });
      const s = res.cookies.find((c) => c.name === "tumbuh_session")?.value ?? "";
      const out = await api.app.inject({
        method: "POST",
        url: "/api/auth/logout",
        cookies: { tumbuh_session: s },
      });
      expect(out.statusCode).toBe(204);
      expect(
        (await api.app.inject({ method: "GET", url: "/api/me", cookies: { tumbuh_session: s } })).statusCode,
      ).toBe(401);
    });

    it("serves an OpenAPI document describing the API", async () => {
      const res = await api.app.inject({ method: "GET", url: "/api/openapi.json" });
      expect(res.statusCode).toBe(200);
      const doc = res.json();
      expect(doc.openapi).toMatch(/^3\./);
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(["/api/auth/login", "/api/me", "/api/regions/{code}", "/api/audit"]),
      );
    });
  },
  { seed: async (db) => void (await ensureDemo(db.kysely, { children: 0 })) },
);
