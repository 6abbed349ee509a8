// The regions feature's tables as Kysely sees them (see db/schema.ts for the conventions).

/**
 * Table types as Kysely sees them. Both dialects store the same shapes: timestamps and dates as ISO-8601
 * text in UTC (sortable, identical on SQLite and PostgreSQL), JSON as text, booleans as 0/1 integers.
 */
export interface RegionsTable {
  code: string;
  name: string;
  level: string;
  kind: string;
  parent_code: string | null;
  /** "kemendagri" for official regions, "local" for dusun/posyandu created by users. */
  source: string;
  created_at: string;
}

export interface RegionsTables {
  regions: RegionsTable;
}
