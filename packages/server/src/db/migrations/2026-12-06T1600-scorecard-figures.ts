import { type Kysely, sql } from "kysely";
import { codeType } from "./code-type";

/**
 * Issue 14 (speed). `scorecard_figures`: the KPM scorecard's counts per desa and period, built with the
 * dashboards' per-desa figures (same dirty marks, same background rebuild), so the scorecard of a regency or
 * kecamatan sums ~150 stored rows instead of scoring 35,000 targets per request. `counts` are as the regency's
 * scorecard reads them; `kecamatan_counts` as the kecamatan's does when they differ (a target with records
 * taken outside its kecamatan), else null. `scorecard_figures_state`: the month the figures were last
 * completed for (their periods follow from it).
 */
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
  // A database that already holds a registry gets every populated desa's figures on the next rebuild.
  await sql`insert into indicator_dirty (desa_code)
    select d from (
      select distinct substr(region_code, 1, 13) as d from persons
      union select distinct substr(region_code, 1, 13) from pregnancies
    ) u where d not in (select desa_code from indicator_dirty)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("scorecard_figures_state").execute();
  await db.schema.dropTable("scorecard_figures").execute();
}
