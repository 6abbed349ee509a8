import { SYSTEM_ACTOR } from "@tumbuh/core";
import { expect, it } from "vitest";
import { ensureDemo } from "../demo/demo";
import { describeEachDialect } from "../testing/dialects";
import { personRow as tableRow } from "../testing/table-rows";
import { nowIso, uuidv7 } from "../util/ids";
import { pullChanges } from "./pull";

/** A child row as the table holds it, registered now. */
function personRow(name: string, region = "64.01.05.2003.P01") {
  const at = nowIso();
  return tableRow(uuidv7(), region, { name, name_key: name, created_at: at, updated_at: at });
}

describeEachDialect(
  "the change feed",
  (db, dialect) => {
    it("records writes made outside sync (a plain UPDATE too), and a region move reaches the old region as gone", async () => {
      const k = db().kysely;
      const start = await pullChanges(k, SYSTEM_ACTOR, { cursor: undefined, limit: 5000 });
      const row = personRow("Feed");
      await k.insertInto("persons").values(row).execute();
      await k.updateTable("persons").set({ region_code: "64.01.05.2003" }).where("id", "=", row.id).execute();
      const kader = {
        userId: "k",
        username: "k",
        displayName: "K",
        assignments: [{ role: "kader_posyandu" as const, scope: "64.01.05.2003.P01" }],
      };
      const sinceKader = await pullChanges(k, kader, { cursor: start.cursor, limit: 5000 });
      expect(sinceKader.records).toEqual([{ entity: "person", id: row.id, gone: true }]);
      const sinceAll = await pullChanges(k, SYSTEM_ACTOR, { cursor: start.cursor, limit: 5000 });
      expect(sinceAll.records).toHaveLength(1);
      expect(sinceAll.records[0]?.data?.regionCode).toBe("64.01.05.2003");
    });

    it("pages through many windows: every change of the scope once, in order; a wide user keeps one posyandu; places come once", async () => {
      const k = db().kysely;
      const start = await pullChanges(k, SYSTEM_ACTOR, { cursor: undefined, limit: 5000 });
      const rows = Array.from({ length: 40 }, (_, i) =>
        personRow(`Anak ${i}`, i % 3 === 0 ? "64.01.05.2003.P02" : "64.01.05.2003.P01"),
      );
      for (const r of rows) await k.insertInto("persons").values(r).execute();
      const desa = {
        userId: "d",
        username: "d",
        displayName: "D",
        assignments: [{ role: "tpps_kecamatan" as const, scope: "64.01.05" }],
      };
      const pullAll = async (keep?: string) => {
        const seen: string[] = [];
        const placesPerPage: number[] = [];
        let cursor: string | undefined = start.cursor;
        let first = true;
        for (let n = 0; n < 100; n++) {
          const page = await pullChanges(k, desa, { cursor, limit: 4, window: 3, keep, places: first });
          first = false;
          placesPerPage.push(page.places.length);
          seen.push(...page.records.map((r) => r.id));
          expect(Number(page.cursor)).toBeGreaterThanOrEqual(Number(cursor));
          cursor = page.cursor;
          if (!page.more) break;
        }
        return { seen, placesPerPage };
      };
      const all = await pullAll();
      expect(all.seen).toEqual(rows.map((r) => r.id));
      expect(all.placesPerPage[0]).toBeGreaterThan(0);
      expect(all.placesPerPage.slice(1).every((n) => n === 0)).toBe(true);
      const p02 = await pullAll("64.01.05.2003.P02");
      expect(p02.seen).toEqual(rows.filter((r) => r.region_code.endsWith("P02")).map((r) => r.id));
      // Nothing new: the cursor stays put and no page comes back.
      const again = await pullChanges(k, desa, {
        cursor: (await pullChanges(k, desa, { cursor: start.cursor, limit: 5000 })).cursor,
        limit: 5,
      });
      expect(again.records).toEqual([]);
      await expect(pullChanges(k, desa, { limit: 5, keep: "64.01.06.2001" })).rejects.toMatchObject({
        code: "not_found",
      });
    });

    // SQLite has a single writer (and this process a single connection), so there the question cannot arise.
    it.skipIf(dialect === "sqlite")(
      "a cursor never passes a change that commits later: writers of the feed commit in sequence order",
      async () => {
        const k = db().kysely;
        const before = await pullChanges(k, SYSTEM_ACTOR, { cursor: undefined, limit: 5000 });
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
        const during = await pullChanges(k, SYSTEM_ACTOR, { cursor: before.cursor, limit: 5000 });
        expect(during.records).toEqual([]);
        release();
        await Promise.all([t1, t2]);
        const after = await pullChanges(k, SYSTEM_ACTOR, { cursor: during.cursor, limit: 5000 });
        expect(after.records.map((r) => r.id)).toEqual([slow.id, fast.id]);
      },
    );
  },
  { once: true, seed: async (db) => void (await ensureDemo(db.kysely, { children: 0 })) },
);
