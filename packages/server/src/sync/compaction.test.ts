import { type Actor, SYSTEM_ACTOR } from "@tumbuh/core";
import type { Kysely } from "kysely";
import { expect, it } from "vitest";
import type { Database } from "../db/schema";
import { ensureDemo } from "../demo/demo";
import { registerSyncEntities } from "../features";
import { describeEachDialect } from "../testing/dialects";
import { personRow as tableRow } from "../testing/table-rows";
import { nowIso, uuidv7 } from "../util/ids";
import { compactFeed, feedFloor, RETENTION_DAYS } from "./compaction";
import { pullChanges } from "./pull";

const P01 = "64.01.05.2003.P01";

// Seeded test databases are copies of a template: the entities are registered here, as the app does.
registerSyncEntities();

/** A child row as the table holds it, registered now. */
function personRow(name: string, region = P01) {
  const at = nowIso();
  return tableRow(uuidv7(), region, { name, name_key: name, created_at: at, updated_at: at });
}

const kader = (userId: string): Actor => ({
  userId,
  username: userId,
  displayName: userId,
  assignments: [{ role: "kader_posyandu", scope: P01 }],
});

/** Every page from `cursor` until `more` is false: the records' ids, whether any page said reset, the cursor. */
async function pullAll(k: Kysely<Database>, actor: Actor, cursor: string | undefined, limit = 1000) {
  const ids: string[] = [];
  let reset = false;
  for (let n = 0; n < 200; n++) {
    const page = await pullChanges(k, actor, { cursor, limit });
    reset ||= page.reset === true;
    ids.push(...page.records.filter((r) => !r.gone).map((r) => r.id));
    cursor = page.cursor;
    if (!page.more) break;
  }
  return { ids, reset, cursor: cursor as string };
}

describeEachDialect(
  "compacting the change feed",
  (db) => {
    it("a new demo starts with an empty feed, and a first pull still copies everything in scope", async () => {
      const k = db().kysely;
      expect((await k.selectFrom("sync_changes").select("seq").execute()).length).toBe(0);
      const rows = [personRow("Ani"), personRow("Budi"), personRow("Citra", "64.01.05.2003.P02")];
      await k.insertInto("persons").values(rows).execute();
      await compactFeed(k);
      // Paged two at a time, so the copy crosses pages through its own cursor.
      const copy = await pullAll(k, kader("k1"), undefined, 2);
      expect(copy.reset).toBe(false);
      expect(copy.ids.sort()).toEqual([rows[0]?.id, rows[1]?.id].sort());
    });

    it("compacts only below every device's position: a device seen lately goes on, one further behind re-copies", async () => {
      const k = db().kysely;
      const a = personRow("Ani");
      await k.insertInto("persons").values(a).execute();
      const old = await pullAll(k, kader("behind"), undefined); // this device then goes quiet
      const a2 = personRow("Ani 2");
      await k.insertInto("persons").values(a2).execute();
      const current = await pullAll(k, kader("current"), undefined);
      const b = personRow("Budi");
      await k.insertInto("persons").values(b).execute();
      // "behind" was last seen before the retention: it no longer holds the feed back.
      const later = new Date(Date.now() + (RETENTION_DAYS + 1) * 86_400_000);
      await k
        .updateTable("sync_devices")
        .set({ seen_at: new Date(Date.now() - (RETENTION_DAYS + 1) * 86_400_000).toISOString() })
        .where("user_id", "=", "behind")
        .execute();
      await k
        .updateTable("sync_devices")
        .set({ seen_at: later.toISOString() })
        .where("user_id", "=", "current")
        .execute();
      const { floor, removed } = await compactFeed(k, later);
      expect(removed).toBeGreaterThan(0);
      expect(floor).toBe(Number(current.cursor));
      // The device at the floor gets just the new record, no reset.
      const next = await pullAll(k, kader("current"), current.cursor);
      expect(next).toMatchObject({ ids: [b.id], reset: false });
      // The device further behind is told to start over and gets the whole scope, nothing missed.
      const again = await pullAll(k, kader("behind"), old.cursor);
      expect(again.reset).toBe(true);
      expect(again.ids.sort()).toEqual([a.id, a2.id, b.id].sort());
      // Once copied it follows the feed again.
      const c = personRow("Citra");
      await k.insertInto("persons").values(c).execute();
      expect(await pullAll(k, kader("behind"), again.cursor)).toMatchObject({ ids: [c.id], reset: false });
    });

    it("a change made during a full copy arrives after it; a compaction during the copy restarts it", async () => {
      const k = db().kysely;
      const rows = Array.from({ length: 5 }, (_, i) => personRow(`Anak ${i}`));
      await k.insertInto("persons").values(rows).execute();
      const first = await pullChanges(k, kader("k"), { cursor: undefined, limit: 2 });
      expect(first.cursor).toMatch(/^s\d+\.\d+\./);
      const during = personRow("Baru");
      await k.insertInto("persons").values(during).execute();
      const rest = await pullAll(k, kader("k"), first.cursor, 2);
      const all = [...first.records.map((r) => r.id), ...rest.ids];
      expect(new Set(all)).toEqual(new Set([...rows.map((r) => r.id), during.id]));

      const again = await pullChanges(k, kader("k2"), { cursor: undefined, limit: 2 });
      await k.insertInto("persons").values(personRow("Lagi")).execute();
      await k.deleteFrom("sync_devices").execute(); // no device holds the feed: all of it goes
      await compactFeed(k);
      expect(await feedFloor(k)).toBeGreaterThan(0);
      const restarted = await pullChanges(k, kader("k2"), { cursor: again.cursor, limit: 1000 });
      expect(restarted.reset).toBe(true);
      expect(restarted.records).toHaveLength(7);
    });

    it("a full copy leaves out voided and merged records and what is outside the scope", async () => {
      const k = db().kysely;
      const live = personRow("Hidup");
      const voided = { ...personRow("Batal"), deleted_at: nowIso() };
      const other = personRow("Lain", "64.01.05.2004");
      await k.insertInto("persons").values([live, voided, other]).execute();
      const copy = await pullAll(k, kader("k"), undefined);
      expect(copy.ids).toEqual([live.id]);
      const all = await pullAll(k, SYSTEM_ACTOR, undefined);
      expect(all.ids).toEqual(expect.arrayContaining([live.id, other.id]));
      expect(all.ids).not.toContain(voided.id);
    });
  },
  { seed: async (db) => void (await ensureDemo(db.kysely, { children: 0 })) },
);
