import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { ensureDemo } from "../demo/demo";
import { TEST_CONFIG, testApi } from "../testing/api";
import { describeEachDialect } from "../testing/dialects";

describeEachDialect(
  "security headers and the origin check",
  (db) => {
    const apps: { app: { close(): Promise<void> } }[] = [];
    afterEach(async () => {
      for (const a of apps.splice(0)) await a.app.close();
    });
    const open = async (config = TEST_CONFIG) => {
      const api = await testApi(db(), config);
      apps.push(api);
      return api;
    };

    it("API answers carry nosniff, no-referrer, frame refusal, and no-store when they may hold personal data", async () => {
      const api = await open();
      const res = await api.request("bidan.sandeley", { method: "GET", url: "/api/me" });
      expect(res.statusCode).toBe(200);
      expect(res.headers).toMatchObject({
        "x-content-type-options": "nosniff",
        "referrer-policy": "no-referrer",
        "x-frame-options": "DENY",
        "cache-control": "no-store",
      });
      expect(res.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(res.headers["strict-transport-security"]).toBeUndefined();
    });

    it("sends HSTS when the cookie is Secure (served over TLS)", async () => {
      const api = await open({ ...TEST_CONFIG, cookieSecure: true });
      const res = await api.app.inject({ method: "GET", url: "/api/openapi.json" });
      expect(res.headers["strict-transport-security"]).toBe("max-age=31536000");
    });

    it("the PWA's HTML gets a CSP limited to this origin", async () => {
      const dist = mkdtempSync(join(tmpdir(), "tumbuh-dist-"));
      writeFileSync(join(dist, "index.html"), "<!doctype html><title>t</title>");
      const api = await open({ ...TEST_CONFIG, webDist: dist });
      const res = await api.app.inject({ method: "GET", url: "/anak/123" });
      expect(res.statusCode).toBe(200);
      const csp = String(res.headers["content-security-policy"]);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain("unsafe-eval");
    });

    it("refuses a state-changing request from another site with origin_refused; its own host and configured origins pass", async () => {
      const api = await open({ ...TEST_CONFIG, allowedOrigins: ["https://tumbuh.paser.go.id"] });
      const login = (origin: string | undefined) =>
        api.app.inject({
          method: "POST",
          url: "/api/auth/login",
          headers: { host: "127.0.0.1:3000", ...(origin ? { origin } : {}) },
          payload: { username: "bidan.sandeley", password: "tumbuh-demo" },
        });
      const evil = await login("https://evil.example");
      expect(evil.statusCode).toBe(403);
      expect(evil.json().error.code).toBe("origin_refused");
      expect((await login("null")).statusCode).toBe(403);
      expect((await login("http://127.0.0.1:3000")).statusCode).toBe(200);
      expect((await login("https://tumbuh.paser.go.id")).statusCode).toBe(200);
      expect((await login(undefined)).statusCode).toBe(200);
      // A read is not state-changing: a cross-site GET is answered (the cookie is SameSite=Strict anyway).
      const read = await api.app.inject({
        method: "GET",
        url: "/api/openapi.json",
        headers: { origin: "https://evil.example" },
      });
      expect(read.statusCode).toBe(200);
    });
  },
  { seed: async (db) => void (await ensureDemo(db.kysely, { children: 0 })) },
);
