import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { afterAll, afterEach, beforeAll, beforeEach, describe, inject } from "vitest";
import { type Db, type DialectName, openDatabase } from "../db/database";
import { migrateToLatest } from "../db/migrate";
import { registerSyncEntities } from "../features";

/** A fresh, migrated database of the given dialect; close() also drops a PostgreSQL one. */
export async function freshDatabase(dialect: DialectName): Promise<Db> {
  // The app registers the sync entities when it is built; tests that call push/pull directly need them too.
  registerSyncEntities();
  if (dialect === "sqlite") {
    const db = openDatabase(":memory:");
    await migrateToLatest(db.kysely);
    return db;
  }
  const adminUrl = inject("postgresUrl");
  if (!adminUrl) throw new Error("PostgreSQL is not available in this run");
  const name = `t_${randomBytes(6).toString("hex")}`;
  const admin = openDatabase(adminUrl);
  await sql`create database ${sql.id(name)}`.execute(admin.kysely);
  const db = openDatabase(adminUrl.replace(/\/[^/]*$/, `/${name}`));
  await migrateToLatest(db.kysely);
  return {
    ...db,
    async close() {
      await db.close();
      await sql`drop database ${sql.id(name)}`.execute(admin.kysely);
      await admin.close();
    },
  };
}

export const DIALECTS: readonly DialectName[] = ["sqlite", "postgres"];

/**
 * Run the same tests on every dialect (the Kysely way), so SQLite and PostgreSQL cannot drift apart.
 * Each test gets a fresh migrated database, or with `once` the tests of a dialect share one (cheaper when
 * a suite seeds much and its tests do not disturb each other); `seed` runs on each new database.
 */
export function describeEachDialect(
  title: string,
  body: (db: () => Db, dialect: DialectName) => void,
  options: { once?: boolean; seed?: (db: Db) => Promise<void> } = {},
): void {
  const [before, after] = options.once ? [beforeAll, afterAll] : [beforeEach, afterEach];
  for (const dialect of DIALECTS) {
    const skip = dialect === "postgres" && inject("postgresUrl") === null;
    (skip ? describe.skip : describe)(`${title} [${dialect}]`, () => {
      let current: Db | undefined;
      before(async () => {
        current = await freshDatabase(dialect);
        await options.seed?.(current);
      });
      after(async () => {
        await current?.close();
        current = undefined;
      });
      body(() => {
        if (!current) throw new Error("database not ready");
        return current;
      }, dialect);
    });
  }
}
