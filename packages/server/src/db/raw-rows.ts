import type { Compilable, Kysely } from "kysely";
import { sqliteHandleOf } from "./bulk-insert";
import type { Database } from "./schema";

/**
 * Visit the rows of a query as arrays of its selected values, in the order selected — for reads of hundreds
 * of thousands of rows that a loop looks at once (issue 18: turning the demo's 500k measurements into
 * objects and keeping them all cost a full rebuild seconds of CPU, a quarter of it garbage collection).
 *
 * On SQLite the statement is stepped on the better-sqlite3 handle in raw mode (no object, no key per row;
 * a row `visit` keeps nothing of is left to the cheap young-generation GC), on the connection reserved
 * through Kysely (or held by the transaction `db` is): no other query, and no transaction of another caller,
 * interleaves. Elsewhere (PostgreSQL) through Kysely, each row's values in the order the query selected them.
 */
export async function forEachRow<T extends unknown[]>(
  db: Kysely<Database>,
  query: Compilable<object>,
  visit: (row: T) => void,
): Promise<void> {
  const compiled = query.compile();
  const handle = sqliteHandleOf(db);
  if (handle) {
    const step = async () => {
      for (const row of handle
        .prepare(compiled.sql)
        .raw(true)
        .iterate(...compiled.parameters))
        visit(row as T);
    };
    // A transaction (the demo seed's registers its handle) already holds the one connection.
    if (db.isTransaction) await step();
    else await db.connection().execute(step);
    return;
  }
  const result = await db.executeQuery<Record<string, unknown>>(compiled);
  for (const r of result.rows) visit(Object.values(r) as T);
}
