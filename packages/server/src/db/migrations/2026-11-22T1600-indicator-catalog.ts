import type { Kysely } from "kysely";
import { codeType } from "./code-type";

// Frozen in time: takes Kysely<any> and imports no app code.
// The regency's indicator catalog (Paser Pasal 6, Pasal 7 and the Lampiran's strategy matrix, or another
// regency's own file). Every import and every target edit adds a version; the highest version is current,
// the older ones are the history.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("indicator_catalogs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("regency_code", codeType(db), (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    // The whole catalog file as JSON text (validated by @tumbuh/core's IndicatorCatalog before it is stored).
    .addColumn("content", "text", (c) => c.notNull())
    // "shipped" (loaded from data/indicators), "import" (a whole file), "target" (one target edited).
    .addColumn("origin", "text", (c) => c.notNull())
    .addColumn("summary", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .execute();
  await db.schema
    .createIndex("indicator_catalogs_version")
    .on("indicator_catalogs")
    .columns(["regency_code", "version"])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("indicator_catalogs").execute();
}
