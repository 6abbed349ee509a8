import type SQLite from "better-sqlite3";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "./schema";

/** The better-sqlite3 handle behind a Kysely instance opened by `openDatabase`, when it is SQLite. */
const sqliteHandles = new WeakMap<object, SQLite.Database>();

export function registerSqliteHandle(kysely: object, handle: SQLite.Database): void {
  sqliteHandles.set(kysely, handle);
}

export function sqliteHandleOf(kysely: object): SQLite.Database | undefined {
  return sqliteHandles.get(kysely);
}

/**
 * Insert many rows of one table. On SQLite a single cached prepared statement runs per row — parsing one
 * huge multi-row statement per chunk costs more than the inserts themselves; the connection is the
 * same one the surrounding Kysely transaction holds, so the rows join it. Elsewhere, multi-row inserts in
 * chunks sized under the bound-parameter limits.
 * `base` is the Kysely instance the database was opened with; `conn` is where the rows go (it or a transaction).
 */
export async function bulkInsert<T extends keyof Database & string>(
  base: Kysely<Database>,
  conn: Kysely<Database> | Transaction<Database>,
  table: T,
  rows: readonly Database[T][],
): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const handle = sqliteHandles.get(base);
  const columns = Object.keys(first as object);
  if (handle) {
    const stmt = handle.prepare(
      `insert into "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) values (${columns.map(() => "?").join(", ")})`,
    );
    for (const row of rows) {
      stmt.run(columns.map((c) => (row as unknown as Record<string, unknown>)[c] ?? null));
    }
    return;
  }
  const perChunk = Math.max(1, Math.floor(30_000 / columns.length));
  for (let i = 0; i < rows.length; i += perChunk) {
    // Rows are typed by the caller; Kysely cannot relate a generic table name to its insert type.
    const chunk = rows.slice(i, i + perChunk) as unknown as Parameters<
      ReturnType<typeof conn.insertInto<T>>["values"]
    >[0];
    await conn.insertInto(table).values(chunk).execute();
  }
}
