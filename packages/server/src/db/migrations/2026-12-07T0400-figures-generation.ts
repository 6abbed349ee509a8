import { type Kysely, PostgresAdapter, sql } from "kysely";

/**
 * Issue 18. `indicator_freshness.generation`: how many times the per-desa figures have been stamped as
 * rebuilt. Dashboards keep the figures they summed until it moves (features/indicators/figures-cache.ts);
 * a timestamp could not tell two rebuilds apart within one millisecond or under a test's fixed clock. A
 * trigger counts every update of `built_at`, so whatever stamps it (the job worker, the CLI, another
 * process) is seen by every server reading the same database.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("indicator_freshness")
    .addColumn("generation", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create function indicator_freshness_generation() returns trigger language plpgsql as $$
      begin new.generation := old.generation + 1; return new; end $$`.execute(db);
    await sql`create trigger indicator_freshness_generation before update of built_at on indicator_freshness
      for each row execute function indicator_freshness_generation()`.execute(db);
  } else {
    await sql`create trigger indicator_freshness_generation after update of built_at on indicator_freshness
      begin update indicator_freshness set generation = old.generation + 1 where id = new.id; end`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`drop trigger if exists indicator_freshness_generation on indicator_freshness`.execute(db);
    await sql`drop function if exists indicator_freshness_generation()`.execute(db);
  } else {
    await sql`drop trigger if exists indicator_freshness_generation`.execute(db);
  }
  await db.schema.alterTable("indicator_freshness").dropColumn("generation").execute();
}
