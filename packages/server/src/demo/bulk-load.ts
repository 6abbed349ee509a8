import type SQLite from "better-sqlite3";
import type { Kysely, Transaction } from "kysely";
import { registerSqliteHandle, sqliteHandleOf } from "../db/bulk-insert";
import type { Database } from "../db/schema";
import { inTransaction } from "../db/transaction";

/** Page cache while the demo is written: its pages stay in memory until the commit (SQLite's default is 2 MiB). */
const SEED_CACHE_KIB = 256 * 1024;

/**
 * Run `fn` in one transaction set up for writing a few hundred MB into a new database (the demo).
 *
 * On SQLite the database is switched from WAL to a rollback journal for that transaction: in WAL mode every
 * page is written twice (to the log, then copied into the file by the checkpoint) and, with the default 2 MiB
 * cache, pages spilled to the log are read back and written again. A rollback journal keeps the original of
 * the pages the transaction changes; the new pages past the old end of the file need none, so the journal
 * stays small and each page is written once. Atomic and durable all the same: an interrupted transaction is
 * rolled back from the journal on the next open (hot journal). The switch fails harmlessly (the mode stays
 * WAL) when another connection has the file open, and WAL is restored afterwards either way. The pragmas
 * belong to this connection only, and are put back in `finally`.
 */
export async function inSeedTransaction<T>(
  db: Kysely<Database>,
  fn: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  const handle = sqliteHandleOf(db);
  if (!handle || handle.inTransaction) return inTransaction(db, fn);
  const journal = String(handle.pragma("journal_mode", { simple: true }));
  const cache = Number(handle.pragma("cache_size", { simple: true }));
  const foreignKeys = Number(handle.pragma("foreign_keys", { simple: true }));
  if (journal === "wal") handle.pragma("journal_mode = delete");
  handle.pragma(`cache_size = -${SEED_CACHE_KIB}`);
  // The demo's rows are generated in foreign-key order (bulk-load.test.ts checks them with
  // foreign_key_check): looking up each row's parents again costs ~2 lookups per row for nothing.
  handle.pragma("foreign_keys = off");
  try {
    return await inTransaction(db, (trx) => {
      // The transaction runs on the same connection: bulk inserts given `trx` as the database use it.
      registerSqliteHandle(trx, handle);
      return fn(trx);
    });
  } finally {
    handle.pragma(`foreign_keys = ${foreignKeys ? "on" : "off"}`);
    handle.pragma(`cache_size = ${cache}`);
    if (journal === "wal") handle.pragma("journal_mode = wal");
  }
}

/**
 * Loading the demo's hundreds of thousands of rows into empty tables on SQLite (issue 18: the first start
 * with the demo under 20 s). Row by row, SQLite also keeps every secondary index of the table and runs its
 * triggers: a change-feed row per record (compacted away as soon as the demo is written, since no device
 * has pulled yet) and a "desa needs rebuilding" mark per record. `bulkLoad` drops those indexes and
 * triggers, runs `load`, then creates the indexes again (SQLite sorts the keys once instead of inserting
 * them one at a time), marks the desa of the loaded rows, and creates the triggers again.
 *
 * It cannot leak into normal operation: SQLite's DDL is transactional and `bulkLoad` refuses to run
 * outside a transaction, so the indexes and triggers come back in the same commit as the rows — or, when
 * anything fails or the process dies, the rollback brings them back with the rows gone. Other connections
 * never see the tables without them (they read the last commit). Triggers doing anything besides writing
 * the feed or the marks are left in place. Other dialects: `load` runs as is.
 */
export async function bulkLoad<T>(
  db: Kysely<Database>,
  tables: readonly (keyof Database & string)[],
  load: () => Promise<T>,
): Promise<T> {
  const handle = sqliteHandleOf(db);
  if (!handle || tables.length === 0) return load();
  if (!handle.inTransaction) throw new Error("bulkLoad runs inside the transaction that writes the rows");
  const inTables = `tbl_name in (${tables.map(() => "?").join(", ")})`;
  const triggers = (
    handle
      .prepare(
        `select name, tbl_name as "table", sql from sqlite_master where type = 'trigger' and ${inTables}`,
      )
      .all(...tables) as SchemaObject[]
  ).filter((t) => onlyFeedOrMarks(t.sql));
  // `sql` is null for the indexes behind PRIMARY KEY and UNIQUE constraints: those stay.
  const indexes = handle
    .prepare(
      `select name, tbl_name as "table", sql from sqlite_master where type = 'index' and sql is not null and ${inTables}`,
    )
    .all(...tables) as SchemaObject[];
  for (const t of triggers) handle.exec(`drop trigger "${t.name}"`);
  for (const i of indexes) handle.exec(`drop index "${i.name}"`);
  const result = await load();
  for (const i of indexes) handle.exec(i.sql);
  markDesa(handle, triggers);
  for (const t of triggers) handle.exec(t.sql);
  return result;
}

interface SchemaObject {
  name: string;
  table: string;
  sql: string;
}

/** A trigger whose every statement inserts into the change feed or the rebuild marks (and nothing else). */
function onlyFeedOrMarks(sql: string): boolean {
  const body = /\bbegin\b([\s\S]*)\bend\s*$/i.exec(sql.trim())?.[1];
  if (!body) return false;
  const statements = body
    .split(";")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  return (
    statements.length > 0 &&
    statements.every((s) =>
      /^insert\s+(or\s+ignore\s+)?into\s+"?(sync_changes|indicator_dirty)"?[\s(]/i.test(s),
    )
  );
}

/**
 * What the dropped mark triggers would have written (migrations 2026-11-22T1700 and T1900): the desa
 * (the first 13 characters of a region code, "64.01.05.2003") of each loaded row, and of its person where
 * the trigger looks the person up. Marks are a set, so marking per table instead of per row is the same.
 */
function markDesa(handle: SQLite.Database, dropped: readonly SchemaObject[]): void {
  const marking = dropped.filter((t) => /indicator_dirty/i.test(t.sql));
  // Persons loaded in the same load have every person's desa marked already.
  const personsMarked = marking.some((t) => t.table === "persons");
  for (const table of new Set(marking.map((t) => t.table))) {
    handle.exec(
      `insert or ignore into indicator_dirty (desa_code) select distinct substr(region_code, 1, 13) from "${table}"`,
    );
    if (!personsMarked && marking.some((t) => t.table === table && /\bfrom\s+persons\b/i.test(t.sql))) {
      handle.exec(
        `insert or ignore into indicator_dirty (desa_code) select distinct substr(p.region_code, 1, 13) from persons p where p.id in (select person_id from "${table}")`,
      );
    }
  }
}
