import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { registerSqliteHandle, sqliteHandleOf } from "./bulk-insert";
import type { Database } from "./schema";
import { ImmediateSqliteDialect } from "./sqlite-dialect";
import { openSqliteHandle } from "./sqlite-handle";

export type DialectName = "sqlite" | "postgres";

export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  close(): Promise<void>;
}

/**
 * Open the database named by a URL: `postgres://…` / `postgresql://…` for PostgreSQL, anything else is an
 * SQLite file path (`sqlite:` prefix optional; `:memory:` for tests).
 */
export function openDatabase(url: string): Db {
  if (/^postgres(ql)?:\/\//.test(url)) return openPostgres(url);
  return openSqlite(url.replace(/^sqlite:/, ""));
}

/**
 * An in-memory SQLite database starting as a copy of `image` (bytes from `serializeSqlite`): tests open one
 * migrated database many times this way instead of migrating each.
 */
export function openSqliteCopy(image: Buffer): Db {
  return openSqlite(image);
}

/** The whole of an SQLite database opened by `openDatabase`, as bytes (for `openSqliteCopy`). */
export function serializeSqlite(db: Db): Buffer {
  const handle = sqliteHandleOf(db.kysely);
  if (!handle) throw new Error("not an SQLite database opened by openDatabase");
  return handle.serialize();
}

function openSqlite(source: string | Buffer): Db {
  const sqlite = openSqliteHandle(source);
  const kysely = new Kysely<Database>({ dialect: new ImmediateSqliteDialect(sqlite) });
  registerSqliteHandle(kysely, sqlite);
  return { kysely, dialect: "sqlite", close: () => kysely.destroy() };
}

function openPostgres(url: string): Db {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { kysely, dialect: "postgres", close: () => kysely.destroy() };
}
