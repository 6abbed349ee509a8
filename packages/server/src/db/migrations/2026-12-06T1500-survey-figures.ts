import type { Kysely } from "kysely";

/**
 * Survey prevalence per regency and year (Paser Pasal 6(2): targets are judged on SSGI/SKI results), entered
 * beside the registry's own figure. A revision replaces the figure of the same region, year and survey; the
 * audit log keeps the one before.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("survey_figures")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("survey", "text", (c) => c.notNull())
    .addColumn("value", "double precision", (c) => c.notNull())
    .addColumn("ci_lower", "double precision")
    .addColumn("ci_upper", "double precision")
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("entered_at", "text", (c) => c.notNull())
    .addColumn("entered_by", "text")
    .addUniqueConstraint("survey_figures_region_year_survey", ["region_code", "year", "survey"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("survey_figures").execute();
}
