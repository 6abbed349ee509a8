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

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  created_at: string;
  password_changed_at: string;
  disabled_at: string | null;
}

export interface AssignmentsTable {
  id: string;
  user_id: string;
  role: string;
  scope: string;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token: a stolen database does not yield live sessions. */
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  region_code: string | null;
  before_json: string | null;
  after_json: string | null;
}

export interface Database {
  regions: RegionsTable;
  users: UsersTable;
  assignments: AssignmentsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
}
