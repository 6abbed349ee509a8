import { type Actor, canRead, readScopes, type SyncPullResponse, type SyncRecord } from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { withinScopes } from "../db/scope-filter";
import { entityHandler, type PulledRow } from "./registry";

/** Region levels a device needs to pick where it works and where a new record goes. */
const PLACE_LEVELS = ["desa", "dusun", "posyandu"];

/**
 * Records changed in the caller's scope since `cursor`, oldest change first, `limit` changes per page.
 * The feed is written by triggers, so writes from every path (online API, import, merge, sync) appear;
 * each record is sent as it is now (a device just upserts), or as `gone` when it is no longer in scope.
 */
export async function pullChanges(
  db: Kysely<Database>,
  actor: Actor,
  cursor: string | undefined,
  limit: number,
): Promise<SyncPullResponse> {
  const scopes = readScopes(actor);
  const after = cursor ? Number(cursor) : 0;
  const changes = await db
    .selectFrom("sync_changes")
    .select(["seq", "entity", "entity_id"])
    .where("seq", ">", after)
    .where(withinScopes("region_code", scopes))
    .orderBy("seq")
    .limit(limit + 1)
    .execute();
  const more = changes.length > limit;
  const page = more ? changes.slice(0, limit) : changes;
  const byEntity = new Map<string, Set<string>>();
  for (const c of page) {
    const ids = byEntity.get(c.entity) ?? new Set<string>();
    ids.add(c.entity_id);
    byEntity.set(c.entity, ids);
  }
  const records: SyncRecord[] = [];
  for (const [entity, ids] of byEntity) {
    const handler = entityHandler(entity);
    if (!handler) continue;
    const found = new Map<string, PulledRow>();
    const list = [...ids];
    // In chunks: SQLite allows a limited number of bound parameters per statement.
    for (let i = 0; i < list.length; i += 500) {
      for (const r of await handler.load(db, list.slice(i, i + 500))) found.set(r.id, r);
    }
    for (const id of list) {
      const row = found.get(id);
      records.push(
        row && canRead(actor, row.regionCode) ? { entity, id, data: row.data } : { entity, id, gone: true },
      );
    }
  }
  const places = await db
    .selectFrom("regions")
    .select(["code", "name", "level", "parent_code"])
    .where(withinScopes("code", scopes))
    .where("level", "in", PLACE_LEVELS)
    .orderBy("code")
    .execute();
  const last = page.at(-1);
  return {
    records,
    cursor: String(last ? Number(last.seq) : after),
    more,
    places: places.map((p) => ({ code: p.code, name: p.name, level: p.level, parentCode: p.parent_code })),
  };
}
