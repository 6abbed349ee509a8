// The auth feature's tables as Kysely sees them (see db/schema.ts for the conventions).

export interface SessionsTable {
  /** SHA-256 of the cookie token: a stolen database does not yield live sessions. */
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface AuthTables {
  sessions: SessionsTable;
}
