import type { Kysely } from "kysely";

/**
 * Safety of entered data (issue 17):
 * - measurements: a correction is a new row naming the one it `supersedes` (kept, with `deleted_at`, who
 *   voided it and why), so the old value is never lost; an implausible value saved on purpose keeps what
 *   was implausible and the confirmation (who, why, when) in `implausible_json`;
 * - persons: a child who moved away or died leaves the denominators from `left_on` (`left_reason`).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("measurements").addColumn("supersedes", "text").execute();
  await db.schema.alterTable("measurements").addColumn("change_reason", "text").execute();
  await db.schema.alterTable("measurements").addColumn("voided_by", "text").execute();
  await db.schema.alterTable("measurements").addColumn("implausible_json", "text").execute();
  await db.schema.alterTable("persons").addColumn("left_on", "text").execute();
  await db.schema.alterTable("persons").addColumn("left_reason", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const c of ["supersedes", "change_reason", "voided_by", "implausible_json"]) {
    await db.schema.alterTable("measurements").dropColumn(c).execute();
  }
  for (const c of ["left_on", "left_reason"]) {
    await db.schema.alterTable("persons").dropColumn(c).execute();
  }
}
