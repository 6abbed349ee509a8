import type { Kysely } from "kysely";

/**
 * Issue 18. `indicator_freshness`: when the per-desa figures were last rebuilt (they are rebuilt in the
 * background now, and pages say how fresh they are). `measurements_person` goes: the unique partial index
 * `measurements_person_day_live` has the same key (person_id, measured_on), and every per-person read asks
 * for live rows, which that index serves (≈ 32 MB of the 25k-child demo's 494 MB).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("indicator_freshness")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("built_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.dropIndex("measurements_person").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("measurements_person")
    .on("measurements")
    .columns(["person_id", "measured_on"])
    .execute();
  await db.schema.dropTable("indicator_freshness").execute();
}
