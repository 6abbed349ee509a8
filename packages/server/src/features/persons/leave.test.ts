import { addDays, todayIso } from "@tumbuh/core";
import { afterEach, beforeEach, expect, it } from "vitest";
import { ensureDemo } from "../../demo/demo";
import { testApi } from "../../testing/api";
import { describeEachDialect } from "../../testing/dialects";
import { uuidv7 } from "../../util/ids";

// Issue 17: a child (or woman) marked moved away or died leaves the lists from that day, the mark is
// audited, refused to a read-only role, a 404 outside the area, and idempotent from the phone.
describeEachDialect(
  "moved away or died",
  (db) => {
    let api: Awaited<ReturnType<typeof testApi>>;
    const post = (as: string, url: string, payload: object) =>
      api.request(as, { method: "POST", url, payload });
    const get = (as: string, url: string) => api.request(as, { method: "GET", url });
    const today = todayIso();
    const month = today.slice(0, 7);
    const lastMonth = addDays(`${month}-01`, -1).slice(0, 7);
    const POSYANDU = "64.01.05.2003.P01";

    beforeEach(async () => {
      api = await testApi(db());
    });
    afterEach(async () => api.app.close());

    const child = async (name = "Rafa Pratama") => {
      const res = await post("kader.melati", "/api/persons", {
        regionCode: POSYANDU,
        name,
        sex: 1,
        birthDate: "2025-03-02",
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().person.id as string;
    };
    const dueNames = async (m: string) => {
      const res = await get("kader.melati", `/api/regions/${POSYANDU}/registry-lists?month=${m}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().lists.due as { name: string }[]).map((r) => r.name);
    };
    const audits = async (id: string) =>
      db()
        .kysely.selectFrom("audit_log")
        .select(["action", "after_json"])
        .where("entity_id", "=", id)
        .where("action", "=", "person.leave")
        .execute();

    it("a kader marks a child moved away: gone from this month's lists, still in last month's, audited", async () => {
      const id = await child();
      expect(await dueNames(month)).toContain("Rafa Pratama");
      const res = await post("kader.melati", `/api/persons/${id}/leave`, {
        leftOn: `${month}-01`,
        reason: "moved",
        note: "Pindah ke Balikpapan",
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ leftOn: `${month}-01`, leftReason: "moved", revision: 2 });
      expect(await dueNames(month)).not.toContain("Rafa Pratama");
      expect(await dueNames(lastMonth)).toContain("Rafa Pratama");
      // The record stays readable, with the mark.
      const view = await get("kader.melati", `/api/persons/${id}`);
      expect(view.json().person).toMatchObject({ leftOn: `${month}-01`, leftReason: "moved" });
      const entries = await audits(id);
      expect(entries).toHaveLength(1);
      expect(JSON.parse(entries[0]?.after_json ?? "{}")).toMatchObject({
        leftOn: `${month}-01`,
        leftReason: "moved",
        note: "Pindah ke Balikpapan",
      });
    });

    it("refuses the viewer (403), another desa's person is 404, a future day or one before birth a 400", async () => {
      const id = await child();
      const viewer = await post("peninjau", `/api/persons/${id}/leave`, { leftOn: today, reason: "died" });
      expect(viewer.statusCode).toBe(403);
      const other = await post("tpps.kuaro", "/api/persons", {
        regionCode: "64.01.05.2004",
        name: "Budi",
        sex: 1,
        birthDate: "2024-05-05",
      });
      const otherId = other.json().person.id;
      const outside = await post("kader.melati", `/api/persons/${otherId}/leave`, {
        leftOn: today,
        reason: "died",
      });
      expect(outside.statusCode).toBe(404);
      const future = await post("kader.melati", `/api/persons/${id}/leave`, {
        leftOn: addDays(today, 2),
        reason: "moved",
      });
      expect(future.statusCode).toBe(400);
      expect(future.json().error.field).toBe("leftOn");
      const beforeBirth = await post("kader.melati", `/api/persons/${id}/leave`, {
        leftOn: "2025-01-01",
        reason: "moved",
      });
      expect(beforeBirth.json().error.field).toBe("leftOn");
      expect(await audits(id)).toHaveLength(0);
      expect((await get("kader.melati", `/api/persons/${id}`)).json().person.leftOn).toBeNull();
    });

    it("from the phone: the op applies once; a replay and the same mark sent again write nothing; pull carries leftOn", async () => {
      const id = await child();
      const op = {
        opId: uuidv7(),
        entity: "person_leave",
        entityId: uuidv7(),
        kind: "append",
        payload: { personId: id, leftOn: today, reason: "died" },
      };
      const push = async (ops: object[]) => {
        const res = await api.request("kader.melati", {
          method: "POST",
          url: "/api/sync/push",
          payload: { ops },
        });
        expect(res.statusCode, res.body).toBe(200);
        return res.json().results as { status: string; replayed?: boolean }[];
      };
      expect((await push([op]))[0]).toMatchObject({ status: "applied" });
      expect((await push([op]))[0]).toMatchObject({ status: "applied", replayed: true });
      // A second device marks the same child the same way: applied, nothing new written.
      expect((await push([{ ...op, opId: uuidv7(), entityId: uuidv7() }]))[0]).toMatchObject({
        status: "applied",
      });
      expect(await audits(id)).toHaveLength(1);
      const pulled = await get("kader.melati", "/api/sync/pull?limit=5000");
      const rec = (
        pulled.json().records as { entity: string; id: string; data?: { leftOn?: string } }[]
      ).find((r) => r.entity === "person" && r.id === id);
      expect(rec?.data?.leftOn).toBe(today);
      expect(await dueNames(month)).not.toContain("Rafa Pratama");
      // The viewer's phone never gets to push it; if it did, the server refuses it.
      const refused = await api.request("peninjau", {
        method: "POST",
        url: "/api/sync/push",
        payload: { ops: [{ ...op, opId: uuidv7(), entityId: uuidv7() }] },
      });
      expect(refused.json().results[0].status).toBe("rejected");
    });

    const undoAudits = async (id: string) =>
      db()
        .kysely.selectFrom("audit_log")
        .select(["before_json", "after_json"])
        .where("entity_id", "=", id)
        .where("action", "=", "person.leave_undo")
        .execute();

    it("a mistaken moved-away mark is undone with a reason: back in this month's lists, the mark cleared, audited", async () => {
      const id = await child();
      await post("kader.melati", `/api/persons/${id}/leave`, { leftOn: `${month}-01`, reason: "moved" });
      expect(await dueNames(month)).not.toContain("Rafa Pratama");
      const res = await post("kader.melati", `/api/persons/${id}/leave/undo`, {
        reason: "Salah anak, yang pindah kakaknya",
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ leftOn: null, leftReason: null, revision: 3 });
      expect(await dueNames(month)).toContain("Rafa Pratama");
      expect((await get("kader.melati", `/api/persons/${id}`)).json().person).toMatchObject({
        leftOn: null,
        leftReason: null,
      });
      const entries = await undoAudits(id);
      expect(entries).toHaveLength(1);
      expect(JSON.parse(entries[0]?.before_json ?? "{}")).toEqual({
        leftOn: `${month}-01`,
        leftReason: "moved",
      });
      expect(JSON.parse(entries[0]?.after_json ?? "{}")).toMatchObject({
        leftOn: null,
        reason: "Salah anak, yang pindah kakaknya",
      });
      // Nothing marked any more: undoing again writes nothing.
      const again = await post("kader.melati", `/api/persons/${id}/leave/undo`, { reason: "sekali lagi" });
      expect(again.statusCode).toBe(200);
      expect(await undoAudits(id)).toHaveLength(1);
    });

    it("undo: the viewer is refused (403), another desa's person is 404, a reason is required (400)", async () => {
      const id = await child();
      await post("kader.melati", `/api/persons/${id}/leave`, { leftOn: today, reason: "died" });
      const viewer = await post("peninjau", `/api/persons/${id}/leave/undo`, { reason: "salah tandai" });
      expect(viewer.statusCode).toBe(403);
      const outside = await post("tpps.kuaro", "/api/persons", {
        regionCode: "64.01.05.2004",
        name: "Budi",
        sex: 1,
        birthDate: "2024-05-05",
      });
      const otherId = outside.json().person.id;
      await post("tpps.kuaro", `/api/persons/${otherId}/leave`, { leftOn: today, reason: "moved" });
      const notHere = await post("kader.melati", `/api/persons/${otherId}/leave/undo`, {
        reason: "salah tandai",
      });
      expect(notHere.statusCode).toBe(404);
      const noReason = await post("kader.melati", `/api/persons/${id}/leave/undo`, {});
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().error.field).toBe("reason");
      expect(await undoAudits(id)).toHaveLength(0);
      expect((await get("kader.melati", `/api/persons/${id}`)).json().person.leftReason).toBe("died");
    });

    it("undo from the phone: applied once, a replay writes nothing, the pull brings the person back", async () => {
      const id = await child();
      await post("kader.melati", `/api/persons/${id}/leave`, { leftOn: today, reason: "moved" });
      const op = {
        opId: uuidv7(),
        entity: "person_leave_undo",
        entityId: uuidv7(),
        kind: "append",
        payload: { personId: id, reason: "Salah tandai" },
      };
      const push = async (as: string, ops: object[]) =>
        (await api.request(as, { method: "POST", url: "/api/sync/push", payload: { ops } })).json()
          .results[0];
      expect(await push("peninjau", [op])).toMatchObject({ status: "rejected" });
      const mine = { ...op, opId: uuidv7() };
      expect(await push("kader.melati", [mine])).toMatchObject({ status: "applied", revision: 3 });
      expect(await push("kader.melati", [mine])).toMatchObject({ status: "applied", replayed: true });
      expect(await undoAudits(id)).toHaveLength(1);
      const pulled = await get("kader.melati", "/api/sync/pull?limit=5000");
      const rec = (
        pulled.json().records as { entity: string; id: string; data?: { leftOn?: string } }[]
      ).find((r) => r.entity === "person" && r.id === id);
      expect(rec?.data?.leftOn).toBeNull();
      expect(await dueNames(month)).toContain("Rafa Pratama");
    });
  },
  { seed: async (db) => void (await ensureDemo(db.kysely, { children: 0 })) },
);
