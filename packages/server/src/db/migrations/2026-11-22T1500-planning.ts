import type { Kysely } from "kysely";
import { codeType } from "./code-type";

// Frozen in time: takes Kysely<any> and imports no app code.
// Village planning cycle (PALI Pasal 7–14 and Lampiran I, Paser Pasal 26–34), teams (Paser Pasal 14–15, 28;
// PALI Pasal 16–23), KPM (PALI Pasal 29, 33), kecamatan review (Paser Pasal 18 b), campaigns.
// Money in rupiah as double precision: whole rupiah up to 2^53 are exact, and both drivers return numbers.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("planning_cycles")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("region_code", codeType(db), (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("musyawarah_date", "text")
    .addColumn("apb_total", "double precision")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("revision", "integer", (c) => c.notNull())
    .addUniqueConstraint("planning_cycles_region_year", ["region_code", "year"])
    .execute();

  await db.schema
    .createTable("planning_stages")
    .addColumn("cycle_id", "text", (c) => c.notNull().references("planning_cycles.id"))
    .addColumn("region_code", codeType(db), (c) => c.notNull())
    .addColumn("stage", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("started_on", "text")
    .addColumn("finished_on", "text")
    .addColumn("note", "text")
    .addColumn("documents_json", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("planning_stages_pk", ["cycle_id", "stage"])
    .execute();
  await db.schema.createIndex("planning_stages_region").on("planning_stages").column("region_code").execute();

  await db.schema
    .createTable("planning_meetings")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("cycle_id", "text", (c) => c.references("planning_cycles.id"))
    .addColumn("region_code", codeType(db), (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("held_on", "text", (c) => c.notNull())
    .addColumn("place", "text", (c) => c.notNull())
    .addColumn("attendance_count", "integer", (c) => c.notNull())
    .addColumn("attendees_json", "text", (c) => c.notNull())
    .addColumn("problems_json", "text", (c) => c.notNull())
    .addColumn("opportunities_json", "text", (c) => c.notNull())
    .addColumn("notes", "text")
    .addColumn("signatories_json", "text", (c) => c.notNull())
    .addColumn("mapping_json", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("planning_meetings_region")
    .on("planning_meetings")
    .columns(["region_code", "held_on"])
    .execute();

  await db.schema
    .createTable("planning_proposals")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("cycle_id", "text", (c) => c.notNull().references("planning_cycles.id"))
    .addColumn("region_code", codeType(db), (c) => c.notNull())
    .addColumn("activity_code", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("target_group", "text", (c) => c.notNull())
    .addColumn("package", "text", (c) => c.notNull())
    .addColumn("location", "text", (c) => c.notNull())
    .addColumn("volume", "double precision", (c) => c.notNull())
    .addColumn("unit", "text", (c) => c.notNull())
    .addColumn("cost", "double precision", (c) => c.notNull())
    .addColumn("funding_source", "text", (c) => c.notNull())
    .addColumn("priority", "integer")
    .addColumn("in_plan", "integer", (c) => c.notNull())
    .addColumn("budget_amount", "double precision")
    .addColumn("realised_amount", "double precision")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("planning_proposals_cycle")
    .on("planning_proposals")
    .column("cycle_id")
    .execute();
  await db.schema
    .createIndex("planning_proposals_region")
    .on("planning_proposals")
    .column("region_code")
    .execute();

  await db.schema
    .createTable("planning_reviews")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("cycle_id", "text", (c) => c.notNull().references("planning_cycles.id"))
    .addColumn("region_code", codeType(db), (c) => c.notNull())
    .addColumn("decision", "text", (c) => c.notNull())
    .addColumn("comment", "text", (c) => c.notNull())
    .addColumn("reviewer_name", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("planning_reviews_cycle").on("planning_reviews").column("cycle_id").execute();

  await db.schema
    .createTable("planning_campaigns")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("cycle_id", "text", (c) => c.notNull().references("planning_cycles.id"))
    .addColumn("region_code", codeType(db), (c) => c.notNull())
    .addColumn("media", "text", (c) => c.notNull())
    .addColumn("held_on", "text", (c) => c.notNull())
    .addColumn("reach", "integer", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("planning_campaigns_cycle")
    .on("planning_campaigns")
    .column("cycle_id")
    .execute();

  await db.schema
    .createTable("planning_institutions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("region_code", codeType(db), (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("decree_number", "text")
    .addColumn("decree_date", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("planning_institutions_region")
    .on("planning_institutions")
    .column("region_code")
    .execute();

  await db.schema
    .createTable("planning_members")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("institution_id", "text", (c) => c.notNull().references("planning_institutions.id"))
    .addColumn("region_code", codeType(db), (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("unit", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("planning_members_institution")
    .on("planning_members")
    .column("institution_id")
    .execute();

  await db.schema
    .createTable("planning_kpm")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("region_code", codeType(db), (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("dusun_code", "text")
    .addColumn("facts_json", "text", (c) => c.notNull())
    .addColumn("chosen_on", "text")
    .addColumn("decree_number", "text")
    .addColumn("decree_date", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("planning_kpm_region").on("planning_kpm").column("region_code").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    "planning_kpm",
    "planning_members",
    "planning_institutions",
    "planning_campaigns",
    "planning_reviews",
    "planning_proposals",
    "planning_meetings",
    "planning_stages",
    "planning_cycles",
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
