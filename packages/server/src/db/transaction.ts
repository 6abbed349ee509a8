import type { Kysely, Transaction } from "kysely";
import { registerSqliteHandle, sqliteHandleOf } from "./bulk-insert";
import type { Database } from "./schema";
import { retryWhileWriteLocked } from "./sqlite-dialect";

export interface TransactionOptions {
  /**
   * Only reads (a consistent snapshot of several queries): on SQLite it then takes no write lock and waits
   * for none; on PostgreSQL it runs READ ONLY. Write transactions on SQLite take the write lock when they
   * begin (db/sqlite-dialect.ts), so one that reads first cannot fail when another connection commits.
   */
  readOnly?: boolean;
}

/**
 * Run `fn` in a transaction, or inside the caller's when `db` already is one: the one way the server opens
 * a transaction. Sync applies a device operation through the ordinary feature services and records its op
 * id in the same transaction, so a write and "this op is done" commit together or not at all.
 */
export function inTransaction<T>(
  db: Kysely<Database>,
  fn: (trx: Transaction<Database>) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  // isTransaction is true only on Kysely's Transaction objects.
  if (db.isTransaction) return fn(db as Transaction<Database>);
  const builder = db.transaction();
  // On SQLite the transaction holds the one connection of `db`: the raw paths (db/raw-rows, bulk-insert)
  // step that connection's handle inside it too, so a big read in a snapshot stays as fast as outside one.
  const handle = sqliteHandleOf(db);
  const run = handle
    ? (trx: Transaction<Database>) => {
        registerSqliteHandle(trx, handle);
        return fn(trx);
      }
    : fn;
  if (options.readOnly) return builder.setAccessMode("read only").execute(run);
  // On SQLite another connection may hold the write lock: wait for it without holding the event loop.
  return retryWhileWriteLocked(() => builder.execute(run));
}
