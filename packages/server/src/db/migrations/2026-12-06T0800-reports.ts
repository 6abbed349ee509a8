import type { Kysely } from "kysely";
import { codeType } from "./code-type";

/**
 * The accountability cycle (issue 15): reports with versions and their rendered documents, the regency's
 * assessment method and yearly assessments, and the award register (Paser Pasal 49).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("reports")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("region_code", codeType(db), (c) => c.notNull())
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("recipient_code", codeType(db))
    .addColumn("due_on", "text", (c) => c.notNull())
    .addColumn("narrative_json", "text", (c) => c.notNull())
    .addColumn("signatures_json", "text", (c) => c.notNull())
    .addColumn("figures_json", "text", (c) => c.notNull())
    .addColumn("supersedes", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("issued_at", "text")
    .addColumn("issued_by", "text")
    .addColumn("acknowledged_at", "text")
    .addColumn("acknowledged_by", "text")
    .addColumn("acknowledge_note", "text")
    .execute();
  await db.schema
    .createIndex("reports_version")
    .unique()
    .on("reports")
    .columns(["kind", "region_code", "period", "version"])
    .execute();
  await db.schema.createIndex("reports_by_region").on("reports").columns(["region_code", "period"]).execute();
  await db.schema
    .createIndex("reports_by_recipient")
    .on("reports")
    .columns(["recipient_code", "status"])
    .execute();
  await db.schema
    .createTable("report_documents")
    .addColumn("report_id", "text", (c) => c.notNull())
    .addColumn("format", "text", (c) => c.notNull())
    .addColumn("body_base64", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("report_documents_pk", ["report_id", "format"])
    .execute();
  await db.schema
    .createTable("assessment_methods")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("regency_code", codeType(db), (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("method_json", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("assessment_methods_version")
    .unique()
    .on("assessment_methods")
    .columns(["regency_code", "version"])
    .execute();
  await db.schema
    .createTable("assessments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("regency_code", codeType(db), (c) => c.notNull())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("method_json", "text", (c) => c.notNull())
    .addColumn("results_json", "text", (c) => c.notNull())
    .addColumn("computed_at", "text", (c) => c.notNull())
    .addColumn("computed_by", "text", (c) => c.notNull())
    .addColumn("published_at", "text")
    .addColumn("published_by", "text")
    .execute();
  await db.schema
    .createIndex("assessments_by_year")
    .on("assessments")
    .columns(["regency_code", "year"])
    .execute();
  await db.schema
    .createTable("awards")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("region_code", codeType(db), (c) => c.notNull())
    .addColumn("recipient_kind", "text", (c) => c.notNull())
    .addColumn("recipient_name", "text", (c) => c.notNull())
    .addColumn("forms_json", "text", (c) => c.notNull())
    .addColumn("amount", "double precision")
    .addColumn("sk_number", "text", (c) => c.notNull())
    .addColumn("sk_date", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .addColumn("recorded_by", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("awards_by_region").on("awards").columns(["region_code", "year"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["awards", "assessments", "assessment_methods", "report_documents", "reports"])
    await db.schema.dropTable(t).execute();
}
