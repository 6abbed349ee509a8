import type { AccessTokenView } from "@tumbuh/core";
import type { Kysely, Transaction } from "kysely";
import type { AccessTokensTable, Database } from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";

type Db = Kysely<Database> | Transaction<Database>;

export function toTokenView(
  r: AccessTokensTable & { creator: string; scope_name: string | null; scope_kind: string | null },
): AccessTokenView {
  return {
    id: r.id,
    name: r.name,
    role: r.role,
    scope: r.scope,
    scopeName: r.scope_name,
    scopeKind: r.scope_kind,
    readOnly: r.read_only === 1,
    createdBy: r.creator,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
    lastUsedAt: r.last_used_at,
  };
}

function withCreator(db: Db) {
  return db
    .selectFrom("access_tokens as t")
    .innerJoin("users as u", "u.id", "t.created_by")
    .leftJoin("regions as r", "r.code", "t.scope")
    .selectAll("t")
    .select(["u.username as creator", "r.name as scope_name", "r.kind as scope_kind"]);
}

/** Tokens whose scope lies inside `scopes`, newest first. */
export async function listTokens(db: Db, scopes: readonly string[]) {
  return withCreator(db).where(withinScopes("t.scope", scopes)).orderBy("t.created_at", "desc").execute();
}

export async function findToken(db: Db, scopes: readonly string[], id: string) {
  return withCreator(db).where(withinScopes("t.scope", scopes)).where("t.id", "=", id).executeTakeFirst();
}

export async function insertToken(db: Db, row: AccessTokensTable): Promise<void> {
  await db.insertInto("access_tokens").values(row).execute();
}

export async function revokeToken(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable("access_tokens").set({ revoked_at: at }).where("id", "=", id).execute();
}

/** A live token by hash: not revoked and not expired at `now`. */
export async function findLiveToken(db: Db, hash: string, now: string) {
  return db
    .selectFrom("access_tokens")
    .selectAll()
    .where("token_hash", "=", hash)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirst();
}

export async function touchToken(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable("access_tokens").set({ last_used_at: at }).where("id", "=", id).execute();
}
