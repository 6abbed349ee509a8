import { SYSTEM_ACTOR } from "@tumbuh/core";
import { expect, it } from "vitest";
import { ensureDemo } from "../demo/demo";
import { describeEachDialect } from "../testing/dialects";
import { nowIso, uuidv7 } from "../util/ids";
import { pullChanges } from "./pull";

function personRow(name: string) {
  const at = nowIso();
  return {
    id: uuidv7(),
    region_code: "64.01.05.2003.P01",
    household_id: null,
    name,
    name_key: name,
    sex: 1,
    birth_date: "2025-01-01",
    nik: null,
    mother_id: null,
    parent_name: null,
    birth_weight_kg: null,
    birth_length_cm: null,
    created_at: at,
    updated_at: at,
    revision: 1,
    deleted_at: null,
    merged_into: null,
  };
}

describeEachDialect(
  "the change feed",
  (db, dialect) => {
    it("records writes made outside sync (a plain UPDATE too), and a region move reaches the old region as gone", async () => {
      const k = db().kysely;
      const start = await pullChanges(k, SYSTEM_ACTOR, undefined, 5000);
      const row = personRow("Feed");
      await k.insertInto("persons").values(row).execute();
      await k.updateTable("persons").set({ region_code: "64.01.05.2003" }).where("id", "=", row.id).execute();
      const kader = {
        userId: "k",
        username: "k",
        displayName: "K",
        assignments: [{ role: "kader_posyandu" as const, scope: "64.01.05.2003.P01" }],
      };
      const sinceKader = await pullChanges(k, kader, start.cursor, 5000);
      expect(sinceKader.records).toEqual([{ entity: "person", id: row.id, gone: true }]);
      const sinceAll = await pullChanges(k, SYSTEM_ACTOR, start.cursor, 5000);
      expect(sinceAll.records).toHaveLength(1);
      expect(sinceAll.records[0]?.data?.regionCode).toBe("64.01.05.2003");
    });

    // SQLite has a single writer (and this process a single connection), so there the question cannot arise.
    it.skipIf(dialect === "sqlite")(
      "a cursor never passes a change that commits later: writers of the feed commit in sequence order",
      async () => {
        const k = db().kysely;
        const before = await pullChanges(k, SYSTEM_ACTOR, undefined, 5000);
        let release = () => {};
        const gate = new Promise<void>((r) => {
          release = r;
        });
        let firstInserted = () => {};
        const inserted = new Promise<void>((r) => {
          firstInserted = r;
        });
        const slow = personRow("Lambat");
        const fast = personRow("Cepat");
        const t1 = k.transaction().execute(async (trx) => {
          await trx.insertInto("persons").values(slow).execute();
          firstInserted();
          await gate;
        });
        await inserted;
        const t2 = k.insertInto("persons").values(fast).execute();
        await new Promise((r) => setTimeout(r, 200));
        const during = await pullChanges(k, SYSTEM_ACTOR, before.cursor, 5000);
        expect(during.records).toEqual([]);
        release();
        await Promise.all([t1, t2]);
        const after = await pullChanges(k, SYSTEM_ACTOR, during.cursor, 5000);
        expect(after.records.map((r) => r.id)).toEqual([slow.id, fast.id]);
      },
    );
  },
  { once: true, seed: async (db) => void (await ensureDemo(db.kysely, { children: 0 })) },
);
