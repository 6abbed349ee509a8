import type { Kysely } from "kysely";

/** When each user last signed in, for the admin's user list (issue 17). Set by a successful login. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("users").addColumn("last_login_at", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("users").dropColumn("last_login_at").execute();
}
