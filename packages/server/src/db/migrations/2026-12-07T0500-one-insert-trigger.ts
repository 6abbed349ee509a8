import { type Kysely, PostgresAdapter, sql } from "kysely";

// Frozen in time: takes Kysely<any> and imports no app code.
/**
 * Issue 16 (import speed): on SQLite every trigger a row fires runs as a sub-program of its own — set up,
 * its WHEN checked, torn down — even when its WHEN turns it away (`sync_feed_deferred`, migration
 * 2026-12-06T2200). An inserted person or measurement fired two (the change feed, the stale desa figures);
 * one trigger per table now does both, with the same guard: the same rows written, one sub-program per row
 * (a 30k-row import did ~1 % less work). PostgreSQL keeps its triggers.
 */
const GUARD = " when not exists (select 1 from sync_feed_deferred)";

const MERGED = [
  `create trigger persons_ins after insert on "persons"${GUARD} begin
        insert into sync_changes(entity, entity_id, region_code) values ('person', new.id, new.region_code);
        insert or ignore into indicator_dirty (desa_code) values (substr(new.region_code, 1, 13));
        end`,
  `create trigger measurements_ins after insert on "measurements"${GUARD} begin
        insert into sync_changes(entity, entity_id, region_code) values ('measurement', new.id, new.region_code);
        insert or ignore into indicator_dirty (desa_code) select substr(region_code, 1, 13) from persons where id = new.person_id;
        end`,
];

// As migration 2026-12-06T2200 left them (down restores the exact text: the migration test compares it).
const syncIns = (table: string, entity: string) =>
  `create trigger ${table}_sync_ins after insert on "${table}"${GUARD} begin
        insert into sync_changes(entity, entity_id, region_code) values ('${entity}', new.id, new.region_code);
        end`;
const SEPARATE = [
  syncIns("persons", "person"),
  syncIns("measurements", "measurement"),
  `create trigger "indicator_dirty_persons_ins" after insert on "persons"${GUARD} begin insert or ignore into indicator_dirty (desa_code) values (substr(new.region_code, 1, 13)); end`,
  `create trigger indicator_dirty_m_ins after insert on measurements${GUARD} begin insert or ignore into indicator_dirty (desa_code) select substr(region_code, 1, 13) from persons where id = new.person_id; end`,
];
const SEPARATE_NAMES = [
  "persons_sync_ins",
  "measurements_sync_ins",
  "indicator_dirty_persons_ins",
  "indicator_dirty_m_ins",
];

const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  for (const name of SEPARATE_NAMES) await sql`drop trigger ${sql.id(name)}`.execute(db);
  for (const t of MERGED) await sql.raw(t).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  for (const name of ["persons_ins", "measurements_ins"]) await sql`drop trigger ${sql.id(name)}`.execute(db);
  for (const t of SEPARATE) await sql.raw(t).execute(db);
}
