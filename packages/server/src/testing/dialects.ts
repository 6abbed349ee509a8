import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, inject } from "vitest";
import { type Db, type DialectName, openDatabase, openSqliteCopy, serializeSqlite } from "../db/database";
import { migrateToLatest } from "../db/migrate";
import { registerSyncEntities } from "../features";
import { withDatabase } from "./postgres-cluster";

/**
 * Where test databases are copied from: SQLite bytes in this process, or a PostgreSQL database of the run's
 * cluster that nobody is connected to (PostgreSQL copies a template only then).
 */
type Template = { dialect: "sqlite"; image: Buffer } | { dialect: "postgres"; database: string };

/** SQLite migrated once per test process. */
let sqliteMigrated: Promise<Buffer> | undefined;

async function migratedSqliteImage(): Promise<Buffer> {
  const db = openDatabase(":memory:");
  try {
    await migrateToLatest(db.kysely);
    return serializeSqlite(db);
  } finally {
    await db.close();
  }
}

async function migratedTemplate(dialect: DialectName): Promise<Template> {
  if (dialect === "sqlite") {
    sqliteMigrated ??= migratedSqliteImage();
    return { dialect, image: await sqliteMigrated };
  }
  const database = inject("postgresTemplate");
  if (!database) throw new Error("PostgreSQL is not available in this run");
  return { dialect, database };
}

/** A new database holding a copy of `template`; close() also drops a PostgreSQL one. */
async function copyOf(template: Template): Promise<Db> {
  if (template.dialect === "sqlite") return openSqliteCopy(template.image);
  return newPostgresDatabase(template.database);
}

/**
 * A fresh, migrated database of the given dialect; close() also drops a PostgreSQL one. Neither runs the
 * migrations again: SQLite copies an image migrated once per process, PostgreSQL copies the template the
 * global setup migrated (testing/global-setup.ts).
 */
export async function freshDatabase(dialect: DialectName): Promise<Db> {
  // The app registers the sync entities when it is built; tests that call push/pull directly need them too.
  registerSyncEntities();
  return copyOf(await migratedTemplate(dialect));
}

/** A database with no tables at all (for the migrations' own tests); close() also drops a PostgreSQL one. */
export async function emptyDatabase(dialect: DialectName): Promise<Db> {
  return dialect === "sqlite" ? openDatabase(":memory:") : newPostgresDatabase(null);
}

/**
 * The cluster's admin database, shared by the test files of a process: it creates and drops their
 * databases. Idle connections do not keep the process alive.
 */
let admin: pg.Pool | undefined;
function adminPool(): pg.Pool {
  const url = inject("postgresUrl");
  if (!url) throw new Error("PostgreSQL is not available in this run");
  admin ??= new pg.Pool({ connectionString: url, max: 4, allowExitOnIdle: true });
  return admin;
}

/**
 * Dropped in the background: nothing waits for it, and a drop cut short when the run ends is harmless (the
 * cluster is deleted then).
 */
function dropLater(name: string): void {
  adminPool()
    .query(`drop database if exists "${name}"`)
    .catch(() => {});
}

/** A new database in the run's cluster, copied from `template` (PostgreSQL's empty template1 when null). */
async function newPostgresDatabase(
  template: string | null,
  opts: { keep?: boolean } = {},
): Promise<Db & { name: string }> {
  const name = `t_${randomBytes(6).toString("hex")}`;
  await adminPool().query(`create database "${name}"${template === null ? "" : ` template "${template}"`}`);
  const db = openDatabase(withDatabase(inject("postgresUrl") ?? "", name));
  return {
    ...db,
    name,
    async close() {
      await db.close();
      if (!opts.keep) dropLater(name);
    },
  };
}

/**
 * A migrated database with `seed` run on it once, kept as a template: `copy()` gives each test its own
 * database starting from the seeded state without seeding again; `dispose()` drops the template.
 */
export async function seededTemplate(
  dialect: DialectName,
  seed: (db: Db) => Promise<void>,
): Promise<{ copy(): Promise<Db>; dispose(): Promise<void> }> {
  const migrated = await migratedTemplate(dialect);
  if (migrated.dialect === "sqlite") {
    const db = await copyOf(migrated);
    try {
      await seed(db);
      const image = serializeSqlite(db);
      return { copy: () => copyOf({ dialect: "sqlite", image }), dispose: async () => {} };
    } finally {
      await db.close();
    }
  }
  // Kept when closed: the seeded database becomes the template; dispose() drops it.
  const db = await newPostgresDatabase(migrated.database, { keep: true });
  const { name } = db;
  try {
    await seed(db);
  } finally {
    await db.close();
  }
  return {
    copy: () => copyOf({ dialect: "postgres", database: name }),
    async dispose() {
      dropLater(name);
    },
  };
}

export const DIALECTS: readonly DialectName[] = ["sqlite", "postgres"];

/**
 * Run the same tests on every dialect (the Kysely way), so SQLite and PostgreSQL cannot drift apart.
 * Each test gets a fresh migrated database of its own; `seed` runs once per dialect and each test starts
 * from a copy of the seeded database (so a test changes nothing another test sees). With `once` the tests
 * of a dialect share one database instead: only for tests that read what the seed made and write nothing
 * another test reads.
 */
export function describeEachDialect(
  title: string,
  body: (db: () => Db, dialect: DialectName) => void,
  options: { once?: boolean; seed?: (db: Db) => Promise<void> } = {},
): void {
  for (const dialect of DIALECTS) {
    const skip = dialect === "postgres" && inject("postgresUrl") === null;
    (skip ? describe.skip : describe)(`${title} [${dialect}]`, () => {
      let current: Db | undefined;
      if (options.once) {
        beforeAll(async () => {
          current = await freshDatabase(dialect);
          await options.seed?.(current);
        });
        afterAll(async () => {
          await current?.close();
          current = undefined;
        });
      } else {
        let template: Awaited<ReturnType<typeof seededTemplate>> | undefined;
        const seed = options.seed;
        if (seed) {
          beforeAll(async () => {
            template = await seededTemplate(dialect, seed);
          });
          afterAll(async () => template?.dispose());
        }
        beforeEach(async () => {
          current = template ? await template.copy() : await freshDatabase(dialect);
        });
        afterEach(async () => {
          await current?.close();
          current = undefined;
        });
      }
      body(() => {
        if (!current) throw new Error("database not ready");
        return current;
      }, dialect);
    });
  }
}
