import { afterEach, beforeEach, expect, it } from "vitest";
import { ensureDemo } from "../../demo/demo";
import { TEST_CONFIG, testApi } from "../../testing/api";
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

    const wrongFrom = (username: string, address: string, i = 0) =>
      login({ username, password: `wrong-${i}` }, { "x-forwarded-for": address });

    it("10 failed logins from one address throttle that username there with 429 and Retry-After, even with the right password", async () => {
      for (let i = 0; i < 10; i++) expect((await wrongFrom("peninjau", "10.1.0.1", i)).statusCode).toBe(401);
      const right = await login(
        { username: "peninjau", password: "tumbuh-demo" },
        { "x-forwarded-for": "10.1.0.1" },
      );
      expect(right.statusCode).toBe(429);
      expect(Number(right.headers["retry-after"])).toBeGreaterThan(0);
      expect(right.json().error.code).toBe("too_many_requests");
    });

    it("a parallel burst of 59 wrong passwords and the right one does not log in", async () => {
      const burst = await Promise.all([
        ...Array.from({ length: 59 }, (_, i) => wrongFrom("peninjau", "10.2.0.1", i)),
        login({ username: "peninjau", password: "tumbuh-demo" }, { "x-forwarded-for": "10.2.0.1" }),
      ]);
      expect(burst.at(-1)?.statusCode).toBe(429);
      expect(burst.filter((r) => r.statusCode === 401)).toHaveLength(10);
      expect(burst.filter((r) => r.statusCode === 200)).toHaveLength(0);
    });

    it("the counts survive a restart of the server", async () => {
      for (let i = 0; i < 10; i++) await wrongFrom("peninjau", "10.3.0.1", i);
      await api.app.close();
      api = await testApi(db());
      const right = await login(
        { username: "peninjau", password: "tumbuh-demo" },
        { "x-forwarded-for": "10.3.0.1" },
      );
      expect(right.statusCode).toBe(429);
    });

    it("the owner still logs in from another address while one address guesses; many addresses hit the slower limit", async () => {
      for (let i = 0; i < 12; i++) await wrongFrom("peninjau", "10.4.0.1", i);
      const owner = await login(
        { username: "peninjau", password: "tumbuh-demo" },
        { "x-forwarded-for": "10.4.0.2" },
      );
      expect(owner.statusCode).toBe(200);
      // 50 failures an hour from anywhere stop the username everywhere (a distributed guess).
      for (let i = 0; i < 50; i++) await wrongFrom("peninjau", `10.5.${i}.1`, i);
      const later = await login(
        { username: "peninjau", password: "tumbuh-demo" },
        { "x-forwarded-for": "10.4.0.2" },
      );
      expect(later.statusCode).toBe(429);
    });

    it("a success does not clear the counts of other usernames tried from the same address", async () => {
      const names = ["u1", "u2", "u3", "u4", "u5", "u6"];
      for (let i = 0; i < 29; i++) await wrongFrom(names[i % names.length] ?? "u", "10.6.0.1", i);
      const ok = await login(
        { username: "peninjau", password: "tumbuh-demo" },
        { "x-forwarded-for": "10.6.0.1" },
      );
      expect(ok.statusCode).toBe(200);
      expect((await wrongFrom("u7", "10.6.0.1")).statusCode).toBe(401); // the 30th failure
      expect((await wrongFrom("u8", "10.6.0.1")).statusCode).toBe(429);
    });

    it("does not believe X-Forwarded-For unless a proxy is configured", async () => {
      const direct = await testApi(db(), { ...TEST_CONFIG, trustProxy: false });
      try {
        for (let i = 0; i < 10; i++) {
          await direct.app.inject({
            method: "POST",
            url: "/api/auth/login",
            payload: { username: "peninjau", password: `wrong-${i}` },
            headers: { "x-forwarded-for": `10.7.0.${i}` },
          });
        }
        const spoofed = await direct.app.inject({
          method: "POST",
          url: "/api/auth/login",
          payload: { username: "peninjau", password: "tumbuh-demo" },
          headers: { "x-forwarded-for": "10.7.1.1" },
        });
        expect(spoofed.statusCode).toBe(429);
      } finally {
        await direct.app.close();
      }
    });

    it("failed logins are audited in the user's region, seen by that region's admin, without the password", async () => {
      await wrongFrom("bidan.sandeley", "10.8.0.1");
      await wrongFrom("nobody-here", "10.8.0.1");
      const res = await api.request("admin", { method: "GET", url: "/api/audit?limit=50" });
      const failed = res.json().entries.filter((e: { action: string }) => e.action === "auth.login_failed");
      expect(failed).toHaveLength(1);
      expect(failed[0]).toMatchObject({
        regionCode: "64.01.05.2003",
        after: { username: "bidan.sandeley", address: "10.8.0.1" },
      });
      expect(JSON.stringify(failed)).not.toContain("wrong-");
    });

    it("password change is throttled: 5 wrong current passwords, then 429 even with the right one", async () => {
      await api.login("bidan.sandeley");
      const change = (currentPassword: string) =>
        api.request("bidan.sandeley", {
          method: "POST",
          url: "/api/auth/password",
          payload: { currentPassword, newPassword: "bidan-baru-2026" },
        });
      for (let i = 0; i < 5; i++) expect((await change(`salah-${i}`)).statusCode).toBe(400);
      const right = await change("tumbuh-demo");
      expect(right.statusCode).toBe(429);
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
