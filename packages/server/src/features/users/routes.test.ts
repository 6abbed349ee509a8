import { afterAll, beforeAll, expect, it } from "vitest";
import { ensureDemo } from "../../demo/demo";
import { testApi } from "../../testing/api";
import { describeEachDialect } from "../../testing/dialects";

// Each test makes its own user (unique name), so none depends on what another did to the shared demo.
let seq = 0;
const uniqueName = (prefix: string) => `${prefix}.${Date.now().toString(36)}${(seq++).toString(36)}`;

describeEachDialect(
  "user administration through the API",
  (db) => {
    let api: Awaited<ReturnType<typeof testApi>>;
    beforeAll(async () => {
      api = await testApi(db());
    });
    afterAll(async () => api.app.close());

    const create = (as: string, body: Record<string, unknown>) =>
      api.request(as, { method: "POST", url: "/api/users", payload: body });
    const newKader = async () => {
      const username = uniqueName("kader");
      const res = await create("admin", {
        username,
        displayName: "Kader Baru",
        assignments: [{ role: "kader_posyandu", scope: "64.01.05.2003" }],
      });
      expect(res.statusCode).toBe(201);
      return { username, ...(res.json() as { user: { id: string }; password: string }) };
    };
    const signIn = (username: string, password: string) =>
      api.app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });

    it("an admin creates a user with a one-time password that signs in, and sees the last sign-in", async () => {
      const { username, user, password } = await newKader();
      expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
      expect(user).toMatchObject({
        username,
        displayName: "Kader Baru",
        assignments: [
          { role: "kader_posyandu", scope: "64.01.05.2003", scopeName: "Sandeley", scopeLevel: "desa" },
        ],
        disabledAt: null,
        lastLoginAt: null,
      });
      expect((await signIn(username, password)).statusCode).toBe(200);
      const listed = await api.request("admin", { method: "GET", url: `/api/users?q=${username}` });
      expect(listed.statusCode).toBe(200);
      const [row] = listed.json().users;
      expect(row.username).toBe(username);
      expect(row.lastLoginAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      const audit = await api.request("admin", { method: "GET", url: "/api/audit?limit=20" });
      expect(audit.json().entries.map((e: { action: string }) => e.action)).toContain("user.create");
    });

    it("lists users by region and status, and only those inside the admin's scope", async () => {
      const all = (await api.request("admin", { method: "GET", url: "/api/users" })).json().users;
      expect(all.map((u: { username: string }) => u.username)).toEqual(
        expect.arrayContaining(["kpm.sandeley", "tpps.kuaro", "peninjau"]),
      );
      const kuaro = (await api.request("admin", { method: "GET", url: "/api/users?region=64.01.05" })).json()
        .users;
      expect(
        kuaro.every((u: { assignments: { scope: string }[] }) =>
          u.assignments.some((a) => a.scope.startsWith("64.01.05")),
        ),
      ).toBe(true);
      expect(kuaro.map((u: { username: string }) => u.username)).not.toContain("tpps.paser");
      const elsewhere = await api.request("admin", { method: "GET", url: "/api/users?region=16.12" });
      expect(elsewhere.json().users).toEqual([]);
    });

    it("no one without the manage-users power sees or changes users", async () => {
      for (const as of ["peninjau", "tpps.paser", "kpm.sandeley", "kader.melati"]) {
        expect((await api.request(as, { method: "GET", url: "/api/users" })).statusCode).toBe(403);
        const res = await create(as, {
          username: uniqueName("x"),
          displayName: "X",
          assignments: [{ role: "viewer", scope: "64.01" }],
        });
        expect(res.statusCode).toBe(403);
      }
    });

    it("refuses a scope outside the admin's regency and a region that does not exist, naming the field", async () => {
      const outside = await create("admin", {
        username: uniqueName("luar"),
        displayName: "Luar",
        assignments: [{ role: "viewer", scope: "16.12" }],
      });
      expect(outside.statusCode).toBe(403);
      const unknown = await create("admin", {
        username: uniqueName("nowhere"),
        displayName: "Nowhere",
        assignments: [{ role: "viewer", scope: "64.01.99" }],
      });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error).toMatchObject({ code: "validation", field: "assignments.0.scope" });
    });

    it("a password reset gives a new one-time password: the old one and open sessions stop working", async () => {
      const { username, user, password } = await newKader();
      const session = (await signIn(username, password)).cookies.find((c) => c.name === "tumbuh_session");
      const reset = await api.request("admin", {
        method: "POST",
        url: `/api/users/${user.id}/password-reset`,
      });
      expect(reset.statusCode).toBe(200);
      const fresh = reset.json().password as string;
      expect(fresh).not.toBe(password);
      expect((await signIn(username, password)).statusCode).toBe(401);
      expect((await signIn(username, fresh)).statusCode).toBe(200);
      const me = await api.app.inject({
        method: "GET",
        url: "/api/me",
        cookies: { tumbuh_session: session?.value ?? "" },
      });
      expect(me.statusCode).toBe(401);
    });

    it("a deactivated user cannot sign in until reactivated; an admin cannot deactivate themself", async () => {
      const { username, user, password } = await newKader();
      const off = await api.request("admin", {
        method: "POST",
        url: `/api/users/${user.id}/active`,
        payload: { active: false },
      });
      expect(off.statusCode).toBe(200);
      expect(off.json().disabledAt).not.toBeNull();
      expect((await signIn(username, password)).statusCode).toBe(401);
      const on = await api.request("admin", {
        method: "POST",
        url: `/api/users/${user.id}/active`,
        payload: { active: true },
      });
      expect(on.json().disabledAt).toBeNull();
      expect((await signIn(username, password)).statusCode).toBe(200);

      const me = (await api.request("admin", { method: "GET", url: "/api/me" })).json();
      const self = await api.request("admin", {
        method: "POST",
        url: `/api/users/${me.id}/active`,
        payload: { active: false },
      });
      expect(self.statusCode).toBe(400);
      expect(self.json().error.field).toBe("active");
    });

    it("changing a user's role and region applies at their next request", async () => {
      const { username, user, password } = await newKader();
      await signIn(username, password);
      const res = await api.request("admin", {
        method: "PUT",
        url: `/api/users/${user.id}/assignments`,
        payload: { assignments: [{ role: "tpps_kecamatan", scope: "64.01.05" }] },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().assignments).toEqual([
        { role: "tpps_kecamatan", scope: "64.01.05", scopeName: "Kuaro", scopeLevel: "kecamatan" },
      ]);
      const login = await signIn(username, password);
      expect(login.json().user.assignments[0]).toMatchObject({ role: "tpps_kecamatan", scope: "64.01.05" });
      const audit = await api.request("admin", { method: "GET", url: "/api/audit?limit=5" });
      const entry = audit.json().entries.find((e: { action: string }) => e.action === "user.assignments");
      expect(entry.before.assignments).toEqual([{ role: "kader_posyandu", scope: "64.01.05.2003" }]);
    });

    it("a user outside every scope of the admin is not found", async () => {
      const res = await api.request("admin", {
        method: "GET",
        url: "/api/users/01900000-0000-7000-8000-000000000000",
      });
      expect(res.statusCode).toBe(404);
    });
  },
  { once: true, seed: async (db) => void (await ensureDemo(db.kysely, { children: 0 })) },
);
