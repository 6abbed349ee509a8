import type { Kysely } from "kysely";

/**
 * e-PPGBM imports (issue 16): each imported measurement keeps e-PPGBM's own values (its z-scores,
 * statuses, N/T, counters) as the file gave them, for the reconciliation report; an import is written in
 * short chunks and is "writing" until its last chunk commits, so an import cut off half-way can be undone.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("import_source_values")
    .addColumn("measurement_id", "text", (c) => c.primaryKey())
    .addColumn("import_id", "text", (c) => c.notNull())
    .addColumn("line", "integer", (c) => c.notNull())
    .addColumn("values_json", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("import_source_values_by_import")
    .on("import_source_values")
    .column("import_id")
    .execute();
  await db.schema
    .alterTable("imports")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("done"))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("imports").dropColumn("status").execute();
  await db.schema.dropTable("import_source_values").execute();
}
