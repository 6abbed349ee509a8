import {
  type Actor,
  type Assignment,
  hasPowerAt,
  isRole,
  isWithin,
  levelOfCode,
  scopesWithPower,
  USERNAME_PATTERN,
  type UserView,
} from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { inTransaction } from "../../db/transaction";
import { AppError, errors } from "../../errors";
import { nowIso, uuidv7 } from "../../util/ids";
import { appendAudit } from "../audit/service";
import { existingCodes, findRegionsByCode } from "../regions/service";
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from "./password";
import {
  assignmentsOfUsers,
  deleteSessionsOf,
  findUserById,
  findUserByUsername,
  insertUser,
  listUsersInScopes,
  replaceAssignments,
  setDisabledAt,
  updatePasswordHash,
} from "./repository";

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  assignments: Assignment[];
}

/**
 * Create a user. The actor must hold the manage-users power over every scope it hands out, so an admin
 * of one regency cannot create a user for another.
 */
export async function createUser(
  db: Kysely<Database>,
  actor: Actor,
  input: NewUser,
): Promise<{ id: string }> {
  if (!USERNAME_PATTERN.test(input.username)) {
    throw errors.validation("username", "username: 3–40 lowercase letters, digits, '.', '_' or '-'");
  }
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw errors.validation("password", `password: at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (input.assignments.length === 0) throw errors.validation("assignments", "assignments: at least one");
  for (const [i, a] of input.assignments.entries()) {
    if (!isRole(a.role)) throw errors.validation(`assignments.${i}.role`, `unknown role "${a.role}"`);
    if (levelOfCode(a.scope) === null) {
      throw errors.validation(`assignments.${i}.scope`, `"${a.scope}" is not a region code`);
    }
    if (!hasPowerAt(actor, "manageUsers", a.scope)) throw errors.forbidden();
  }
  const known = await existingCodes(
    db,
    input.assignments.map((a) => a.scope),
  );
  const missing = input.assignments.findIndex((a) => !known.has(a.scope));
  if (missing >= 0) throw errors.validation(`assignments.${missing}.scope`, "region does not exist");

  const hash = await hashPassword(input.password);
  const id = uuidv7();
  const at = nowIso();
  try {
    await inTransaction(db, async (trx) => {
      if (await findUserByUsername(trx, input.username)) {
        throw errors.conflict("username is taken", "username");
      }
      await insertUser(
        trx,
        {
          id,
          username: input.username,
          display_name: input.displayName,
          password_hash: hash,
          created_at: at,
          password_changed_at: at,
          disabled_at: null,
          last_login_at: null,
        },
        input.assignments.map((a) => ({ ...a, id: uuidv7() })),
      );
      await appendAudit(trx, actor, {
        action: "user.create",
        entity: "user",
        entityId: id,
        regionCode: input.assignments[0]?.scope ?? null,
        after: { username: input.username, displayName: input.displayName, assignments: input.assignments },
      });
    });
  } catch (e) {
    if (e instanceof AppError) throw e;
    // A concurrent insert of the same username loses on the unique index.
    if (await findUserByUsername(db, input.username)) throw errors.conflict("username is taken", "username");
    throw e;
  }
  return { id };
}

// ---- Administration of users by an Admin Kabupaten (issue 17) ----

/** The manage-users scopes of the actor; none → forbidden (the viewer, a kader, … never see users). */
function manageScopes(actor: Actor): string[] {
  const scopes = scopesWithPower(actor, "manageUsers");
  if (scopes.length === 0) throw errors.forbidden();
  return scopes;
}

/** Users as the admin list shows them: assignments with their region names, last sign-in. */
async function viewsOf(
  db: Kysely<Database>,
  rows: readonly {
    id: string;
    username: string;
    display_name: string;
    disabled_at: string | null;
    created_at: string;
    last_login_at: string | null;
  }[],
): Promise<UserView[]> {
  const assignments = await assignmentsOfUsers(
    db,
    rows.map((r) => r.id),
  );
  const regions = await findRegionsByCode(db, [
    ...new Set([...assignments.values()].flat().map((a) => a.scope)),
  ]);
  const names = new Map(regions.map((r) => [r.code, r.name]));
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    assignments: (assignments.get(r.id) ?? []).map((a) => ({
      role: a.role,
      scope: a.scope,
      scopeName: names.get(a.scope) ?? a.scope,
      scopeLevel: levelOfCode(a.scope),
    })),
    createdAt: r.created_at,
    disabledAt: r.disabled_at,
    lastLoginAt: r.last_login_at,
  }));
}

export async function listUsers(
  db: Kysely<Database>,
  actor: Actor,
  filter: { region?: string | undefined; q?: string | undefined; status: "active" | "disabled" | "all" },
): Promise<UserView[]> {
  const scopes = manageScopes(actor);
  // A region filter narrows the admin's scopes; a region outside them lists nobody.
  const narrowed = filter.region
    ? scopes.filter((s) => isWithin(filter.region as string, s)).map(() => filter.region as string)
    : scopes;
  if (narrowed.length === 0) return [];
  const rows = await listUsersInScopes(db, narrowed, { q: filter.q, status: filter.status });
  return viewsOf(db, rows);
}

/**
 * A user the actor may manage: visible when one of their assignments lies in the actor's scopes (else
 * 404, as for any record outside one's scope), manageable only when all of them do (else 403).
 */
async function manageableUser(db: Kysely<Database>, actor: Actor, id: string) {
  const scopes = manageScopes(actor);
  const user = await findUserById(db, id);
  const assignments = user ? ((await assignmentsOfUsers(db, [id])).get(id) ?? []) : [];
  if (!user || !assignments.some((a) => scopes.some((s) => isWithin(a.scope, s)))) throw errors.notFound();
  if (!assignments.every((a) => hasPowerAt(actor, "manageUsers", a.scope))) throw errors.forbidden();
  return { user, assignments };
}

export async function viewUser(db: Kysely<Database>, actor: Actor, id: string): Promise<UserView> {
  const { user } = await manageableUser(db, actor, id);
  const [view] = await viewsOf(db, [user]);
  if (!view) throw errors.notFound();
  return view;
}

/** New account with a password made here and shown once (the admin hands it over; the user changes it). */
export async function createUserWithPassword(
  db: Kysely<Database>,
  actor: Actor,
  input: Omit<NewUser, "password">,
): Promise<{ user: UserView; password: string }> {
  const password = generatePassword();
  const { id } = await createUser(db, actor, { ...input, password });
  return { user: await viewUser(db, actor, id), password };
}

async function checkAssignments(db: Kysely<Database>, actor: Actor, assignments: readonly Assignment[]) {
  for (const [i, a] of assignments.entries()) {
    if (levelOfCode(a.scope) === null)
      throw errors.validation(`assignments.${i}.scope`, `"${a.scope}" is not a region code`);
    if (!hasPowerAt(actor, "manageUsers", a.scope)) throw errors.forbidden();
  }
  const known = await existingCodes(
    db,
    assignments.map((a) => a.scope),
  );
  const missing = assignments.findIndex((a) => !known.has(a.scope));
  if (missing >= 0) throw errors.validation(`assignments.${missing}.scope`, "region does not exist");
}

/** Replaces a user's roles and regions; their open sessions end so the new scope applies at once. */
export async function setAssignments(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  assignments: readonly Assignment[],
): Promise<UserView> {
  const { user, assignments: before } = await manageableUser(db, actor, id);
  await checkAssignments(db, actor, assignments);
  // An admin cannot take away their own power to manage users (nobody could give it back from the UI).
  if (id === actor.userId && !assignments.some((a) => a.role === "admin_kabupaten"))
    throw errors.validation("assignments", "assignments: you cannot remove your own administrator role");
  await inTransaction(db, async (trx) => {
    await replaceAssignments(
      trx,
      id,
      assignments.map((a) => ({ ...a, id: uuidv7() })),
    );
    if (id !== actor.userId) await deleteSessionsOf(trx, id);
    await appendAudit(trx, actor, {
      action: "user.assignments",
      entity: "user",
      entityId: id,
      regionCode: assignments[0]?.scope ?? null,
      before: { username: user.username, assignments: before },
      after: { username: user.username, assignments },
    });
  });
  return viewUser(db, actor, id);
}

/** A new password made here and shown once; the old one and every session of the user stop working. */
export async function resetPassword(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
): Promise<{ user: UserView; password: string }> {
  const { user, assignments } = await manageableUser(db, actor, id);
  const password = generatePassword();
  const hash = await hashPassword(password);
  await inTransaction(db, async (trx) => {
    await updatePasswordHash(trx, id, hash, nowIso());
    await deleteSessionsOf(trx, id);
    await appendAudit(trx, actor, {
      action: "user.password_reset",
      entity: "user",
      entityId: id,
      regionCode: assignments[0]?.scope ?? null,
      after: { username: user.username },
    });
  });
  return { user: await viewUser(db, actor, id), password };
}

/** Deactivates (no sign-in, sessions end; records and audit entries stay) or reactivates an account. */
export async function setActive(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  active: boolean,
): Promise<UserView> {
  const { user, assignments } = await manageableUser(db, actor, id);
  if (!active && id === actor.userId)
    throw errors.validation("active", "active: you cannot deactivate your own account");
  if ((user.disabled_at === null) !== active) {
    await inTransaction(db, async (trx) => {
      await setDisabledAt(trx, id, active ? null : nowIso());
      if (!active) await deleteSessionsOf(trx, id);
      await appendAudit(trx, actor, {
        action: active ? "user.activate" : "user.deactivate",
        entity: "user",
        entityId: id,
        regionCode: assignments[0]?.scope ?? null,
        after: { username: user.username },
      });
    });
  }
  return viewUser(db, actor, id);
}

// Accounts, sessions and password hashes as auth uses them (features meet users through this file).
export { dummyHash, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "./password";
export {
  activeRoleScopes,
  assignmentsOf,
  deleteOtherSessions,
  deleteSession,
  findLiveSession,
  findUserById,
  findUserByUsername,
  insertSession,
  recordLogin,
  updatePasswordHash,
} from "./repository";
