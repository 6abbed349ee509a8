import type { Assignment, Role } from "@tumbuh/core";
import { type Kysely, sql, type Transaction } from "kysely";
import type { Database, UsersTable } from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";

type Conn = Kysely<Database> | Transaction<Database>;

export type UserRow = UsersTable;

export async function findUserByUsername(db: Conn, username: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("username", "=", username).executeTakeFirst();
}

export async function findUserById(db: Conn, id: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function assignmentsOf(db: Conn, userId: string): Promise<Assignment[]> {
  const rows = await db
    .selectFrom("assignments")
    .select(["role", "scope"])
    .where("user_id", "=", userId)
    .orderBy("scope")
    .execute();
  return rows.map((r) => ({ role: r.role as Role, scope: r.scope }));
}

export async function insertUser(
  db: Conn,
  user: UserRow,
  assignments: readonly (Assignment & { id: string })[],
) {
  await db.insertInto("users").values(user).execute();
  if (assignments.length > 0) {
    await db
      .insertInto("assignments")
      .values(assignments.map((a) => ({ id: a.id, user_id: user.id, role: a.role, scope: a.scope })))
      .execute();
  }
}

export async function updatePasswordHash(db: Conn, userId: string, hash: string, at: string): Promise<void> {
  await db
    .updateTable("users")
    .set({ password_hash: hash, password_changed_at: at })
    .where("id", "=", userId)
    .execute();
}

/** Users having at least one assignment inside the given scopes, optionally by name and status. */
export async function listUsersInScopes(
  db: Conn,
  scopes: readonly string[],
  filter: { q?: string | undefined; status?: "active" | "disabled" | "all" } = {},
) {
  let query = db
    .selectFrom("users")
    .select(["id", "username", "display_name", "disabled_at", "created_at", "last_login_at"])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("assignments")
          .select("assignments.id")
          .whereRef("assignments.user_id", "=", "users.id")
          .where(withinScopes("assignments.scope", scopes)),
      ),
    );
  if (filter.status === "active") query = query.where("disabled_at", "is", null);
  if (filter.status === "disabled") query = query.where("disabled_at", "is not", null);
  const q = filter.q?.trim().toLowerCase();
  if (q) {
    // LIKE with the wildcards of the search text escaped, the same on both dialects
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn("lower", ["username"]), "like", sql<string>`${pattern} escape '\\'`),
        eb(eb.fn("lower", ["display_name"]), "like", sql<string>`${pattern} escape '\\'`),
      ]),
    );
  }
  return query.orderBy("username").limit(1000).execute();
}

/** The assignments of several users at once, by user id. */
export async function assignmentsOfUsers(
  db: Conn,
  userIds: readonly string[],
): Promise<Map<string, Assignment[]>> {
  const out = new Map<string, Assignment[]>();
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom("assignments")
    .select(["user_id", "role", "scope"])
    .where("user_id", "in", userIds)
    .orderBy("scope")
    .execute();
  for (const r of rows) {
    const list = out.get(r.user_id) ?? [];
    list.push({ role: r.role as Role, scope: r.scope });
    out.set(r.user_id, list);
  }
  return out;
}

export async function replaceAssignments(
  db: Conn,
  userId: string,
  assignments: readonly (Assignment & { id: string })[],
): Promise<void> {
  await db.deleteFrom("assignments").where("user_id", "=", userId).execute();
  await db
    .insertInto("assignments")
    .values(assignments.map((a) => ({ id: a.id, user_id: userId, role: a.role, scope: a.scope })))
    .execute();
}

export async function setDisabledAt(db: Conn, userId: string, at: string | null): Promise<void> {
  await db.updateTable("users").set({ disabled_at: at }).where("id", "=", userId).execute();
}

export async function recordLogin(db: Conn, userId: string, at: string): Promise<void> {
  await db.updateTable("users").set({ last_login_at: at }).where("id", "=", userId).execute();
}

export async function deleteSessionsOf(db: Conn, userId: string): Promise<void> {
  await db.deleteFrom("sessions").where("user_id", "=", userId).execute();
}

export async function insertSession(
  db: Conn,
  s: { tokenHash: string; userId: string; createdAt: string; expiresAt: string },
) {
  await db
    .insertInto("sessions")
    .values({ token_hash: s.tokenHash, user_id: s.userId, created_at: s.createdAt, expires_at: s.expiresAt })
    .execute();
}

export async function findLiveSession(db: Conn, tokenHash: string, now: string) {
  return db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select(["users.id", "users.username", "users.display_name"])
    .where("sessions.token_hash", "=", tokenHash)
    .where("sessions.expires_at", ">", now)
    .where("users.disabled_at", "is", null)
    .executeTakeFirst();
}

export async function deleteSession(db: Conn, tokenHash: string): Promise<void> {
  await db.deleteFrom("sessions").where("token_hash", "=", tokenHash).execute();
}

export async function deleteOtherSessions(db: Conn, userId: string, keepTokenHash: string): Promise<void> {
  await db
    .deleteFrom("sessions")
    .where("user_id", "=", userId)
    .where("token_hash", "!=", keepTokenHash)
    .execute();
}

/** Scopes inside a region held in a role by active accounts (e.g. the desa that have a KPM signed up). */
export async function activeRoleScopes(db: Conn, role: Role, regionCode: string): Promise<string[]> {
  const rows = await db
    .selectFrom("assignments")
    .innerJoin("users", "users.id", "assignments.user_id")
    .select("assignments.scope")
    .where("assignments.role", "=", role)
    .where("users.disabled_at", "is", null)
    .where(withinScopes("assignments.scope", [regionCode]))
    .execute();
  return rows.map((r) => r.scope);
}
