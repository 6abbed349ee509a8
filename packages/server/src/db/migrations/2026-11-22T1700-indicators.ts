import { type Kysely, PostgresAdapter, sql } from "kysely";
import { codeType } from "./code-type";

/**
 * Indicators (issue 7): entered indicator values with their revisions, and the per-desa aggregates the
 * dashboards read. Aggregates are rebuilt per desa from the raw rows; triggers on every table they are
 * made of mark the desa dirty, so no write path (service, import, merge, bulk demo writer, a hand-run SQL)
 * can leave them stale. Desa codes are the first 13 characters of any code below a desa ("64.01.05.2003").
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("indicator_values")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("indicator_id", "text", (c) => c.notNull())
    .addColumn("region_code", codeType(db), (c) => c.notNull())
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("value", "double precision")
    .addColumn("numerator", "double precision")
    .addColumn("denominator", "double precision")
    .addColumn("note", "text")
    .addColumn("entered_at", "text", (c) => c.notNull())
    .addColumn("entered_by", "text")
    .addColumn("entered_by_name", "text")
    // A revision is a new row; the row it replaces gets superseded_at/by and stays for the history.
    .addColumn("superseded_at", "text")
    .addColumn("superseded_by", "text")
    .execute();
  await db.schema
    .createIndex("indicator_values_lookup")
    .on("indicator_values")
    .columns(["region_code", "period", "indicator_id"])
    .execute();

  // Children 0–59 months of a desa (by home) per period (YYYY-MM and YYYY): see features/indicators/aggregates.
  await db.schema
    .createTable("indicator_desa_periods")
    .addColumn("desa_code", codeType(db), (c) => c.notNull())
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("registered", "integer", (c) => c.notNull())
    .addColumn("measured", "integer", (c) => c.notNull())
    .addColumn("flagged", "integer", (c) => c.notNull())
    .addColumn("len_n", "integer", (c) => c.notNull())
    .addColumn("stunted", "integer", (c) => c.notNull())
    .addColumn("wei_n", "integer", (c) => c.notNull())
    .addColumn("underweight", "integer", (c) => c.notNull())
    .addColumn("wfl_n", "integer", (c) => c.notNull())
    .addColumn("wasted", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("indicator_desa_periods_pk", ["period", "desa_code"])
    .execute();
  await db.schema
    .createTable("indicator_desa_households")
    .addColumn("desa_code", codeType(db), (c) => c.primaryKey())
    .addColumn("households", "integer", (c) => c.notNull())
    .addColumn("safe_water", "integer", (c) => c.notNull())
    .addColumn("proper_sanitation", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("indicator_dirty")
    .addColumn("desa_code", codeType(db), (c) => c.primaryKey())
    .execute();

  const desaOf = (col: string) => sql.raw(`substr(${col}, 1, 13)`);
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create function indicator_mark_measurement() returns trigger language plpgsql as $$
      begin
        if tg_op <> 'INSERT' then
          insert into indicator_dirty (desa_code) select ${desaOf("region_code")} from persons where id = old.person_id
            on conflict do nothing;
        end if;
        if tg_op <> 'DELETE' then
          insert into indicator_dirty (desa_code) select ${desaOf("region_code")} from persons where id = new.person_id
            on conflict do nothing;
        end if;
        return null;
      end $$`.execute(db);
    await sql`create trigger indicator_dirty_measurements after insert or update or delete on measurements
      for each row execute function indicator_mark_measurement()`.execute(db);
    await sql`create function indicator_mark_region() returns trigger language plpgsql as $$
      begin
        if tg_op <> 'INSERT' then
          insert into indicator_dirty (desa_code) values (${desaOf("old.region_code")}) on conflict do nothing;
        end if;
        if tg_op <> 'DELETE' then
          insert into indicator_dirty (desa_code) values (${desaOf("new.region_code")}) on conflict do nothing;
        end if;
        return null;
      end $$`.execute(db);
    for (const table of ["persons", "households"]) {
      await sql`create trigger ${sql.id(`indicator_dirty_${table}`)} after insert or update or delete on ${sql.id(table)}
        for each row execute function indicator_mark_region()`.execute(db);
    }
  } else {
    const m = (ref: "new" | "old") =>
      sql.raw(
        `insert or ignore into indicator_dirty (desa_code) select substr(region_code, 1, 13) from persons where id = ${ref}.person_id;`,
      );
    await sql`create trigger indicator_dirty_m_ins after insert on measurements begin ${m("new")} end`.execute(
      db,
    );
    await sql`create trigger indicator_dirty_m_upd after update on measurements begin ${m("old")} ${m("new")} end`.execute(
      db,
    );
    await sql`create trigger indicator_dirty_m_del after delete on measurements begin ${m("old")} end`.execute(
      db,
    );
    for (const table of ["persons", "households"]) {
      const r = (ref: "new" | "old") =>
        sql.raw(
          `insert or ignore into indicator_dirty (desa_code) values (substr(${ref}.region_code, 1, 13));`,
        );
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
  // A database that already holds a registry gets every populated desa built on first read.
  await sql`insert into indicator_dirty (desa_code)
    select distinct ${desaOf("region_code")} from persons
    union select distinct ${desaOf("region_code")} from households`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`drop trigger if exists indicator_dirty_measurements on measurements`.execute(db);
    await sql`drop trigger if exists indicator_dirty_persons on persons`.execute(db);
    await sql`drop trigger if exists indicator_dirty_households on households`.execute(db);
    await sql`drop function if exists indicator_mark_measurement`.execute(db);
    await sql`drop function if exists indicator_mark_region`.execute(db);
  } else {
    for (const t of ["m_ins", "m_upd", "m_del"])
      await sql`drop trigger if exists ${sql.id(`indicator_dirty_${t}`)}`.execute(db);
    for (const table of ["persons", "households"])
      for (const op of ["ins", "upd", "del"])
        await sql`drop trigger if exists ${sql.id(`indicator_dirty_${table}_${op}`)}`.execute(db);
  }
  for (const t of [
    "indicator_dirty",
    "indicator_desa_households",
    "indicator_desa_periods",
    "indicator_values",
  ])
    await db.schema.dropTable(t).execute();
}
