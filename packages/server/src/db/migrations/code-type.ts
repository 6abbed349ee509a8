import { type ColumnDataType, type Expression, type Kysely, PostgresAdapter, sql } from "kysely";

/**
 * Type of a column holding Kemendagri region codes. Scope queries select "this code and everything below
 * it" as the range [code + ".", code + "/"), which only works — and only uses the index — when codes
 * compare byte by byte: SQLite's default BINARY collation does; on PostgreSQL the column gets COLLATE "C"
 * (a database created with a language locale would otherwise sort ignoring the dots).
 * Shared by migrations; like them it imports no app code, and it must never change meaning.
 */
export function codeType(db: Kysely<unknown>): ColumnDataType | Expression<unknown> {
  return db.getExecutor().adapter instanceof PostgresAdapter ? sql`text collate "C"` : "text";
}
