import { type Kysely, PostgresAdapter, sql } from "kysely";

// Frozen in time: takes Kysely<any> and imports no app code.
// The change feed of 2026-11-22T1200-sync extended to the tables the phone now writes offline: service
// records (issue 6) and the families tables (issue 8). Same triggers: on PostgreSQL the shared function
// sync_change_log() (advisory lock held to commit, so seq order is commit order); on SQLite plain triggers.
const FED = [
  ["service_records", "service_record"],
  ["family_screenings", "family_screening"],
  ["catin", "catin"],
  ["catin_screenings", "catin_screening"],
  ["tpk_visits", "tpk_visit"],
  ["case_audits", "case_audit"],
  ["audit_followups", "audit_followup"],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const [table, entity] of FED) {
    if (pg) {
      await sql`create trigger ${sql.raw(`${table}_sync_feed`)} after insert or update on ${sql.table(table)}
        for each row execute function sync_change_log(${sql.lit(entity)})`.execute(db);
    } else {
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
}
