import { type Kysely, sql } from "kysely";
import { codeType } from "./code-type";

// Frozen in time: takes Kysely<any> and imports no app code.
// Registry of priority targets (Paser Pasal 5, PALI Pasal 3) and posyandu measurement.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("households")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("region_code", codeType(db), (c) => c.notNull())
    .addColumn("kk_number", "text")
    .addColumn("head_name", "text")
    .addColumn("address", "text", (c) => c.notNull())
    .addColumn("rt", "text")
    .addColumn("rw", "text")
    .addColumn("water_source", "text", (c) => c.notNull())
    .addColumn("latrine_type", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("deleted_at", "text")
    .execute();
  await db.schema.createIndex("households_region").on("households").column("region_code").execute();

  await db.schema
    .createTable("persons")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("region_code", codeType(db), (c) => c.notNull())
    .addColumn("household_id", "text", (c) => c.references("households.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("name_key", "text", (c) => c.notNull())
    .addColumn("sex", "integer", (c) => c.notNull())
    .addColumn("birth_date", "text", (c) => c.notNull())
    .addColumn("nik", "text")
    .addColumn("mother_id", "text", (c) => c.references("persons.id"))
    .addColumn("parent_name", "text")
    .addColumn("birth_weight_kg", "double precision")
    .addColumn("birth_length_cm", "double precision")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("deleted_at", "text")
    .addColumn("merged_into", "text")
    .execute();
  await db.schema
    .createIndex("persons_region")
    .on("persons")
    .columns(["region_code", "birth_date"])
    .execute();
  await db.schema.createIndex("persons_mother").on("persons").column("mother_id").execute();
  await db.schema.createIndex("persons_household").on("persons").column("household_id").execute();
  await db.schema.createIndex("persons_name_key").on("persons").columns(["name_key", "birth_date"]).execute();
  // The same NIK is one person: at most one live record carries it.
  await db.schema
    .createIndex("persons_nik_live")
    .on("persons")
    .column("nik")
    .unique()
    .where(sql.raw<boolean>("nik is not null and deleted_at is null and merged_into is null"))
    .execute();

  await db.schema
    .createTable("pregnancies")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("person_id", "text", (c) => c.notNull().references("persons.id"))
    .addColumn("region_code", codeType(db), (c) => c.notNull())
    .addColumn("lmp_date", "text", (c) => c.notNull())
    .addColumn("edd_date", "text", (c) => c.notNull())
    .addColumn("gravida", "integer", (c) => c.notNull())
    .addColumn("muac_cm", "double precision")
    .addColumn("hb_g_dl", "double precision")
    .addColumn("high_risk", "integer", (c) => c.notNull())
    .addColumn("high_risk_note", "text")
    .addColumn("ended_on", "text")
    .addColumn("outcome", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("deleted_at", "text")
    .execute();
  await db.schema.createIndex("pregnancies_person").on("pregnancies").column("person_id").execute();
  await db.schema.createIndex("pregnancies_region").on("pregnancies").column("region_code").execute();

  await db.schema
    .createTable("posyandu_sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("region_code", codeType(db), (c) => c.notNull())
    .addColumn("held_on", "text", (c) => c.notNull())
    .addColumn("cadres_json", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .addUniqueConstraint("posyandu_sessions_day", ["region_code", "held_on"])
    .execute();

  await db.schema
    .createTable("imports")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .addColumn("summary_json", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("measurements")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("person_id", "text", (c) => c.notNull().references("persons.id"))
    .addColumn("region_code", codeType(db), (c) => c.notNull())
    .addColumn("session_id", "text", (c) => c.references("posyandu_sessions.id"))
    .addColumn("import_id", "text", (c) => c.references("imports.id"))
    .addColumn("measured_on", "text", (c) => c.notNull())
    .addColumn("weight_kg", "double precision")
    .addColumn("lenhei_cm", "double precision")
    .addColumn("measure", "text")
    .addColumn("muac_cm", "double precision")
    .addColumn("headc_cm", "double precision")
    .addColumn("oedema", "integer", (c) => c.notNull())
    .addColumn("measured_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .addColumn("deleted_at", "text")
    // Derived from the raw values above by @tumbuh/growth (rounded z, flags, Permenkes codes); recomputed
    // whenever growth_version changes, never typed in.
    .addColumn("age_days", "integer")
    .addColumn("zlen", "double precision")
    .addColumn("zwei", "double precision")
    .addColumn("zwfl", "double precision")
    .addColumn("zbmi", "double precision")
    .addColumn("flagged", "integer", (c) => c.notNull())
    .addColumn("tbu", "text")
    .addColumn("bbu", "text")
    .addColumn("bbtb", "text")
    .addColumn("imtu", "text")
    .addColumn("growth_version", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("measurements_region_date")
    .on("measurements")
    .columns(["region_code", "measured_on"])
    .execute();
  await db.schema
    .createIndex("measurements_person")
    .on("measurements")
    .columns(["person_id", "measured_on"])
    .execute();
  // One measurement per child per day: a re-import or a double tap does not create a second one.
  await db.schema
    .createIndex("measurements_person_day_live")
    .on("measurements")
    .columns(["person_id", "measured_on"])
    .unique()
    .where(sql.raw<boolean>("deleted_at is null"))
    .execute();

  await db.schema
    .createTable("person_merges")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kept_id", "text", (c) => c.notNull().references("persons.id"))
    .addColumn("merged_id", "text", (c) => c.notNull().references("persons.id"))
    .addColumn("moved_json", "text", (c) => c.notNull())
    .addColumn("region_code", codeType(db), (c) => c.notNull())
    .addColumn("merged_at", "text", (c) => c.notNull())
    .addColumn("merged_by", "text")
    .addColumn("undone_at", "text")
    .addColumn("undone_by", "text")
    .execute();

  await db.schema
    .createTable("duplicate_dismissals")
    .addColumn("person_a", "text", (c) => c.notNull())
    .addColumn("person_b", "text", (c) => c.notNull())
    .addColumn("dismissed_at", "text", (c) => c.notNull())
    .addColumn("dismissed_by", "text")
    .addPrimaryKeyConstraint("duplicate_dismissals_pk", ["person_a", "person_b"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    "duplicate_dismissals",
    "person_merges",
    "measurements",
    "imports",
    "posyandu_sessions",
    "pregnancies",
    "persons",
    "households",
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
