import { type Kysely, PostgresAdapter, sql } from "kysely";
import { codeType } from "./code-type";

// Frozen in time: takes Kysely<any> and imports no app code.
// Offline sync: a change feed filled by triggers (so every write path reaches devices — the online API,
// e-PPGBM import, merges, sync itself), the op ids already applied, and conflicts kept for a person.
const FED = [
  ["households", "household"],
  ["persons", "person"],
  ["pregnancies", "pregnancy"],
  ["measurements", "measurement"],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable("sync_changes")
    .addColumn("seq", pg ? "bigserial" : "integer", (c) =>
      pg ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn("entity", "text", (c) => c.notNull())
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("region_code", codeType(db), (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("sync_changes_region")
    .on("sync_changes")
    .columns(["region_code", "seq"])
    .execute();

  if (pg) {
    // The advisory lock is held to commit, so sequence numbers are taken — and become visible — in commit
    // order: a reader that sees seq N can never later see a smaller one (no change skipped by a cursor).
    await sql`create function sync_change_log() returns trigger language plpgsql as $$
      begin
        perform pg_advisory_xact_lock(7301417);
        insert into sync_changes(entity, entity_id, region_code) values (TG_ARGV[0], NEW.id, NEW.region_code);
        if TG_OP = 'UPDATE' and OLD.region_code is distinct from NEW.region_code then
          insert into sync_changes(entity, entity_id, region_code) values (TG_ARGV[0], OLD.id, OLD.region_code);
        end if;
        return null;
      end $$`.execute(db);
    for (const [table, entity] of FED) {
      await sql`create trigger ${sql.raw(`${table}_sync_feed`)} after insert or update on ${sql.table(table)}
        for each row execute function sync_change_log(${sql.lit(entity)})`.execute(db);
    }
  } else {
    // SQLite has one writer at a time, so rowids are already handed out in commit order.
    for (const [table, entity] of FED) {
      await sql`create trigger ${sql.raw(`${table}_sync_ins`)} after insert on ${sql.table(table)} begin
        insert into sync_changes(entity, entity_id, region_code) values (${sql.lit(entity)}, new.id, new.region_code);
        end`.execute(db);
      await sql`create trigger ${sql.raw(`${table}_sync_upd`)} after update on ${sql.table(table)} begin
        insert into sync_changes(entity, entity_id, region_code) values (${sql.lit(entity)}, new.id, new.region_code);
        insert into sync_changes(entity, entity_id, region_code)
          select ${sql.lit(entity)}, old.id, old.region_code where old.region_code <> new.region_code;
        end`.execute(db);
    }
  }

  await db.schema
    .createTable("sync_ops")
    .addColumn("op_id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("entity", "text", (c) => c.notNull())
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("result_json", "text", (c) => c.notNull())
    .addColumn("applied_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("sync_conflicts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("op_id", "text", (c) => c.notNull())
    .addColumn("entity", "text", (c) => c.notNull())
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("region_code", codeType(db), (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("user_name", "text", (c) => c.notNull())
    .addColumn("base_revision", "integer", (c) => c.notNull())
    .addColumn("mine_json", "text", (c) => c.notNull())
    .addColumn("theirs_json", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("resolved_at", "text")
    .addColumn("resolved_by", "text")
    .addColumn("resolution", "text")
    .execute();
  await db.schema
    .createIndex("sync_conflicts_region")
    .on("sync_conflicts")
    .columns(["region_code", "created_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const [table] of FED) {
    if (pg) await sql`drop trigger ${sql.raw(`${table}_sync_feed`)} on ${sql.table(table)}`.execute(db);
    else {
      await sql`drop trigger ${sql.raw(`${table}_sync_ins`)}`.execute(db);
      await sql`drop trigger ${sql.raw(`${table}_sync_upd`)}`.execute(db);
    }
  }
  if (pg) await sql`drop function sync_change_log()`.execute(db);
  for (const t of ["sync_conflicts", "sync_ops", "sync_changes"]) await db.schema.dropTable(t).execute();
}
