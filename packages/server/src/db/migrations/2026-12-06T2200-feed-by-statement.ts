import { type Kysely, PostgresAdapter, sql } from "kysely";

// Frozen in time: takes Kysely<any> and imports no app code.
/**
 * Issue 16 (import speed): on SQLite the per-row triggers that write the change feed and mark desa figures
 * stale cost about a third of an import's insert time. While a row sits in `sync_feed_deferred` (only ever
 * inside the writer's own transaction: SQLite has one writer, and the row is removed before commit, so no
 * other connection sees it) the INSERT triggers stand aside, and that writer adds the same feed rows and
 * dirty marks with one statement per table (db/fed-insert.ts). UPDATE and DELETE triggers are unchanged.
 * PostgreSQL keeps its row triggers (the speed goals are SQLite's); the table exists there too so both
 * schemas match.
 */
const GUARD = " when not exists (select 1 from sync_feed_deferred)";

// As the earlier migrations wrote them (down restores the exact text: the migration test compares it).
const syncIns = (table: string, entity: string, guard: string) =>
  `create trigger ${table}_sync_ins after insert on "${table}"${guard} begin
        insert into sync_changes(entity, entity_id, region_code) values ('${entity}', new.id, new.region_code);
        end`;
const triggers = (guard: string) => [
  syncIns("persons", "person", guard),
  syncIns("measurements", "measurement", guard),
  `create trigger "indicator_dirty_persons_ins" after insert on "persons"${guard} begin insert or ignore into indicator_dirty (desa_code) values (substr(new.region_code, 1, 13)); end`,
  `create trigger indicator_dirty_m_ins after insert on measurements${guard} begin insert or ignore into indicator_dirty (desa_code) select substr(region_code, 1, 13) from persons where id = new.person_id; end`,
];
const NAMES = [
  "persons_sync_ins",
  "measurements_sync_ins",
  "indicator_dirty_persons_ins",
  "indicator_dirty_m_ins",
];

async function replaceTriggers(db: Kysely<any>, guard: string): Promise<void> {
  for (const name of NAMES) await sql`drop trigger ${sql.id(name)}`.execute(db);
  for (const t of triggers(guard)) await sql.raw(t).execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("sync_feed_deferred")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .execute();
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) await replaceTriggers(db, GUARD);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) await replaceTriggers(db, "");
  await db.schema.dropTable("sync_feed_deferred").execute();
}
