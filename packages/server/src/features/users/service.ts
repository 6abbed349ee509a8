import { type Actor, type Assignment, hasPowerAt, isRole, levelOfCode } from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { inTransaction } from "../../db/transaction";
import { AppError, errors } from "../../errors";
import { nowIso, uuidv7 } from "../../util/ids";
import { appendAudit } from "../audit/service";
import { existingCodes } from "../regions/service";
import { hashPassword, MIN_PASSWORD_LENGTH } from "./password";
import { findUserByUsername, insertUser } from "./repository";

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  assignments: Assignment[];
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,39}$/;

/**
 * Create a user. The actor must hold the manage-users power over every scope it hands out, so an admin
 * of one regency cannot create a user for another.
 */
export async function createUser(
  db: Kysely<Database>,
  actor: Actor,
  input: NewUser,
): Promise<{ id: string }> {
  if (!USERNAME.test(input.username)) {
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

// Accounts, sessions and password hashes as auth uses them (features meet users through this file).
export { DUMMY_HASH_PROMISE, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "./password";
export {
  assignmentsOf,
  deleteOtherSessions,
  deleteSession,
  findLiveSession,
  findUserById,
  findUserByUsername,
  insertSession,
  updatePasswordHash,
} from "./repository";
