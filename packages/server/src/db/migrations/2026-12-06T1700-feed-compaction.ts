import type { Kysely } from "kysely";

/**
 * Issue 18 (storage): the change feed is compacted below every device's position. `sync_devices` keeps
 * the last position each user's device pulled from (one row per user: two phones of one user share it, and
 * the one further behind simply re-pulls); `sync_feed_floor` is the single row saying up to which sequence
 * number the feed has been removed, so a pull from below it starts a full copy instead of missing changes.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("sync_devices")
    .addColumn("user_id", "text", (c) => c.primaryKey())
    .addColumn("position", "bigint", (c) => c.notNull())
    .addColumn("seen_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("sync_feed_floor")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("seq", "bigint", (c) => c.notNull())
    .addColumn("compacted_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("sync_feed_floor").execute();
  await db.schema.dropTable("sync_devices").execute();
}
