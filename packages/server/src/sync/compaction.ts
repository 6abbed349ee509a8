import { nowIso } from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { inTransaction } from "../db/transaction";

/**
 * Compacting the change feed (issue 18: one row per record change, growing forever — 18 % of the demo).
 * Every pull notes where the user's device stands; compaction removes the feed up to the lowest position
 * of the devices seen within RETENTION_DAYS and raises the floor to it. A device further behind (not seen
 * for longer, a second phone of the same user, a new phone) is not refused: its next pull answers
 * `reset: true` and starts a full copy from the tables (sync/snapshot.ts), so nothing is ever missed.
 */
export const RETENTION_DAYS = 30;

/** The feed holds no change at or below this sequence number (0: nothing compacted yet). */
export async function feedFloor(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom("sync_feed_floor").select("seq").where("id", "=", 1).executeTakeFirst();
  return row ? Number(row.seq) : 0;
}

/** The newest change in the feed, or the floor when compaction emptied it. */
export async function feedHead(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom("sync_changes")
    .select((eb) => eb.fn.max("seq").as("seq"))
    .executeTakeFirst();
  return Math.max(Number(row?.seq ?? 0), await feedFloor(db));
}

/** Remember where a user's device pulls from (it only moves forward between compactions' views). */
export async function noteDevicePosition(
  db: Kysely<Database>,
  userId: string,
  position: number,
): Promise<void> {
  const seenAt = nowIso();
  await db
    .insertInto("sync_devices")
    .values({ user_id: userId, position, seen_at: seenAt })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ position, seen_at: seenAt }))
    .execute();
}

/**
 * Remove the feed below every device seen within the retention (all of it when none is): returns the
 * new floor and the rows removed. The floor and the deletion commit together, and a pull re-reads the
 * floor after reading the feed, so a pull racing a compaction restarts instead of skipping changes.
 */
export async function compactFeed(
  db: Kysely<Database>,
  now: Date = new Date(),
): Promise<{ floor: number; removed: number }> {
  const since = new Date(now.getTime() - RETENTION_DAYS * 86_400_000).toISOString();
  return inTransaction(db, async (trx) => {
    await trx.deleteFrom("sync_devices").where("seen_at", "<", since).execute();
    const lowest = await trx
      .selectFrom("sync_devices")
      .select((eb) => eb.fn.min("position").as("position"))
      .executeTakeFirst();
    const head = await feedHead(trx);
    const old = await feedFloor(trx);
    const target = Math.min(head, lowest?.position == null ? head : Number(lowest.position));
    if (target <= old) return { floor: old, removed: 0 };
    const removed = await trx.deleteFrom("sync_changes").where("seq", "<=", target).executeTakeFirst();
    await trx
      .insertInto("sync_feed_floor")
      .values({ id: 1, seq: target, compacted_at: now.toISOString() })
      .onConflict((oc) => oc.column("id").doUpdateSet({ seq: target, compacted_at: now.toISOString() }))
      .execute();
    return { floor: target, removed: Number(removed.numDeletedRows) };
  });
}
