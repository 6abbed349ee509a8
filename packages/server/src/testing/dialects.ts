import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { afterAll, afterEach, beforeAll, beforeEach, describe, inject } from "vitest";
import { type Db, type DialectName, openDatabase, openSqliteCopy, serializeSqlite } from "../db/database";
import { migrateToLatest } from "../db/migrate";
import { withDatabase } from "./postgres-cluster";

/** SQLite migrated once per test process; every SQLite test database starts as a copy of these bytes. */
let sqliteTemplate: Promise<Buffer> | undefined;

async function migratedSqliteImage(): Promise<Buffer> {
  const db = openDatabase(":memory:");
  try {
    await migrateToLatest(db.kysely);
    return serializeSqlite(db);
  } finally {
    await db.close();
  }
}

/**
 * A fresh, migrated database of the given dialect; close() also drops a PostgreSQL one. Neither runs the
 * migrations again: SQLite copies an image migrated once per process, PostgreSQL copies the template the
 * global setup migrated (testing/global-setup.ts).
 */
export async function freshDatabase(dialect: DialectName): Promise<Db> {
  if (dialect === "sqlite") {
    sqliteTemplate ??= migratedSqliteImage();
    return openSqliteCopy(await sqliteTemplate);
  }
  const template = inject("postgresTemplate");
  if (!template) throw new Error("PostgreSQL is not available in this run");
  return newPostgresDatabase(template);
}

/** A database with no tables at all (for the migrations' own tests); close() also drops a PostgreSQL one. */
export async function emptyDatabase(dialect: DialectName): Promise<Db> {
  return dialect === "sqlite" ? openDatabase(":memory:") : newPostgresDatabase(null);
}

/** A new database in the run's cluster, copied from `template` (PostgreSQL's empty template1 when null). */
async function newPostgresDatabase(template: string | null): Promise<Db> {
  const adminUrl = inject("postgresUrl");
  if (!adminUrl) throw new Error("PostgreSQL is not available in this run");
  const name = `t_${randomBytes(6).toString("hex")}`;
  const admin = openDatabase(adminUrl);
  const from = template === null ? sql`` : sql` template ${sql.id(template)}`;
  await sql`create database ${sql.id(name)}${from}`.execute(admin.kysely);
  const db = openDatabase(withDatabase(adminUrl, name));
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
