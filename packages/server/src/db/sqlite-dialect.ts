import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  type TransactionSettings,
} from "kysely";

/**
 * Kysely's SQLite driver begins every transaction DEFERRED: it reads on a snapshot and asks for the write
 * lock only at its first write. When another connection (the job worker's thread) commits in between, SQLite
 * cannot move the snapshot forward and fails that write at once with SQLITE_BUSY — the busy timeout does not
 * apply — so an API write that reads first answered 500 while an import or rebuild ran. A write transaction
 * therefore takes the lock when it begins (BEGIN IMMEDIATE): it waits its turn, up to the busy timeout, and
 * never finds its snapshot stale. A transaction begun `read only` keeps the deferred start, so it takes no
 * write lock and never waits for one (WAL readers run beside the writer).
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection, settings?: TransactionSettings) {
    const readOnly = settings?.accessMode === "read only";
    await connection.executeQuery(CompiledQuery.raw(readOnly ? "begin deferred" : "begin immediate"));
  }
}

/** Kysely's better-sqlite3 dialect with write transactions begun IMMEDIATE (see ImmediateSqliteDriver). */
export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}
