import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";

/**
 * The summed per-desa figures that dashboards and the public page read, kept between two rebuilds.
 *
 * Why: every dashboard summed the same aggregate rows again — a regency dashboard ~100 ms of SQLite work on
 * the event loop, so under the probe's mixed load (issue 18) each dashboard held every other request
 * (a trivial read waited 455 ms at p95). The aggregate tables change only when a rebuild writes them, and
 * every rebuild ends by stamping indicator_freshness, whose `generation` a trigger then counts up
 * (migration 2026-12-07T0400) — whichever thread or process rebuilt. A read compares that one number
 * and sums again only after it moved; between two stamps the figures are the last built ones, which is
 * what pages show while a rebuild runs anyway (they say so, `freshness.updating`).
 *
 * Entries hold the rows of a whole region the caller was already allowed to read; scope and grouping are
 * applied per request by the caller. Cached rows are shared: callers only read them.
 */
const MAX_ENTRIES = 256;

interface Cache {
  generation: number | null;
  entries: Map<string, Promise<unknown>>;
}

const caches = new WeakMap<object, Cache>();

/** The count of rebuilds stamped so far (null before the first). One small read. */
export async function figuresGeneration(db: Kysely<Database>): Promise<number | null> {
  const row = await db
    .selectFrom("indicator_freshness")
    .select("generation")
    .where("id", "=", 1)
    .executeTakeFirst();
  return row ? Number(row.generation) : null;
}

/**
 * The value `load` gives for `key` at `generation` (read by `figuresGeneration` BEFORE loading, so a rebuild
 * stamped meanwhile makes the next read load again). Concurrent readers of one key share one load.
 */
export function cachedFigures<T>(
  db: Kysely<Database>,
  generation: number | null,
  key: string,
  load: () => Promise<T>,
): Promise<T> {
  let cache = caches.get(db);
  if (!cache || cache.generation !== generation) {
    cache = { generation, entries: new Map() };
    caches.set(db, cache);
  }
  const hit = cache.entries.get(key) as Promise<T> | undefined;
  if (hit) return hit;
  const entries = cache.entries;
  const p = load();
  // A failed load is not kept: the next reader tries again.
  p.catch(() => {
    if (entries.get(key) === p) entries.delete(key);
  });
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  entries.set(key, p);
  return p;
}
