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
  columns: readonly string[],
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
 * Rows of one table as one array of values, row after row in `columns` order: what SQLite's multi-row
 * statements bind (an import flattens its rows so once, features/imports/slices.ts).
 */
export interface FlatRows {
  columns: readonly string[];
  values: unknown[];
}

/** `rows` (objects of the same keys, missing values as null) as FlatRows; no rows, no columns. */
export function flatRows(rows: readonly object[]): FlatRows {
  const first = rows[0];
  if (first === undefined) return { columns: [], values: [] };
  const columns = Object.keys(first);
  const values: unknown[] = new Array(rows.length * columns.length);
  let v = 0;
  for (const row of rows as readonly Record<string, unknown>[]) {
    for (const c of columns) values[v++] = row[c] ?? null;
  }
  return { columns, values };
}

/** How many rows `rows` holds. */
export const rowCount = (rows: FlatRows): number =>
  rows.columns.length === 0 ? 0 : rows.values.length / rows.columns.length;

/**
 * Insert rows `from` to `to` (exclusive) of `rows` into `table` on an SQLite connection, in prepared
 * statements of up to 50 rows (issue 16: one statement per row cost ~55 µs a row). Statements are kept per
 * connection and shape (an import runs the same two or three tens of times), and one value array is
 * refilled per statement (less garbage to collect). Synchronous: it joins whatever transaction the
 * connection has open.
 */
export function sqliteInsertRows(
  handle: SQLite.Database,
  table: string,
  rows: FlatRows,
  from = 0,
  to = rowCount(rows),
): void {
  const { columns, values: all } = rows;
  if (to <= from) return;
  const width = columns.length;
  const perStatement = Math.max(1, Math.min(SQLITE_ROWS_PER_STATEMENT, Math.floor(32_000 / width)));
  const values: unknown[] = new Array(perStatement * width);
  for (let i = from; i < to; i += perStatement) {
    const n = Math.min(perStatement, to - i);
    if (n < perStatement) values.length = n * width;
    const start = i * width;
    for (let v = 0; v < n * width; v++) values[v] = all[start + v];
    statementFor(handle, table, columns, n, n === perStatement).run(values);
  }
}

/**
 * Insert many rows of one table. On SQLite `sqliteInsertRows` on the connection the surrounding Kysely
 * transaction holds, so the rows join it. Elsewhere, multi-row inserts in chunks sized under the
 * bound-parameter limits. `base` is the Kysely instance the database was opened with; `conn` is where the
 * rows go (it or a transaction).
 */
export async function bulkInsert<T extends keyof Database & string>(
  base: Kysely<Database>,
  conn: Kysely<Database> | Transaction<Database>,
  table: T,
  rows: readonly Database[T][],
): Promise<void> {
  await insertFlatRows(base, conn, table, flatRows(rows as readonly object[]));
}

/** `bulkInsert` of rows already flat (an import's steps arrive so, features/imports/store.ts). */
export async function insertFlatRows(
  base: Kysely<Database>,
  conn: Kysely<Database> | Transaction<Database>,
  table: keyof Database & string,
  rows: FlatRows,
): Promise<void> {
  const count = rowCount(rows);
  if (count === 0) return;
  const handle = sqliteHandles.get(base);
  if (handle) {
    sqliteInsertRows(handle, table, rows);
    return;
  }
  const { columns, values } = rows;
  const perChunk = Math.max(1, Math.floor(30_000 / columns.length));
  for (let i = 0; i < count; i += perChunk) {
    const chunk: Record<string, unknown>[] = [];
    for (let r = i; r < Math.min(count, i + perChunk); r++) {
      const row: Record<string, unknown> = {};
      columns.forEach((c, k) => {
        row[c] = values[r * columns.length + k];
      });
      chunk.push(row);
    }
    // The rows' shape is the table's (they were built as its rows); Kysely cannot relate a table name
    // chosen at run time to its insert type.
    await conn
      .insertInto(table)
      .values(chunk as never)
      .execute();
  }
}
