import type { Kysely } from "kysely";
import { codeType } from "./code-type";

/** Background jobs (features/jobs): what runs off the request path, its state and its answer. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("jobs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .addColumn("region_code", codeType(db))
    .addColumn("input_json", "text", (c) => c.notNull())
    .addColumn("result_json", "text")
    .addColumn("error_json", "text")
    .addColumn("progress_done", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("progress_total", "integer")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("started_at", "text")
    .addColumn("finished_at", "text")
    .execute();
  await db.schema.createIndex("jobs_by_creator").on("jobs").columns(["created_by", "created_at"]).execute();
  await db.schema.createIndex("jobs_by_status").on("jobs").columns(["status", "created_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("jobs").execute();
}
