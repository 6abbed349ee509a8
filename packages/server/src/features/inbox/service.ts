// The inbox: each registered source's items for the roles the user holds, newest first. Reads only.
import { type Actor, type InboxItem, todayIso } from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { INBOX_SOURCES } from "./sources";

export async function inboxOf(db: Kysely<Database>, actor: Actor, today = todayIso()): Promise<InboxItem[]> {
  const items: InboxItem[] = [];
  for (const source of INBOX_SOURCES) {
    const mine = actor.assignments.filter((a) => source.roles.includes(a.role));
    if (mine.length > 0) items.push(...(await source.items(db, actor, mine, today)));
  }
  // dated items newest first, standing states after them
  return items.sort((a, b) => (b.at ?? "").localeCompare(a.at ?? ""));
}
