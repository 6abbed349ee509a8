// The tokens feature's tables as Kysely sees them (see db/schema.ts for the conventions).

export interface AccessTokensTable {
  id: string;
  name: string;
  /** SHA-256 of the token: a copied database does not yield working tokens. */
  token_hash: string;
  role: string;
  scope: string;
  /** 1 = GET only. */
  read_only: number;
  created_by: string;
  created_at: string;
  /** The first instant the token no longer works (the day after the chosen last day, 00:00 UTC). */
  expires_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface TokensTables {
  access_tokens: AccessTokensTable;
}
