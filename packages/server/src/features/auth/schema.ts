// The auth feature's tables as Kysely sees them (see db/schema.ts for the conventions).

export interface SessionsTable {
  /** SHA-256 of the cookie token: a stolen database does not yield live sessions. */
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

/**
 * Failed-login counters, one row per key (username+address, username, address, password change of a user):
 * failures counted since `window_start`; a window older than its limit's length starts again at 1.
 */
export interface LoginThrottleTable {
  key: string;
  window_start: string;
  failures: number;
}

export interface AuthTables {
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
}
