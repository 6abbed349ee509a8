import { createHash, randomBytes } from "node:crypto";
import type { Actor } from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { inTransaction } from "../../db/transaction";
import { errors } from "../../errors";
import { nowIso } from "../../util/ids";
import { appendAudit } from "../audit/service";
import {
  assignmentsOf,
  deleteOtherSessions,
  deleteSession,
  dummyHash,
  findLiveSession,
  findUserById,
  findUserByUsername,
  hashPassword,
  insertSession,
  MIN_PASSWORD_LENGTH,
  recordLogin,
  updatePasswordHash,
  verifyPassword,
} from "../users/service";
import type { LoginThrottle } from "./rate-limit";

export const SESSION_DAYS = 30;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

async function actorOf(db: Kysely<Database>, user: { id: string; username: string; display_name: string }) {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    assignments: await assignmentsOf(db, user.id),
  } satisfies Actor;
}

/**
 * Check the credentials and open a session. Unknown user and wrong password give the same error after
 * the same work (a dummy hash is verified), so the answer does not tell whether the user exists.
 */
export async function login(
  db: Kysely<Database>,
  throttle: LoginThrottle,
  input: { username: string; password: string; clientIp: string },
): Promise<{ token: string; actor: Actor; expiresAt: string }> {
  const keys = [`user:${input.username.toLowerCase()}`, `ip:${input.clientIp}`];
  const wait = throttle.retryAfter(keys);
  if (wait > 0) throw errors.tooManyRequests(wait);

  const user = await findUserByUsername(db, input.username);
  const ok = await verifyPassword(input.password, user?.password_hash ?? (await dummyHash()));
  if (!user || !ok || user.disabled_at !== null) {
    throttle.fail(keys);
    throw errors.invalidCredentials();
  }
  throttle.succeed(keys);

  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString();
  const actor = await actorOf(db, user);
  await inTransaction(db, async (trx) => {
    await insertSession(trx, {
      tokenHash: hashToken(token),
      userId: user.id,
      createdAt: now.toISOString(),
      expiresAt,
    });
    await recordLogin(trx, user.id, now.toISOString());
    await appendAudit(trx, actor, {
      action: "auth.login",
      entity: "session",
      entityId: user.id,
      regionCode: actor.assignments[0]?.scope ?? null,
    });
  });
  return { token, actor, expiresAt };
}

export async function actorForToken(db: Kysely<Database>, token: string): Promise<Actor | null> {
  const user = await findLiveSession(db, hashToken(token), nowIso());
  return user ? actorOf(db, user) : null;
}

export async function logout(db: Kysely<Database>, actor: Actor, token: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    await deleteSession(trx, hashToken(token));
    await appendAudit(trx, actor, {
      action: "auth.logout",
      entity: "session",
      entityId: actor.userId,
      regionCode: actor.assignments[0]?.scope ?? null,
    });
  });
}

/** Change one's own password; other sessions of the user end, the current one stays. */
export async function changePassword(
  db: Kysely<Database>,
  actor: Actor,
  token: string,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  if (input.newPassword.length < MIN_PASSWORD_LENGTH) {
    throw errors.validation("newPassword", `newPassword: at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  const user = await findUserById(db, actor.userId);
  if (!user || !(await verifyPassword(input.currentPassword, user.password_hash))) {
    throw errors.validation("currentPassword", "currentPassword is wrong");
  }
  const hash = await hashPassword(input.newPassword);
  await inTransaction(db, async (trx) => {
    await updatePasswordHash(trx, user.id, hash, nowIso());
    await deleteOtherSessions(trx, user.id, hashToken(token));
    await appendAudit(trx, actor, {
      action: "auth.password_change",
      entity: "user",
      entityId: user.id,
      regionCode: actor.assignments[0]?.scope ?? null,
    });
  });
}
