import { type Kysely, sql } from "kysely";
import { codeType } from "./code-type";

// Frozen in time: takes Kysely<any> and imports no app code.
// Services given to 1000-HPK targets (Paser Pasal 24, 36; PALI Pasal 4, 30, 37), appended, never updated.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("service_records")
    // Made by the client when it is offline (UUIDv7): replaying the same id is a no-op.
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("person_id", "text", (c) => c.notNull().references("persons.id"))
    .addColumn("region_code", codeType(db), (c) => c.notNull())
    .addColumn("service", "text", (c) => c.notNull())
    .addColumn("given_on", "text", (c) => c.notNull())
    .addColumn("detail", "text")
    .addColumn("received", "integer", (c) => c.notNull())
    // A correction is a new record naming the one it replaces.
    .addColumn("supersedes", "text", (c) => c.references("service_records.id"))
    .addColumn("note", "text")
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .addColumn("recorded_by", "text")
    .execute();
  // Covers the scorecard's one read of a whole region (a regency: hundreds of thousands of records) so it
  // never visits the table rows.
  await db.schema
    .createIndex("service_records_region_scorecard")
    .on("service_records")
    .columns(["region_code", "service", "given_on", "person_id", "detail", "received", "id"])
    .execute();
  await db.schema
    .createIndex("service_records_person")
    .on("service_records")
    .columns(["person_id", "given_on"])
    .execute();
  // At most one correction per record: two offline corrections of the same record conflict visibly.
  await db.schema
    .createIndex("service_records_supersedes")
    .on("service_records")
    .column("supersedes")
    .unique()
    .where(sql.raw<boolean>("supersedes is not null"))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("service_records").execute();
}
