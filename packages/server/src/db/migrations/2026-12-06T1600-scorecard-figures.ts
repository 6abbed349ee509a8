import { type Kysely, PostgresAdapter, sql } from "kysely";
import { codeType } from "./code-type";

/**
 * Issue 14 (speed). `scorecard_figures`: the KPM scorecard's counts per desa and period, built with the
 * dashboards' per-desa figures (same dirty marks, same background rebuild), so the scorecard of a regency or
 * kecamatan sums ~150 stored rows instead of scoring 35,000 targets per request. `counts` are as the regency's
 * scorecard reads them; `kecamatan_counts` as the kecamatan's does when they differ (a target with records
 * taken outside its kecamatan), else null. `scorecard_figures_state`: the month the figures were last
 * completed for (their periods follow from it).
 *
 * A record or pregnancy also marks its person's desa dirty (the triggers of 2026-11-22T1900 mark the desa of
 * the row's own region_code): the regency's scorecard counts a person's record wherever it was taken, so a
 * record taken in another desa changes the person's desa's counts.
 */
const PERSON_TABLES = ["service_records", "pregnancies"] as const;
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("scorecard_figures")
    .addColumn("desa_code", codeType(db), (c) => c.notNull())
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("counts", "text", (c) => c.notNull())
    .addColumn("kecamatan_counts", "text")
    .addPrimaryKeyConstraint("scorecard_figures_pk", ["period", "desa_code"])
    .execute();
  await db.schema
    .createTable("scorecard_figures_state")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("month", "text", (c) => c.notNull())
    .execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    // indicator_mark_measurement() of migration 2026-11-22T1700 marks the desa of old/new person_id.
    for (const table of PERSON_TABLES)
      await sql`create trigger ${sql.id(`scorecard_dirty_${table}`)} after insert or update or delete on ${sql.id(table)}
        for each row execute function indicator_mark_measurement()`.execute(db);
  } else {
    const m = (ref: "new" | "old") =>
      sql.raw(
        `insert or ignore into indicator_dirty (desa_code) select substr(region_code, 1, 13) from persons where id = ${ref}.person_id;`,
      );
    for (const table of PERSON_TABLES) {
      await sql`create trigger ${sql.id(`scorecard_dirty_${table}_ins`)} after insert on ${sql.id(table)} begin ${m("new")} end`.execute(
        db,
      );
      await sql`create trigger ${sql.id(`scorecard_dirty_${table}_upd`)} after update on ${sql.id(table)} begin ${m("old")} ${m("new")} end`.execute(
        db,
      );
      await sql`create trigger ${sql.id(`scorecard_dirty_${table}_del`)} after delete on ${sql.id(table)} begin ${m("old")} end`.execute(
        db,
      );
    }
  }
  // A database that already holds a registry gets every populated desa's figures on the next rebuild.
  await sql`insert into indicator_dirty (desa_code)
    select d from (
      select distinct substr(region_code, 1, 13) as d from persons
      union select distinct substr(region_code, 1, 13) from pregnancies
    ) u where d not in (select desa_code from indicator_dirty)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const table of PERSON_TABLES) {
    if (pg)
      await sql`drop trigger if exists ${sql.id(`scorecard_dirty_${table}`)} on ${sql.id(table)}`.execute(db);
    else
      for (const op of ["ins", "upd", "del"])
        await sql`drop trigger if exists ${sql.id(`scorecard_dirty_${table}_${op}`)}`.execute(db);
  }
  await db.schema.dropTable("scorecard_figures_state").execute();
  await db.schema.dropTable("scorecard_figures").execute();
}
