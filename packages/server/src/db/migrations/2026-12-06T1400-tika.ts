import { type Kysely, PostgresAdapter, sql } from "kysely";
import { codeType } from "./code-type";

// Frozen in time: takes Kysely<any> and imports no app code.
// Tika pertumbuhan readings (PALI 64/2021 Pasal 30 huruf a, 40 ayat (2) d–f, (4)): the colour a child 0–23
// months shows on the growth mat. Appended, never updated; fed to devices like every other synced table.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("tika_readings")
    // Made by the client (UUIDv7, offline): replaying the same id is a no-op.
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("person_id", "text", (c) => c.notNull().references("persons.id"))
    .addColumn("region_code", codeType(db), (c) => c.notNull())
    .addColumn("measured_on", "text", (c) => c.notNull())
    .addColumn("band", "text", (c) => c.notNull())
    .addColumn("measured_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .execute();
  // The counts read a region's readings of a period at once; a child's page reads its own.
  await db.schema
    .createIndex("tika_readings_region")
    .on("tika_readings")
    .columns(["region_code", "measured_on", "person_id", "band"])
    .execute();
  await db.schema
    .createIndex("tika_readings_person")
    .on("tika_readings")
    .columns(["person_id", "measured_on"])
    .execute();

  // The change feed (same triggers as 2026-11-22T1800-sync-more).
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create trigger tika_readings_sync_feed after insert or update on tika_readings
      for each row execute function sync_change_log('tika_reading')`.execute(db);
  } else {
    await sql`create trigger tika_readings_sync_ins after insert on tika_readings begin
      insert into sync_changes(entity, entity_id, region_code) values ('tika_reading', new.id, new.region_code);
      end`.execute(db);
    await sql`create trigger tika_readings_sync_upd after update on tika_readings begin
      insert into sync_changes(entity, entity_id, region_code) values ('tika_reading', new.id, new.region_code);
      insert into sync_changes(entity, entity_id, region_code)
        select 'tika_reading', old.id, old.region_code where old.region_code <> new.region_code;
      end`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  // Dropping the table drops its triggers on both dialects.
  await db.schema.dropTable("tika_readings").execute();
}
