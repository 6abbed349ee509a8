import { type Kysely, PostgresAdapter, sql } from "kysely";
import { codeType } from "./code-type";

/**
 * Indicators computed from service records and pregnancies (issue 6) and from families at risk, TPK visits,
 * catin and case audits (issue 8): per desa, month and year, the counts the catalog rows take
 * (features/indicators/service-aggregates, record-aggregates). Kept fresh the same way as the child
 * aggregates (migration 2026-11-22T1700): a write to any of TABLES marks its desa (the first 13 characters
 * of its region_code) in indicator_dirty, whatever wrote it; the next read rebuilds that desa.
 */
const TABLES = [
  "service_records",
  "pregnancies",
  "family_screenings",
  "tpk_assignments",
  "tpk_visits",
  "catin",
  "catin_screenings",
  "case_audits",
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("indicator_desa_services")
    .addColumn("desa_code", codeType(db), (c) => c.notNull())
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("numerator", "integer", (c) => c.notNull())
    .addColumn("denominator", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("indicator_desa_services_pk", ["code", "period", "desa_code"])
    .execute();

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    // indicator_mark_region() is the function of migration 2026-11-22T1700 (marks old/new region_code).
    for (const table of TABLES) {
      await sql`create trigger ${sql.id(`indicator_dirty_${table}`)} after insert or update or delete on ${sql.id(table)}
        for each row execute function indicator_mark_region()`.execute(db);
    }
  } else {
    const r = (ref: "new" | "old") =>
      sql.raw(
        `insert or ignore into indicator_dirty (desa_code) values (substr(${ref}.region_code, 1, 13));`,
      );
    for (const table of TABLES) {
      await sql`create trigger ${sql.id(`indicator_dirty_${table}_ins`)} after insert on ${sql.id(table)} begin ${r("new")} end`.execute(
        db,
      );
      await sql`create trigger ${sql.id(`indicator_dirty_${table}_upd`)} after update on ${sql.id(table)} begin ${r("old")} ${r("new")} end`.execute(
        db,
      );
      await sql`create trigger ${sql.id(`indicator_dirty_${table}_del`)} after delete on ${sql.id(table)} begin ${r("old")} end`.execute(
        db,
      );
    }
  }
  // Desa that already hold service records get their counts on the first read.
  const desa = sql.join(
    TABLES.map((t) => sql`select distinct substr(region_code, 1, 13) from ${sql.id(t)}`),
    sql` union `,
  );
  if (db.getExecutor().adapter instanceof PostgresAdapter)
    await sql`insert into indicator_dirty (desa_code) ${desa} on conflict do nothing`.execute(db);
  else await sql`insert or ignore into indicator_dirty (desa_code) ${desa}`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (const table of TABLES)
      await sql`drop trigger if exists ${sql.id(`indicator_dirty_${table}`)} on ${sql.id(table)}`.execute(db);
  } else {
    for (const table of TABLES)
      for (const op of ["ins", "upd", "del"])
        await sql`drop trigger if exists ${sql.id(`indicator_dirty_${table}_${op}`)}`.execute(db);
  }
  await db.schema.dropTable("indicator_desa_services").execute();
}
