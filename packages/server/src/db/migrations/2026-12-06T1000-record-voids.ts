import type { Kysely } from "kysely";

/**
 * Voiding a record entered by mistake (issue 17): a service record, a TPK home visit, a family screening or
 * a catin screening is kept with who voided it, when and why, and leaves every list and figure (readers
 * filter `voided_at is null`). The sync feed and indicator triggers already fire on update.
 */
const TABLES = ["service_records", "tpk_visits", "family_screenings", "catin_screenings"] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    await db.schema.alterTable(table).addColumn("voided_at", "text").execute();
    await db.schema.alterTable(table).addColumn("voided_by", "text").execute();
    await db.schema.alterTable(table).addColumn("void_reason", "text").execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    for (const c of ["voided_at", "voided_by", "void_reason"]) {
      await db.schema.alterTable(table).dropColumn(c).execute();
    }
  }
}
