import { createHash, randomBytes } from "node:crypto";
import {
  type AccessTokenInput,
  type AccessTokenView,
  type Actor,
  addDays,
  hasPowerAt,
  levelOfCode,
  type Role,
  scopesWithPower,
  todayIso,
} from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { Database } from "../../db/schema";
import { inTransaction } from "../../db/transaction";
import { errors } from "../../errors";
import { nowIso, uuidv7 } from "../../util/ids";
import { appendAudit } from "../audit/service";
import {
  findLiveToken,
  findToken,
  insertToken,
  listTokens,
  revokeToken,
  toTokenView,
  touchToken,
} from "./repository";

/** Machines may hold a token for at most a year; then a person decides again. */
const MAX_DAYS = 366;
/** Recognisable in logs and secret scanners. */
const PREFIX = "tumbuh_pat_";

function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

function manageScopes(actor: Actor): string[] {
  return scopesWithPower(actor, "manageUsers");
}

export async function listAccessTokens(db: Kysely<Database>, actor: Actor): Promise<AccessTokenView[]> {
  const scopes = manageScopes(actor);
  if (scopes.length === 0) throw errors.forbidden();
  return (await listTokens(db, scopes)).map(toTokenView);
}

/** Creates a token; the secret is returned this once and only its hash is stored. Audited. */
export async function createAccessToken(
  db: Kysely<Database>,
  actor: Actor,
  input: z.output<typeof AccessTokenInput>,
  today = todayIso(),
): Promise<{ token: AccessTokenView; secret: string }> {
  if (manageScopes(actor).length === 0) throw errors.forbidden();
  if (!levelOfCode(input.scope)) throw errors.validation("scope", "scope: not a region code");
  if (!hasPowerAt(actor, "manageUsers", input.scope)) throw errors.notFound();
  if (input.expiresOn < today || input.expiresOn > addDays(today, MAX_DAYS)) {
    throw errors.validation("expiresOn", `expiresOn: between today and ${MAX_DAYS} days ahead`);
  }
  const secret = `${PREFIX}${randomBytes(32).toString("base64url")}`;
  const row = {
    id: uuidv7(),
    name: input.name,
    token_hash: hashSecret(secret),
    role: input.role,
    scope: input.scope,
    read_only: input.readOnly ? 1 : 0,
    created_by: actor.userId,
    created_at: nowIso(),
    expires_at: `${addDays(input.expiresOn, 1)}T00:00:00.000Z`,
    revoked_at: null,
    last_used_at: null,
  };
  const place = await db
    .selectFrom("regions")
    .select(["name", "kind"])
    .where("code", "=", input.scope)
    .executeTakeFirst();
  await inTransaction(db, async (trx) => {
    await insertToken(trx, row);
    await appendAudit(trx, actor, {
      action: "token.create",
      entity: "access_token",
      entityId: row.id,
      regionCode: row.scope,
      after: {
        name: row.name,
        role: row.role,
        scope: row.scope,
        readOnly: input.readOnly,
        expiresAt: row.expires_at,
      },
    });
  });
  const named = { creator: actor.username, scope_name: place?.name ?? null, scope_kind: place?.kind ?? null };
  return { token: toTokenView({ ...row, ...named }), secret };
}

export async function revokeAccessToken(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
): Promise<AccessTokenView> {
  const scopes = manageScopes(actor);
  if (scopes.length === 0) throw errors.forbidden();
  return inTransaction(db, async (trx) => {
    const row = await findToken(trx, scopes, id);
    if (!row) throw errors.notFound();
    if (row.revoked_at) return toTokenView(row);
    const at = nowIso();
    await revokeToken(trx, id, at);
    await appendAudit(trx, actor, {
      action: "token.revoke",
      entity: "access_token",
      entityId: id,
      regionCode: row.scope,
    });
    return toTokenView({ ...row, revoked_at: at });
  });
}

export interface TokenActor {
  actor: Actor;
  tokenId: string;
  readOnly: boolean;
}

/**
 * The actor of a Bearer token: the token's role in the token's region, acting for the admin who made it
 * (so records name a real user) under the name "token:<name>" (so the audit log tells them apart).
 * Null when the token is unknown, revoked or expired.
 */
export async function actorForAccessToken(db: Kysely<Database>, secret: string): Promise<TokenActor | null> {
  if (!secret.startsWith(PREFIX)) return null;
  const row = await findLiveToken(db, hashSecret(secret), nowIso());
  if (!row) return null;
  return {
    tokenId: row.id,
    readOnly: row.read_only === 1,
    actor: {
      userId: row.created_by,
      username: `token:${row.name}`,
      displayName: `Token ${row.name}`,
      assignments: [{ role: row.role as Role, scope: row.scope }],
    },
  };
}

/** Every request a token makes is audited (method and path; never the query's values or the body). */
export async function recordTokenUse(
  db: Kysely<Database>,
  t: TokenActor,
  request: { method: string; path: string },
): Promise<void> {
  const at = nowIso();
  await inTransaction(db, async (trx) => {
    await touchToken(trx, t.tokenId, at);
    await appendAudit(trx, t.actor, {
      action: "token.use",
      entity: "access_token",
      entityId: t.tokenId,
      regionCode: t.actor.assignments[0]?.scope ?? null,
      after: request,
    });
  });
}
