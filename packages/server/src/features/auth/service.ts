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
import { type LoginThrottle, loginCounters, passwordChangeCounter } from "./rate-limit";

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
 * The attempt is counted before the hash is checked (see rate-limit.ts); a failure is audited in the
 * region of the user it named, so that region's admin sees attempts on their users.
 */
export async function login(
  db: Kysely<Database>,
  throttle: LoginThrottle,
  input: { username: string; password: string; clientIp: string },
): Promise<{ token: string; actor: Actor; expiresAt: string }> {
  const counters = loginCounters(input.username, input.clientIp);
  const counted = await throttle.count(counters);
  const user = await findUserByUsername(db, input.username);
  if (counted.wait > 0) {
    // Audited once per counter and window (when it is first exceeded), not once per refused request.
    if (counted.crossed.length > 0) await auditFailedLogin(db, user, input, "auth.login_throttled");
    throw errors.tooManyRequests(counted.wait);
  }
  const ok = await verifyPassword(input.password, user?.password_hash ?? (await dummyHash()));
  if (!user || !ok || user.disabled_at !== null) {
    await auditFailedLogin(db, user, input, "auth.login_failed");
    throw errors.invalidCredentials();
  }
  await throttle.forgive(counters);
  const [userAddress] = counters;
  if (userAddress) await throttle.clear(userAddress);

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

/**
 * A failed or throttled login: no actor (nobody is signed in); the region is the named user's first
 * assignment, so an unknown username is seen only by a deployment-wide admin. The password is never kept.
 */
async function auditFailedLogin(
  db: Kysely<Database>,
  user: { id: string } | undefined,
  input: { username: string; clientIp: string },
  action: "auth.login_failed" | "auth.login_throttled",
): Promise<void> {
  const scope = user ? (await assignmentsOf(db, user.id))[0]?.scope : undefined;
  await appendAudit(db, null, {
    action,
    entity: "user",
    entityId: user?.id ?? null,
    regionCode: scope ?? null,
    after: { username: input.username.slice(0, 100), address: input.clientIp },
  });
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
  throttle: LoginThrottle,
  actor: Actor,
  token: string,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  if (input.newPassword.length < MIN_PASSWORD_LENGTH) {
    throw errors.validation("newPassword", `newPassword: at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  // Counted before the hash is checked, like a login: a stolen session must not become a password oracle.
  const counter = passwordChangeCounter(actor.userId);
  const counted = await throttle.count([counter]);
  if (counted.wait > 0) throw errors.tooManyRequests(counted.wait);
  const user = await findUserById(db, actor.userId);
  if (!user || !(await verifyPassword(input.currentPassword, user.password_hash))) {
    await appendAudit(db, actor, {
      action: "auth.password_change_failed",
      entity: "user",
      entityId: actor.userId,
      regionCode: actor.assignments[0]?.scope ?? null,
    });
    throw errors.validation("currentPassword", "currentPassword is wrong");
  }
  await throttle.clear(counter);
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
