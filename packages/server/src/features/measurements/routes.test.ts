import { SYSTEM_ACTOR } from "@tumbuh/core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "../../db/database";
import { testApi } from "../../testing/api";
import { describeEachDialect } from "../../testing/dialects";
import { FACTORY_PASSWORD, PLACES, regency, user } from "../../testing/factories";
import { createLocalUnit } from "../regions/service";

const KADER = "kader.melati";
const VIEWER = "peninjau.paser";
const ADMIN = "admin.paser";

/** Posyandu Melati (Sandeley) where the kader works, and a posyandu of the neighbouring desa. */
const places = { melati: "", mawarLolo: "" };

async function seed(db: Db): Promise<void> {
  const { posyandu } = await regency(db.kysely);
  const lolo = await createLocalUnit(db.kysely, SYSTEM_ACTOR, PLACES.neighbour, {
    kind: "posyandu",
    name: "Posyandu Mawar",
  });
  Object.assign(places, { melati: posyandu, mawarLolo: lolo.code });
  await user(db.kysely, "kader_posyandu", posyandu, KADER);
  await user(db.kysely, "viewer", PLACES.regency, VIEWER);
  await user(db.kysely, "admin_kabupaten", PLACES.regency, ADMIN);
}

describeEachDialect(
  "POST /api/posyandu-sessions",
  (db) => {
    let api: Awaited<ReturnType<typeof testApi>>;
    beforeAll(async () => {
      api = await testApi(db());
      for (const u of [KADER, VIEWER, ADMIN]) await api.login(u, FACTORY_PASSWORD);
    });
    afterAll(async () => api.app.close());

    const open = (as: string | null, payload: Record<string, unknown>) =>
      api.request(as, { method: "POST", url: "/api/posyandu-sessions", payload });
    /** Sessions and audit entries of one day (each test uses its own day, so the tests stand alone). */
    const written = async (heldOn: string) => {
      const k = db().kysely;
      const sessions = await k
        .selectFrom("posyandu_sessions")
        .selectAll()
        .where("held_on", "=", heldOn)
        .execute();
      const audit = await k
        .selectFrom("audit_log")
        .selectAll()
        .where("entity", "=", "posyandu_session")
        .where("entity_id", "in", ["", ...sessions.map((s) => s.id)])
        .execute();
      return { sessions, audit };
    };

    it("a kader opens the day at their posyandu: 201 with the session, and the audit log names who and where", async () => {
      const res = await open(KADER, {
        posyanduCode: places.melati,
        heldOn: "2026-01-10",
        cadres: ["Sari", "Wati"],
      });
      expect(res.statusCode).toBe(201);
      const session = res.json();
      expect(session).toMatchObject({
        posyanduCode: places.melati,
        heldOn: "2026-01-10",
        cadres: ["Sari", "Wati"],
      });
      const { sessions, audit } = await written("2026-01-10");
      expect(sessions.map((s) => s.id)).toEqual([session.id]);
      const kader = await db()
        .kysely.selectFrom("users")
        .select("id")
        .where("username", "=", KADER)
        .executeTakeFirstOrThrow();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        action: "posyandu_session.create",
        entity_id: session.id,
        actor_id: kader.id,
        region_code: places.melati,
      });
      expect(JSON.parse(audit[0]?.after_json ?? "{}")).toMatchObject({ held_on: "2026-01-10" });
    });

    it("a second session of the same posyandu on the same day is refused as a conflict on heldOn", async () => {
      const body = { posyanduCode: places.melati, heldOn: "2026-01-11", cadres: [] };
      expect((await open(ADMIN, body)).statusCode).toBe(201);
      const again = await open(KADER, { ...body, cadres: ["Sari"] });
      expect(again.statusCode).toBe(409);
      expect(again.json().error).toMatchObject({ code: "conflict", field: "heldOn" });
      const { sessions, audit } = await written("2026-01-11");
      expect(sessions).toHaveLength(1);
      expect(audit).toHaveLength(1);
    });

    it("a posyandu outside the kader's scope does not exist for them (404), and nothing is written", async () => {
      const res = await open(KADER, { posyanduCode: places.mawarLolo, heldOn: "2026-01-12", cadres: [] });
      expect(res.statusCode).toBe(404);
      expect(await written("2026-01-12")).toEqual({ sessions: [], audit: [] });
    });

    it("the read-only viewer sees the posyandu but may not open a session (403), and nothing is written", async () => {
      const res = await open(VIEWER, { posyanduCode: places.melati, heldOn: "2026-01-13", cadres: [] });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe("forbidden");
      expect(await written("2026-01-13")).toEqual({ sessions: [], audit: [] });
    });

    it("without a session cookie: 401", async () => {
      const res = await open(null, { posyanduCode: places.melati, heldOn: "2026-01-14", cadres: [] });
      expect(res.statusCode).toBe(401);
      expect(await written("2026-01-14")).toEqual({ sessions: [], audit: [] });
    });

    it("bad input gets 400 naming the field, and nothing is written", async () => {
      const cases: [string, Record<string, unknown>, string][] = [
        [KADER, { posyanduCode: places.melati, cadres: [] }, "heldOn"],
        [KADER, { posyanduCode: places.melati, heldOn: "2026-02-30", cadres: [] }, "heldOn"],
        [KADER, { posyanduCode: places.melati, heldOn: "2099-01-15", cadres: [] }, "heldOn"],
        [KADER, { posyanduCode: places.melati, heldOn: "2026-01-15", cadres: [""] }, "cadres.0"],
        [KADER, { posyanduCode: places.melati, heldOn: "2026-01-15", cadres: [], room: "balai" }, "room"],
        // The admin sees the desa itself (a kader would not: 404): a session belongs to a posyandu.
        [ADMIN, { posyanduCode: PLACES.desa, heldOn: "2026-01-15", cadres: [] }, "posyanduCode"],
      ];
      for (const [as, payload, field] of cases) {
        const res = await open(as, payload);
        expect(res.statusCode, JSON.stringify(payload)).toBe(400);
        expect(res.json().error, JSON.stringify(payload)).toMatchObject({ code: "validation", field });
      }
      expect(await written("2026-01-15")).toEqual({ sessions: [], audit: [] });
      expect(await written("2099-01-15")).toEqual({ sessions: [], audit: [] });
    });
  },
  { once: true, seed },
);
