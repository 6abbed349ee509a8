import type SQLite from "better-sqlite3";
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  SqliteDialect,
  SqliteDriver,
  type TransactionSettings,
} from "kysely";
import { BUSY_TIMEOUT_MS } from "./sqlite-handle";
import { announceWaiting } from "./write-waiters";

/** A write transaction could not begin: another connection holds the write lock. Nothing has run yet. */
export class WriteLockBusy extends Error {
  constructor(cause: unknown) {
    super("the database is locked by another writer", { cause });
  }
}

/**
 * Kysely's SQLite driver, with two changes.
 *
 * Write transactions begin IMMEDIATE. Kysely begins DEFERRED: a transaction reads on a snapshot and asks for
 * the write lock only at its first write. When another connection (the job worker's thread) commits in
 * between, SQLite cannot move the snapshot forward and fails that write at once with SQLITE_BUSY — the busy
 * timeout does not apply — so an API write that reads first answered 500 while an import or rebuild ran.
 * Taking the lock at BEGIN, it waits its turn and never finds its snapshot stale. BEGIN does not sleep in
 * SQLite's busy handler: it fails at once with `WriteLockBusy` (the transaction's connection is released)
 * and `retryWhileWriteLocked` tries again a few milliseconds later. A transaction begun `read only` keeps
 * the deferred start: it takes no write lock and waits for none (WAL readers run beside the writer).
 *
 * Statements are prepared once per SQL text and reused: Kysely prepares each query anew, which took as
 * long as running it (issue 18: ~3 s of the request thread's CPU in a minute of the mixed-load bench).
 */
class ImmediateSqliteDriver extends SqliteDriver {
  readonly #handle: SQLite.Database;
  #connection: DatabaseConnection | undefined;

  constructor(handle: SQLite.Database) {
    super({ database: handle });
    this.#handle = handle;
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    const base = await super.acquireConnection();
    this.#connection ??= new CachedStatementConnection(this.#handle, base);
    return this.#connection;
  }

  override async beginTransaction(_connection: DatabaseConnection, settings?: TransactionSettings) {
    if (settings?.accessMode === "read only") {
      this.#handle.exec("begin deferred");
      return;
    }
    this.#handle.pragma("busy_timeout = 0");
    try {
      this.#handle.exec("begin immediate");
    } catch (err) {
      if ((err as { code?: string }).code === "SQLITE_BUSY") {
        // The holder (an import writing in slices) leaves the lock free between slices only when asked.
        announceWaiting(this.#handle.name);
        throw new WriteLockBusy(err);
      }
      throw err;
    } finally {
      this.#handle.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    }
  }
}

/** Most distinct statements kept prepared (IN lists of different lengths are different texts). */
const MAX_STATEMENTS = 500;

/** Kysely's better-sqlite3 connection, but reusing prepared statements (see ImmediateSqliteDriver). */
class CachedStatementConnection implements DatabaseConnection {
  readonly #statements = new Map<string, SQLite.Statement>();

  constructor(
    private readonly handle: SQLite.Database,
    private readonly base: DatabaseConnection,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const stmt = this.statement(query.sql);
    const parameters = query.parameters as unknown[];
    if (stmt.reader) return { rows: stmt.all(parameters) as R[] };
    const { changes, lastInsertRowid } = stmt.run(parameters);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  }

  /** Streams keep Kysely's own (a statement being iterated cannot run anything else meanwhile). */
  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.base.streamQuery<R>(query, chunkSize);
  }

  private statement(text: string): SQLite.Statement {
    let stmt = this.#statements.get(text);
    if (!stmt) {
      stmt = this.handle.prepare(text);
      if (this.#statements.size >= MAX_STATEMENTS)
        this.#statements.delete(this.#statements.keys().next().value as string);
      this.#statements.set(text, stmt);
    }
    return stmt;
  }
}

/** Kysely's better-sqlite3 dialect with the changes of ImmediateSqliteDriver. */
export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #handle: SQLite.Database;

  constructor(handle: SQLite.Database) {
    super({ database: handle });
    this.#handle = handle;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#handle);
  }
}

/**
 * Run `begin` (which opens a write transaction and runs it) again while another connection holds the
 * write lock, a little later each time, for up to BUSY_TIMEOUT_MS; then fail as SQLite would have. The
 * waiting is between event-loop turns, so other requests are answered meanwhile.
 */
export async function retryWhileWriteLocked<T>(begin: () => Promise<T>): Promise<T> {
  const deadline = performance.now() + BUSY_TIMEOUT_MS;
  for (let pause = 1; ; pause = Math.min(pause * 2, 25)) {
    try {
      return await begin();
    } catch (err) {
      if (!(err instanceof WriteLockBusy)) throw err;
      if (performance.now() + pause > deadline) throw err.cause;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
