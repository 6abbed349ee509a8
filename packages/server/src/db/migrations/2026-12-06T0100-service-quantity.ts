import type { Kysely } from "kysely";

/**
 * How many iron tablets (TTD) a record gives: the KPM scorecard counts tablets taken in the pregnancy (≥ 90,
 * Buku Pendataan dan Pemantauan Layanan 1000 HPK), not a record per month (issue 14). Null for other services
 * and for records made before.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("service_records").addColumn("quantity", "integer").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("service_records").dropColumn("quantity").execute();
}
