import type { CompiledQuery, Kysely, Transaction } from "kysely";
import { bulkInsert, sqliteHandleOf } from "../../db/bulk-insert";
import type { Database } from "../../db/schema";

/** The tables the population fills, in foreign-key order: a row only points at rows of earlier tables (or earlier in its own). */
export const POPULATION_TABLES = [
  "regions",
  "posyandu_sessions",
  "households",
  "persons",
  "pregnancies",
  "measurements",
] as const;
type BulkTable = (typeof POPULATION_TABLES)[number];
type Row = Record<string, unknown>;

/** SQLite allows 32,766 bound parameters per statement; stay below 30,000 (rows × columns). */
const MAX_PARAMS = 30_000;
/**
 * Rows per call of bulkInsert on SQLite, which prepares its statements once per call (a few hundred
 * parameters' worth of parsing each): large calls keep that negligible.
 */
const SQLITE_ROWS_PER_CALL = 20_000;

/**
 * Buffers rows and writes them in full chunks where it can. Before a table is written, every table it may
 * point at is written in full, so the foreign keys always hold.
 *
 * On SQLite the chunks go through the one bulk path (db/bulk-insert.ts: prepared statements on the
 * connection the transaction holds; issue 18: Kysely's driver prepared each 28,000-value statement anew).
 * Elsewhere they are multi-row INSERTs through Kysely: a full chunk of a table always compiles to the same
 * SQL, so it is compiled once and re-run with each chunk's parameters (building and compiling the query
 * tree of 28,000 values would otherwise cost about as much as the insert itself).
 */
export class BulkWriter {
  private readonly buffers = new Map<BulkTable, Row[]>(POPULATION_TABLES.map((t) => [t, []]));
  private readonly compiled = new Map<string, { query: CompiledQuery; columns: string[] } | null>();
  private readonly sqlite: boolean;
  readonly written = new Map<BulkTable, number>(POPULATION_TABLES.map((t) => [t, 0]));

  /** `db` is the instance the database was opened with, `trx` the transaction the rows join. */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly trx: Transaction<Database>,
  ) {
    this.sqlite = sqliteHandleOf(db) !== undefined;
  }

  async add(table: BulkTable, rows: readonly object[]): Promise<void> {
    const buffer = this.buffers.get(table) as Row[];
    for (const r of rows) buffer.push(r as Row);
    const first = buffer[0];
    if (first && buffer.length >= this.chunkSize(first)) {
      for (const t of POPULATION_TABLES) {
        if (t === table) break;
        await this.flush(t, true);
      }
      await this.flush(table, false);
    }
  }

  async finish(): Promise<void> {
    for (const t of POPULATION_TABLES) await this.flush(t, true);
  }

  /** Write full chunks, and with `all` the remainder too. */
  private async flush(table: BulkTable, all: boolean): Promise<void> {
    const buffer = this.buffers.get(table) as Row[];
    const first = buffer[0];
    if (!first) return;
    const size = this.chunkSize(first);
    let i = 0;
    for (; i + size <= buffer.length || (all && i < buffer.length); i += size) {
      const chunk = buffer.slice(i, i + size);
      await this.insert(table, chunk);
      this.written.set(table, (this.written.get(table) ?? 0) + chunk.length);
    }
    buffer.splice(0, i);
  }

  private async insert(table: BulkTable, chunk: Row[]): Promise<void> {
    if (this.sqlite) {
      // Rows are typed where they are built; the writer only knows them as records.
      await bulkInsert(this.db, this.trx, table, chunk as never);
      return;
    }
    const key = `${table}:${chunk.length}`;
    const cached = this.compiled.get(key);
    if (cached) {
      await this.trx.executeQuery({ ...cached.query, parameters: parameters(chunk, cached.columns) });
      return;
    }
    // Rows are typed where they are built; Kysely cannot relate a varying table name to its insert type.
    const query = this.trx
      .insertInto(table)
      .values(chunk as never)
      .compile();
    if (cached === undefined) {
      // Re-use only if Kysely lays the parameters out row by row in the first row's column order.
      const columns = Object.keys(chunk[0] as Row);
      const mine = parameters(chunk, columns);
      const same = mine.length === query.parameters.length && mine.every((v, j) => v === query.parameters[j]);
      this.compiled.set(key, same ? { query, columns } : null);
    }
    await this.trx.executeQuery(query);
  }

  private chunkSize(row: object): number {
    return this.sqlite ? SQLITE_ROWS_PER_CALL : Math.floor(MAX_PARAMS / Object.keys(row).length);
  }
}

function parameters(rows: readonly Row[], columns: readonly string[]): unknown[] {
  const out = new Array<unknown>(rows.length * columns.length);
  let k = 0;
  for (const r of rows) for (const c of columns) out[k++] = r[c];
  return out;
}
