import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { registerSqliteHandle, sqliteHandleOf } from "./bulk-insert";
import type { Database } from "./schema";
import { BUSY_TIMEOUT_MS, ImmediateSqliteDialect } from "./sqlite-dialect";
import { withCompactValues } from "./sqlite-values";

export type DialectName = "sqlite" | "postgres";

export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  close(): Promise<void>;
}

/**
 * Open the database named by a URL: `postgres://…` / `postgresql://…` for PostgreSQL, anything else is an
 * SQLite file path (`sqlite:` prefix optional; `:memory:` for tests).
 */
export function openDatabase(url: string): Db {
  if (/^postgres(ql)?:\/\//.test(url)) return openPostgres(url);
  return openSqlite(url.replace(/^sqlite:/, ""));
}

/**
 * An in-memory SQLite database starting as a copy of `image` (bytes from `serializeSqlite`): tests open one
 * migrated database many times this way instead of migrating each.
 */
export function openSqliteCopy(image: Buffer): Db {
  return openSqlite(image);
}

/** The whole of an SQLite database opened by `openDatabase`, as bytes (for `openSqliteCopy`). */
export function serializeSqlite(db: Db): Buffer {
  const handle = sqliteHandleOf(db.kysely);
  if (!handle) throw new Error("not an SQLite database opened by openDatabase");
  return handle.serialize();
}

function openSqlite(source: string | Buffer): Db {
  if (typeof source === "string" && source !== ":memory:") mkdirSync(dirname(source), { recursive: true });
  // Ids are kept as 16-byte BLOBs and growth categories as 2-character codes (./sqlite-values): every statement, Kysely's or raw,
  // goes through this handle.
  const sqlite = withCompactValues(new SQLite(source));
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // WAL lets readers proceed during a write. The mode is the file's, kept once set: a connection opened while
  // another holds the file in another mode (the demo seed writes with a rollback journal, demo/bulk-load.ts,
  // and sets WAL again when done) leaves it to that one — SQLite refuses the switch at once, busy timeout or
  // not, and the side-counts thread opening then failed with "database is locked" (issue 18).
  try {
    sqlite.pragma("journal_mode = WAL");
  } catch (err) {
    if ((err as { code?: string }).code !== "SQLITE_BUSY") throw err;
  }
  // Foreign keys are off by default in SQLite.
  sqlite.pragma("foreign_keys = ON");
  // A statement that writes many rows (a multi-row INSERT, anything firing triggers) keeps the pages it
  // changes in a statement journal, so that it alone can be undone; in a temporary file that journal wrote
  // 444 MB for a 30k-row import, most of its system time. In memory it holds one statement's pages (issue 16).
  // Temporary tables and indexes a query needs live in memory too: no query here makes large ones.
  sqlite.pragma("temp_store = MEMORY");
  const kysely = new Kysely<Database>({ dialect: new ImmediateSqliteDialect(sqlite) });
  registerSqliteHandle(kysely, sqlite);
  return { kysely, dialect: "sqlite", close: () => kysely.destroy() };
}

function openPostgres(url: string): Db {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { kysely, dialect: "postgres", close: () => kysely.destroy() };
}
