import { afterEach, beforeEach, expect, it } from "vitest";
import type { Db } from "../../db/database";
import { ensureDemo } from "../../demo/demo";
import { testApi } from "../../testing/api";
import { describeEachDialect } from "../../testing/dialects";
import { uuidv7 } from "../../util/ids";
import { seedHandDesa } from "./fixture-desa";

// Issue 17: a service record entered by mistake is voided with a reason — kept, audited, out of the
// scorecard; refused to the viewer, 404 outside the area, idempotent from the phone.
let ids: Awaited<ReturnType<typeof seedHandDesa>>;

async function seed(db: Db): Promise<void> {
  await ensureDemo(db.kysely, { children: 0 });
  const api = await testApi(db);
  ids = await seedHandDesa(db, (as, opts) => api.request(as, opts));
  await api.app.close();
}

describeEachDialect(
  "voiding a service record",
  (db) => {
    let api: Awaited<ReturnType<typeof testApi>>;
    const post = (as: string, url: string, payload: object) =>
      api.request(as, { method: "POST", url, payload });
    const get = (as: string, url: string) => api.request(as, { method: "GET", url });
    beforeEach(async () => {
      api = await testApi(db());
    });
    afterEach(async () => api.app.close());

    const andiCounselling = async () => {
      const card = (await get("kpm.sandeley", "/api/regions/64.01.05.2003/scorecard?period=2025-09")).json();
      return card.rows.find((r: { personId: string }) => r.personId === ids.andi).cells.anak_konseling;
    };
    const voids = async (id: string) =>
      db()
        .kysely.selectFrom("audit_log")
        .select(["action", "after_json"])
        .where("entity_id", "=", id)
        .where("action", "=", "service.void")
        .execute();

    it("a kader voids Andi's counselling: kept and marked, audited, and the scorecard's Y becomes T", async () => {
      expect(await andiCounselling()).toEqual(["Y"]);
      const res = await post("kader.melati", `/api/service-records/${ids.corrected.id}/void`, {
        reason: "Salah anak, bukan Andi",
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ live: false, voidReason: "Salah anak, bukan Andi" });
      expect(await andiCounselling()).toEqual(["T"]);
      const list = (await get("kpm.sandeley", `/api/persons/${ids.andi}/service-records`)).json();
      expect(list.find((r: { id: string }) => r.id === ids.corrected.id)).toMatchObject({
        live: false,
        voidReason: "Salah anak, bukan Andi",
      });
      const entries = await voids(ids.corrected.id);
      expect(entries).toHaveLength(1);
      expect(JSON.parse(entries[0]?.after_json ?? "{}")).toEqual({ reason: "Salah anak, bukan Andi" });
      // A voided record cannot be corrected afterwards: record it anew.
      const fix = await post("kpm.sandeley", "/api/service-records", {
        personId: ids.andi,
        service: "konseling_gizi",
        givenOn: "2025-09-16",
        supersedes: ids.corrected.id,
      });
      expect(fix.statusCode).toBe(409);
    });

    it("refuses the viewer (403), a record outside the kader's posyandu is 404, a record already corrected 409", async () => {
      const viewer = await post("peninjau", `/api/service-records/${ids.corrected.id}/void`, {
        reason: "coba",
      });
      expect(viewer.statusCode).toBe(403);
      const bunga = await db()
        .kysely.selectFrom("service_records")
        .select("id")
        .where("person_id", "=", ids.bunga)
        .executeTakeFirstOrThrow();
      const outside = await post("kader.melati", `/api/service-records/${bunga.id}/void`, { reason: "coba" });
      expect(outside.statusCode).toBe(404);
      const corrected = ids.corrected.supersedes as string;
      const old = await post("kpm.sandeley", `/api/service-records/${corrected}/void`, {
        reason: "sudah dikoreksi",
      });
      expect(old.statusCode).toBe(409);
      expect(await voids(ids.corrected.id)).toHaveLength(0);
      expect(await andiCounselling()).toEqual(["Y"]);
    });

    it("from the phone: the void applies once, a replay and a second device's void write nothing more", async () => {
      const op = {
        opId: uuidv7(),
        entity: "service_record_void",
        entityId: uuidv7(),
        kind: "append",
        payload: { id: ids.corrected.id, reason: "Salah anak" },
      };
      const push = async (ops: object[]) => {
        const res = await api.request("kader.melati", {
          method: "POST",
          url: "/api/sync/push",
          payload: { ops },
        });
        expect(res.statusCode, res.body).toBe(200);
        return res.json().results[0];
      };
      expect(await push([op])).toMatchObject({ status: "applied" });
      expect(await push([op])).toMatchObject({ status: "applied", replayed: true });
      expect(await push([{ ...op, opId: uuidv7(), entityId: uuidv7() }])).toMatchObject({
        status: "applied",
      });
      expect(await voids(ids.corrected.id)).toHaveLength(1);
      expect(await andiCounselling()).toEqual(["T"]);
      const pulled = (await get("kader.melati", "/api/sync/pull?limit=5000")).json();
      const rec = pulled.records.find((r: { id: string }) => r.id === ids.corrected.id);
      expect(rec?.data?.voidReason).toBe("Salah anak");
    });
  },
  { seed },
);
