import type { Kysely } from "kysely";
import type { Database } from "./schema";

/**
 * Run `fn` in a transaction, or inside the caller's when `db` already is one. Sync applies a device
 * operation through the ordinary feature services and records its op id in the same transaction, so a
 * write and "this op is done" commit together or not at all.
 */
export function inTransaction<T>(
  db: Kysely<Database>,
  fn: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}
