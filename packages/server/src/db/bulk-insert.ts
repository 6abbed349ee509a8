import type SQLite from "better-sqlite3";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "./schema";

/** Rows per multi-row INSERT on SQLite: past ~50 the per-statement saving is gone. */
const SQLITE_ROWS_PER_STATEMENT = 50;

/** The better-sqlite3 handle behind a Kysely instance opened by `openDatabase`, when it is SQLite. */
const sqliteHandles = new WeakMap<object, SQLite.Database>();

export function registerSqliteHandle(kysely: object, handle: SQLite.Database): void {
  sqliteHandles.set(kysely, handle);
}

export function sqliteHandleOf(kysely: object): SQLite.Database | undefined {
  return sqliteHandles.get(kysely);
}

const statements = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();

function statementFor(
  handle: SQLite.Database,
  table: string,
  columns: string[],
  rows: number,
  keep: boolean,
) {
  const key = `${table}|${rows}|${columns.join(",")}`;
  let byKey = statements.get(handle);
  if (!byKey) {
    byKey = new Map();
    statements.set(handle, byKey);
  }
  let st = byKey.get(key);
  if (!st) {
    const tuple = `(${columns.map(() => "?").join(", ")})`;
    st = handle.prepare(
      `insert into "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) values ${Array.from({ length: rows }, () => tuple).join(", ")}`,
    );
    // Short tails of every length would fill the cache; only the full-size statements are kept.
    if (keep) byKey.set(key, st);
  }
  return st;
}

/**
 * Insert many rows of one table. On SQLite prepared multi-row statements of 50 rows run on the same
 * connection the surrounding Kysely transaction holds, so the rows join it. Elsewhere, multi-row inserts in
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
    // Several rows per statement (issue 16: one statement per row cost ~55 µs a row). Statements are kept per
    // connection and shape (an import runs the same two or three tens of times), and one value array is
    // refilled per statement instead of a slice and a new array per chunk (less garbage to collect).
    const perStatement = Math.max(
      1,
      Math.min(SQLITE_ROWS_PER_STATEMENT, Math.floor(32_000 / columns.length)),
    );
    const values: unknown[] = new Array(perStatement * columns.length);
    for (let i = 0; i < rows.length; i += perStatement) {
      const n = Math.min(perStatement, rows.length - i);
      if (n < perStatement) values.length = n * columns.length;
      let v = 0;
      for (let r = i; r < i + n; r++) {
        const row = rows[r] as unknown as Record<string, unknown>;
        for (const c of columns) values[v++] = row[c] ?? null;
      }
      statementFor(handle, table, columns, n, n === perStatement).run(values);
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
