import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { withCompactValues } from "./sqlite-values";

/**
 * How long a write waits for another connection's write lock (the job worker's, a CLI import's) before it
 * fails. The connection's own busy timeout (set below) waits by sleeping in SQLite, which on the request
 * thread stops every request; a Kysely transaction waits in db/sqlite-dialect instead, between event-loop
 * turns (`retryWhileWriteLocked`).
 */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * An SQLite connection as the server uses it (db/database.ts puts Kysely over it): the journal, the foreign
 * keys, the compact ids, the busy timeout.
 */
export function openSqliteHandle(source: string | Buffer): SQLite.Database {
  if (typeof source === "string" && source !== ":memory:") mkdirSync(dirname(source), { recursive: true });
  // Ids are kept as 16-byte BLOBs and growth categories as 2-character codes (./sqlite-values): every
  // statement, Kysely's or raw, goes through this handle.
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
  return sqlite;
}
