import type { Kysely } from "kysely";
import { codeType } from "./code-type";

/** Personal access tokens for machines (issue 16): hashed, scoped, read-only or write, expiring, revocable. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("access_tokens")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("scope", codeType(db), (c) => c.notNull())
    .addColumn("read_only", "integer", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .addColumn("last_used_at", "text")
    .execute();
  await db.schema.createIndex("access_tokens_scope").on("access_tokens").column("scope").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("access_tokens").execute();
}
