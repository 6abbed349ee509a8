import type SQLite from "better-sqlite3";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "./schema";
import { runWithOwnValues } from "./sqlite-values";

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
/** Statement shapes kept per connection: the shared columns vary with the data, so their number is bounded. */
const MAX_KEPT_STATEMENTS = 200;

/**
 * A multi-row INSERT of `rows` rows. Columns marked in `shared` take one value for every row: bound once,
 * ahead of the rows (`insert … select ?, ?, column1, … from (values (…), (…))`), the rows' own values
 * after them. Binding is a third of an insert's cost in better-sqlite3 (a string is copied twice, every
 * value fetched through V8's generic API), and it numbers parameters only in order (no `?NNN` reused); an
 * import's rows share about a third of their columns (its id, its time, a new child's nulls), so each
 * statement binds that much less (issue 16).
 */
function statementFor(
  handle: SQLite.Database,
  table: string,
  columns: readonly string[],
  /** `columns` joined by commas (made once per call of bulkInsert, not per statement). */
  columnList: string,
  shared: readonly boolean[],
  rows: number,
  keep: boolean,
) {
  let mask = "";
  for (const s of shared) mask += s ? "1" : "0";
  const key = `${table}|${rows}|${columnList}|${mask}`;
  let byKey = statements.get(handle);
  if (!byKey) {
    byKey = new Map();
    statements.set(handle, byKey);
  }
  let st = byKey.get(key);
  if (!st) {
    const quoted = (cs: readonly string[]) => cs.map((c) => `"${c}"`).join(", ");
    const once = columns.filter((_, c) => shared[c]);
    const each = columns.filter((_, c) => !shared[c]);
    const tuple = `(${each.map(() => "?").join(", ")})`;
    const tuples = Array.from({ length: rows }, () => tuple).join(", ");
    st = handle.prepare(
      once.length === 0
        ? `insert into "${table}" (${quoted(each)}) values ${tuples}`
        : `insert into "${table}" (${quoted([...once, ...each])}) select ${[
            ...once.map(() => "?"),
            ...each.map((_, i) => `column${i + 1}`),
          ].join(", ")} from (values ${tuples})`,
    );
    // Short tails of every length would fill the cache; only the full-size statements are kept.
    if (keep && byKey.size < MAX_KEPT_STATEMENTS) byKey.set(key, st);
  }
  return st;
}

type CellReader = (row: unknown, into: unknown[], at: number) => void;
const cellReaders = new Map<string, CellReader>();
const COLUMN_NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * A function writing a row's values, in the order of `columns` (undefined as null), into `into` from `at`.
 * It is made for the column list — `into[at] = row["id"] ?? null; …` — because a property read by a name that
 * varies (`row[column]` in a loop) takes V8's slowest path, and 1.5 million of them were 2 % of a 30k-row
 * import's work (issue 16). Column names are the keys of the application's own table rows; anything else
 * is refused before it reaches the code.
 */
function cellReader(columns: readonly string[], columnList: string): CellReader {
  let read = cellReaders.get(columnList);
  if (!read) {
    const bad = columns.find((c) => !COLUMN_NAME.test(c));
    if (bad !== undefined) throw new Error(`bulkInsert: not a column name: ${JSON.stringify(bad)}`);
    const body = columns.map((c, i) => `into[at + ${i}] = row.${c} ?? null;`).join("\n");
    read = new Function("row", "into", "at", body) as CellReader;
    cellReaders.set(columnList, read);
  }
  return read;
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
    // Several rows per statement (issue 16: one statement per row cost ~55 µs a row), their shared values
    // bound once (statementFor). Statements are kept per connection and shape (an import runs the same few
    // tens of times).
    const perStatement = Math.max(
      1,
      Math.min(SQLITE_ROWS_PER_STATEMENT, Math.floor(32_000 / columns.length)),
    );
    const width = columns.length;
    const shared: boolean[] = new Array(width);
    const values: unknown[] = new Array(Math.min(perStatement, rows.length) * width);
    // Each row's values read once, in column order.
    const cells: unknown[] = new Array(Math.min(perStatement, rows.length) * width);
    const columnList = columns.join(",");
    const read = cellReader(columns, columnList);
    for (let i = 0; i < rows.length; i += perStatement) {
      const n = Math.min(perStatement, rows.length - i);
      for (let r = 0; r < n; r++) read(rows[i + r], cells, r * width);
      // A column is shared when every row of the statement has the same value; a statement of one row, or
      // of rows alike in every column, binds every value as a plain multi-row INSERT does.
      let varying = 0;
      for (let c = 0; c < width; c++) {
        const v = cells[c];
        let same = true;
        for (let at = c + width; same && at < n * width; at += width) same = cells[at] === v;
        shared[c] = same;
        if (!same) varying++;
      }
      if (n === 1 || varying === 0) shared.fill(false);
      // Written in place (not pushed): an array emptied and pushed to again grows its storage anew each time.
      let v = 0;
      for (let c = 0; c < width; c++) if (shared[c]) values[v++] = cells[c];
      for (let at = 0; at < n * width; at += width) {
        for (let c = 0; c < width; c++) if (!shared[c]) values[v++] = cells[at + c];
      }
      if (values.length !== v) values.length = v;
      runWithOwnValues(
        statementFor(handle, table, columns, columnList, shared, n, n === perStatement),
        values,
      );
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
