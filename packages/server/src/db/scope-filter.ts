import { type Expression, type SqlBool, sql } from "kysely";

/**
 * SQL condition "column is one of the scope regions or below one": the query-level form of core's
 * `isWithin`. An empty prefix list matches nothing; the empty prefix matches everything.
 * Region codes are validated to digits, dots and D/P, yet LIKE's wildcards are escaped all the same.
 */
export function withinScopes(column: string, prefixes: readonly string[]): Expression<SqlBool> {
  if (prefixes.includes("")) return sql<SqlBool>`1 = 1`;
  if (prefixes.length === 0) return sql<SqlBool>`1 = 0`;
  const ref = sql.ref(column);
  const parts = prefixes.map(
    (p) => sql<SqlBool>`(${ref} = ${p} or ${ref} like ${`${escapeLike(p)}.%`} escape '\\')`,
  );
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
