import type { Kysely } from "kysely";

/**
 * The regency's achievement against every catalog indicator and target for the assessed year, kept beside
 * the year's scores when they are computed, so the public page shows exactly what the TPPS published (Paser
 * Pasal 9 p) without recomputing anything for an anonymous request. Null for assessments computed before.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("assessments").addColumn("achievements_json", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("assessments").dropColumn("achievements_json").execute();
}
