import { type Kysely, PostgresAdapter, sql } from "kysely";

/**
 * Hardening (issue 18):
 * - the audit log cannot be rewritten: SQLite `INSERT OR REPLACE` deletes the old row without firing the
 *   delete trigger (recursive triggers are off), so an insert of an id that exists is refused; PostgreSQL
 *   `TRUNCATE` skips row triggers, so a statement trigger refuses it;
 * - login throttle counters live in the database (a restart no longer clears them);
 * - a sync op remembers a hash of what was sent, so an op id replayed with another payload is refused;
 * - ops answered "retry" are counted, so after a bounded number of tries they get a final state;
 * - a NIK may be on two live records (one registered outside the other's area is accepted rather than
 *   revealed; features/duplicates pairs them): the unique index becomes a plain one.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_append_only()`.execute(db);
  } else {
    await sql`create trigger audit_log_no_replace before insert on audit_log
      when exists (select 1 from audit_log where id = new.id)
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
  }

  await db.schema
    .createTable("login_throttle")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("window_start", "text", (c) => c.notNull())
    .addColumn("failures", "integer", (c) => c.notNull())
    .execute();

  await db.schema.alterTable("sync_ops").addColumn("payload_hash", "text").execute();

  await db.schema.dropIndex("persons_nik_live").execute();
  await db.schema
    .createIndex("persons_nik_live")
    .on("persons")
    .column("nik")
    .where(sql.raw<boolean>("nik is not null and deleted_at is null and merged_into is null"))
    .execute();

  await db.schema
    .createTable("sync_op_retries")
    .addColumn("op_id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("tries", "integer", (c) => c.notNull())
    .addColumn("first_at", "text", (c) => c.notNull())
    .addColumn("last_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  // Fails while two live records share a NIK: merge them first (features/duplicates lists them).
  await db.schema.dropIndex("persons_nik_live").execute();
  await db.schema
    .createIndex("persons_nik_live")
    .on("persons")
    .column("nik")
    .unique()
    .where(sql.raw<boolean>("nik is not null and deleted_at is null and merged_into is null"))
    .execute();
  await db.schema.dropTable("sync_op_retries").execute();
  await db.schema.alterTable("sync_ops").dropColumn("payload_hash").execute();
  await db.schema.dropTable("login_throttle").execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`drop trigger audit_log_no_truncate on audit_log`.execute(db);
  } else {
    await sql`drop trigger audit_log_no_replace`.execute(db);
  }
}
