import {
  type Actor,
  canRead,
  isWithin,
  readScopes,
  type SyncPlace,
  type SyncPullResponse,
  type SyncRecord,
} from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { withinScopes } from "../db/scope-filter";
import { errors } from "../errors";
import { feedFloor, feedHead, noteDevicePosition } from "./compaction";
import { entityHandler, type PulledRow } from "./registry";
import { parseSnapshotCursor, type SnapshotPosition, snapshotCursor, snapshotPage } from "./snapshot";

/** Region levels a device needs to pick where it works and where a new record goes. */
const PLACE_LEVELS = ["desa", "dusun", "posyandu"];

/**
 * The feed is read in windows of this many changes in `seq` order (the primary key), each filtered by
 * scope. Asking the database for "the first N changes in scope after the cursor" in one query lets it
 * pick the region index and sort every change in scope after the cursor on each page (PostgreSQL did,
 * 95 ms a page for a regency); a bounded window of the primary key is a range scan, never a sort, and a
 * whole pull reads the feed once.
 */
const WINDOW = 50_000;

export interface PullOptions {
  cursor?: string | undefined;
  limit: number;
  /** The one place a wide-scope user keeps on the device (a desa or posyandu inside the read scope). */
  keep?: string | undefined;
  /** Send the places list: on the first page of every pull (no cursor) or when the device asks. */
  places?: boolean;
  /** Tests only: a smaller window, to cross many windows with little data. */
  window?: number;
}

/**
 * Records changed in the caller's scope (or the place it keeps) since `cursor`, oldest change first,
 * `limit` changes per page. The feed is written by triggers, so writes from every path (online API,
 * import, merge, sync) appear; each record is sent as it is now (a device just upserts), or as `gone`
 * when it is no longer in scope.
 *
 * Without a cursor — or with one below the compacted part of the feed (sync/compaction.ts), answered with
 * `reset: true` so the device forgets what it held — the pull is a full copy read from the tables
 * (sync/snapshot.ts) that then continues with the feed from where the copy began.
 */
export async function pullChanges(
  db: Kysely<Database>,
  actor: Actor,
  opts: PullOptions,
): Promise<SyncPullResponse> {
  if (opts.keep && !canRead(actor, opts.keep)) throw errors.notFound();
  const scopes = opts.keep ? [opts.keep] : readScopes(actor);
  const floor = await feedFloor(db);
  const fresh = async (): Promise<SnapshotPosition> => ({ seq: await feedHead(db), table: 0, after: "" });
  let from: SnapshotPosition | null = null;
  let reset = false;
  if (!opts.cursor) from = await fresh();
  else {
    const snap = parseSnapshotCursor(opts.cursor);
    const position = snap ? snap.seq : Number(opts.cursor);
    if (position < floor) {
      reset = true;
      from = await fresh();
    } else from = snap;
  }
  let records: SyncRecord[] = [];
  let after: number;
  if (from) {
    const copy = await snapshotPage(db, actor, scopes, opts.keep, from, opts.limit);
    records = copy.records;
    after = from.seq;
    if (copy.next || records.length >= opts.limit) {
      const cursor = copy.next ? snapshotCursor(copy.next) : String(after);
      await noteDevicePosition(db, actor.userId, after);
      return {
        records,
        cursor,
        more: true,
        places: await placesFor(db, actor, opts),
        ...(reset ? { reset } : {}),
      };
    }
  } else after = Number(opts.cursor);
  const page = await feedPage(db, actor, scopes, opts, after, opts.limit - records.length);
  // A compaction that committed while the feed was read may have removed part of what this page should
  // hold: start a full copy instead (the floor and the deletion commit together).
  if (after < (await feedFloor(db))) return pullChanges(db, actor, { ...opts, cursor: "0" });
  records.push(...page.records);
  if (Number(page.cursor) <= (await feedHead(db)))
    await noteDevicePosition(db, actor.userId, Number(page.cursor));
  return {
    records,
    cursor: page.cursor,
    more: page.more,
    places: await placesFor(db, actor, opts),
    ...(reset ? { reset } : {}),
  };
}

/** The feed after `after`, read in windows (see WINDOW). */
async function feedPage(
  db: Kysely<Database>,
  actor: Actor,
  scopes: readonly string[],
  opts: PullOptions,
  after: number,
  limit: number,
): Promise<{ records: SyncRecord[]; cursor: string; more: boolean }> {
  const changes: { seq: number | string; entity: string; entity_id: string }[] = [];
  let lo = after;
  while (changes.length <= limit) {
    const bound = await db
      .selectFrom("sync_changes")
      .select("seq")
      .where("seq", ">", lo)
      .orderBy("seq")
      .limit(1)
      .offset((opts.window ?? WINDOW) - 1)
      .executeTakeFirst();
    let q = db
      .selectFrom("sync_changes")
      .select(["seq", "entity", "entity_id"])
      .where("seq", ">", lo)
      .where(withinScopes("region_code", scopes))
      .orderBy("seq")
      .limit(limit + 1 - changes.length);
    if (bound) q = q.where("seq", "<=", bound.seq);
    changes.push(...(await q.execute()));
    if (!bound) break;
    lo = Number(bound.seq);
  }
  const more = changes.length > limit;
  const page = more ? changes.slice(0, limit) : changes;
  // A full page resumes after its last change; the last page after every window read (all of them are sent).
  const lastSeq = page.length > 0 ? Number(page.at(-1)?.seq) : after;
  const cursor = more ? lastSeq : Math.max(lastSeq, lo);
  const byEntity = new Map<string, Set<string>>();
  for (const c of page) {
    const ids = byEntity.get(c.entity) ?? new Set<string>();
    ids.add(c.entity_id);
    byEntity.set(c.entity, ids);
  }
  const kept = (code: string) => canRead(actor, code) && (!opts.keep || isWithin(code, opts.keep));
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
      records.push(row && kept(row.regionCode) ? { entity, id, data: row.data } : { entity, id, gone: true });
    }
  }
  return { records, cursor: String(cursor), more };
}

/** The places list: on the first page of every pull (no cursor) or when the device asks. */
async function placesFor(db: Kysely<Database>, actor: Actor, opts: PullOptions): Promise<SyncPlace[]> {
  const sendPlaces = opts.places ?? !opts.cursor;
  if (!sendPlaces) return [];
  const places = await db
    .selectFrom("regions")
    .select(["code", "name", "level", "parent_code"])
    .where(withinScopes("code", readScopes(actor)))
    .where("level", "in", PLACE_LEVELS)
    .orderBy("code")
    .execute();
  return places.map((p) => ({ code: p.code, name: p.name, level: p.level, parentCode: p.parent_code }));
}
