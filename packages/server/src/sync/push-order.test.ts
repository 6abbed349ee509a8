import { sql } from "kysely";
import { afterEach, beforeEach, expect, it } from "vitest";
import { ensureDemo } from "../demo/demo";
import { testApi } from "../testing/api";
import { describeEachDialect } from "../testing/dialects";
import { uuidv7 } from "../util/ids";
import { RETRY_LIMIT } from "./push";

const P01 = "64.01.05.2003.P01";

// Issue 18: a batch out of order must not lose data; a reused op id is refused; "retry" ends.
describeEachDialect(
  "sync push: order, replays and a final state",
  (db) => {
    let api: Awaited<ReturnType<typeof testApi>>;
    beforeEach(async () => {
      api = await testApi(db());
    });
    afterEach(async () => api.app.close());

    const push = async (as: string, ops: object[]) => {
      const res = await api.request(as, { method: "POST", url: "/api/sync/push", payload: { ops } });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().results as {
        opId: string;
        status: string;
        replayed?: boolean;
        error?: { code: string };
      }[];
    };
    const motherOp = (id: string) => ({
      opId: uuidv7(),
      entity: "person",
      entityId: id,
      kind: "create",
      payload: { regionCode: P01, name: "Ibu Sari", sex: 2, birthDate: "1995-01-01" },
    });
    const childOp = (id: string, motherId: string) => ({
      opId: uuidv7(),
      entity: "person",
      entityId: id,
      kind: "create",
      payload: { regionCode: P01, name: "Anak Sari", sex: 1, birthDate: "2025-03-01", motherId },
    });
    const weighOp = (personId: string) => ({
      opId: uuidv7(),
      entity: "measurement",
      entityId: uuidv7(),
      kind: "append",
      payload: { personId, measuredOn: "2026-01-10", weightKg: 8.4, lenheiCm: 75, measure: "l" },
    });

    it("a batch with the measurement before its child and the child before its mother is applied whole", async () => {
      const [mother, child] = [uuidv7(), uuidv7()];
      const results = await push("kader.melati", [weighOp(child), childOp(child, mother), motherOp(mother)]);
      expect(results.map((r) => r.status)).toEqual(["applied", "applied", "applied"]);
      const k = db().kysely;
      const row = await k
        .selectFrom("persons")
        .select("mother_id")
        .where("id", "=", child)
        .executeTakeFirst();
      expect(row?.mother_id).toBe(mother);
      expect(
        await k.selectFrom("measurements").select("id").where("person_id", "=", child).execute(),
      ).toHaveLength(1);
    });

    it("across batches: a child whose mother has not arrived is 'retry' (not refused), and goes in once she has", async () => {
      const [mother, child] = [uuidv7(), uuidv7()];
      const c = childOp(child, mother);
      const w = weighOp(child);
      expect((await push("kader.melati", [c, w])).map((r) => r.status)).toEqual(["retry", "retry"]);
      await push("kader.melati", [motherOp(mother)]);
      expect((await push("kader.melati", [c, w])).map((r) => r.status)).toEqual(["applied", "applied"]);
    });

    it("an op id sent again by another user, or with another payload, is refused and writes nothing", async () => {
      const mother = uuidv7();
      const op = motherOp(mother);
      expect((await push("kader.melati", [op]))[0]?.status).toBe("applied");
      // The same op again by the same user: the stored answer.
      expect((await push("kader.melati", [op]))[0]).toMatchObject({ status: "applied", replayed: true });
      const other = await push("bidan.sandeley", [op]);
      expect(other[0]).toMatchObject({ status: "rejected", error: { code: "sync_op_reused" } });
      const changed = await push("kader.melati", [{ ...op, payload: { ...op.payload, name: "Ibu Lain" } }]);
      expect(changed[0]).toMatchObject({ status: "rejected", error: { code: "sync_op_reused" } });
      const k = db().kysely;
      const row = await k.selectFrom("persons").select("name").where("id", "=", mother).executeTakeFirst();
      expect(row?.name).toBe("Ibu Sari");
      const audit = await k
        .selectFrom("audit_log")
        .select("action")
        .where("action", "=", "sync.op_reused")
        .execute();
      expect(audit).toHaveLength(2);
    });

    it("an op that stays 'retry' (a record that never comes, or one outside the area) ends 'rejected' after the limit, audited", async () => {
      // A child registered at the desa: outside the kader's posyandu, so for her it is "not found".
      const outside = uuidv7();
      const created = await push("bidan.sandeley", [
        {
          opId: uuidv7(),
          entity: "person",
          entityId: outside,
          kind: "create",
          payload: { regionCode: "64.01.05.2003", name: "Anak Desa", sex: 1, birthDate: "2025-03-01" },
        },
      ]);
      expect(created[0]?.status).toBe("applied");
      const ops = [weighOp(outside), weighOp(uuidv7())];
      expect((await push("kader.melati", ops)).map((r) => r.status)).toEqual(["retry", "retry"]);
      // Many tries over more than a week (the bound), as a phone pushing every half minute would make.
      const k = db().kysely;
      const long = new Date(Date.now() - RETRY_LIMIT.ageMs - 60_000).toISOString();
      await k
        .updateTable("sync_op_retries")
        .set({ tries: RETRY_LIMIT.tries - 1, first_at: long })
        .execute();
      const last = await push("kader.melati", ops);
      expect(last.map((r) => [r.status, r.error?.code])).toEqual([
        ["rejected", "sync_gave_up"],
        ["rejected", "sync_gave_up"],
      ]);
      // Final: pushed again, the same answer.
      expect((await push("kader.melati", ops)).map((r) => r.status)).toEqual(["rejected", "rejected"]);
      const gaveUp = await k
        .selectFrom("audit_log")
        .select(["action", "region_code"])
        .where("action", "=", "sync.gave_up")
        .execute();
      expect(gaveUp).toEqual([
        { action: "sync.gave_up", region_code: P01 },
        { action: "sync.gave_up", region_code: P01 },
      ]);
      expect(await sql`select * from sync_op_retries`.execute(k)).toMatchObject({ rows: [] });
    });
  },
  { seed: async (db) => void (await ensureDemo(db.kysely, { children: 0 })) },
);
