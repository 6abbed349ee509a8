import type { Kysely, Transaction } from "kysely";
import type { Database } from "./schema";

/**
 * Run `fn` in a transaction, or inside the caller's when `db` already is one: the one way the server opens
 * a transaction. Sync applies a device operation through the ordinary feature services and records its op
 * id in the same transaction, so a write and "this op is done" commit together or not at all.
 */
export function inTransaction<T>(
  db: Kysely<Database>,
  fn: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  // isTransaction is true only on Kysely's Transaction objects.
  return db.isTransaction ? fn(db as Transaction<Database>) : db.transaction().execute(fn);
}
