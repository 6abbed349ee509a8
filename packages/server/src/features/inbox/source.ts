import type { Actor, InboxItem, Role } from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";

/**
 * One kind of inbox item. A feature that has something for users to act on writes a source (in
 * `sources/`, reading through the owning feature's service.ts) and adds it to `INBOX_SOURCES`: one line.
 * `items` gets the actor's assignments of the listed roles only, and must stay cheap (it runs on every
 * home page load): counts per region, not lists of records.
 */
export interface InboxSource {
  kind: string;
  roles: readonly Role[];
  items(
    db: Kysely<Database>,
    actor: Actor,
    assignments: readonly { role: Role; scope: string }[],
    today: string,
  ): Promise<InboxItem[]>;
}
