import type { Compilable, Kysely } from "kysely";
import { sqliteHandleOf } from "./bulk-insert";
import type { Database } from "./schema";

/**
 * The rows of a query (to iterate once) as arrays of its selected values, in the order selected — for reads of hundreds of
 * thousands of rows that only a loop looks at once (issue 18: turning the demo's 500k measurements into
 * objects cost a full rebuild seconds of CPU, a quarter of it garbage collection). On SQLite the statement
 * runs on the better-sqlite3 handle in raw mode (no object, no key per row); elsewhere through Kysely,
 * each row's values taken in the order the query selected them.
 */
export async function rawRows(db: Kysely<Database>, query: Compilable<object>): Promise<Iterable<unknown[]>> {
  const compiled = query.compile();
  const handle = sqliteHandleOf(db);
  // Iterated, not collected: a loop that keeps nothing of a row leaves it to the cheap young-generation GC.
  // The iteration holds the connection: the caller's loop must not wait on another query meanwhile.
  if (handle)
    return handle
      .prepare(compiled.sql)
      .raw(true)
      .iterate(...compiled.parameters) as Iterable<unknown[]>;
  const result = await db.executeQuery<Record<string, unknown>>(compiled);
  return result.rows.map((r) => Object.values(r));
}
