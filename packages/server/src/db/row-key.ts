import { type Kysely, type RawBuilder, sql } from "kysely";
import { sqliteHandleOf } from "./bulk-insert";
import type { Database } from "./schema";

/**
 * A row's key for big reads that only need to tell rows apart and join them up in memory: on SQLite the
 * integer rowid, elsewhere the id. Why: ids are 16-byte BLOBs on SQLite (db/sqlite-values.ts), and each one
 * read becomes a Node Buffer and then a 36-character string; reading the demo regency's 500k measurements
 * by their person's id cost ~0.6 s more than by the person's rowid (issue 18, the full rebuild), and Map
 * lookups on numbers are cheaper too.
 *
 * A rowid is only stable inside one transaction (VACUUM or a REPLACE may renumber rows): read every query
 * whose keys meet in one snapshot — `inTransaction(db, fn, { readOnly: true })` — and never store a key.
 * The keys of two tables are unrelated numbers: compare keys of the same table only.
 */
export function rowKey(db: Kysely<Database>, alias: string): RawBuilder<number | string> {
  return sqliteHandleOf(db) ? sql.ref(`${alias}.rowid`) : sql.ref(`${alias}.id`);
}
