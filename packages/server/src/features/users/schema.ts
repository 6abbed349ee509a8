// The users feature's tables as Kysely sees them (see db/schema.ts for the conventions).

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  created_at: string;
  password_changed_at: string;
  disabled_at: string | null;
  /** Migration 2026-12-05T1000; null until the first sign-in after it. */
  last_login_at: string | null;
}

export interface AssignmentsTable {
  id: string;
  user_id: string;
  role: string;
  scope: string;
}

export interface UsersTables {
  users: UsersTable;
  assignments: AssignmentsTable;
}
