import { type Expression, type SqlBool, sql } from "kysely";

/**
 * SQL condition "column is one of the scope regions or below one": the query-level form of core's
 * `isWithin`. Below `p` is the range [p + ".", p + "/") — "/" follows "." in byte order, and region-code
 * columns compare byte by byte (migrations/code-type.ts), so the range is exact and uses the index.
 * An empty prefix list matches nothing; the empty prefix matches everything.
 */
export function withinScopes(column: string, prefixes: readonly string[]): Expression<SqlBool> {
  if (prefixes.includes("")) return sql<SqlBool>`1 = 1`;
  if (prefixes.length === 0) return sql<SqlBool>`1 = 0`;
  const ref = sql.ref(column);
  const parts = prefixes.map(
    (p) => sql<SqlBool>`(${ref} = ${p} or (${ref} >= ${`${p}.`} and ${ref} < ${`${p}/`}))`,
  );
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}
