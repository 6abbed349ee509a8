import { getPriority } from "node:os";
import { Worker } from "node:worker_threads";
import type { Kysely } from "kysely";
import { sqliteHandleOf } from "../../db/bulk-insert";
import type { Database } from "../../db/schema";
import { recordCountsOf } from "./record-aggregates";
import { serviceCounts } from "./service-aggregates";

type Counts = Awaited<ReturnType<typeof serviceCounts>>;
export interface SideCounts {
  services: Counts;
  records: Counts;
}
export interface SideCountsRequest {
  id: number;
  file: string;
  region: string;
  desas: readonly string[];
  today: string;
}
export type SideCountsReply = { id: number } & (SideCounts | { error: string });

/**
 * The service and record counts of a rebuild (./service-aggregates, ./record-aggregates), counted in
 * another thread while the caller counts the children (./aggregates) — when `elsewhere` and the database
 * is an SQLite file another connection can open.
 *
 * Why: a regency's full rebuild is ~40 % children and ~60 % these, all JavaScript on one core; the
 * machines a regency runs on have two (issue 18: a full rebuild of the demo regency under 3 s). The thread
 * is as nice as its caller (the job thread's niceness 10), so requests still come first. Its snapshot
 * begins a moment after the caller's; a write in between marks its desa dirty again (the marks go before
 * the counting, ./aggregates doRefresh), so the next round counts it in both. Elsewhere (PostgreSQL, an
 * in-memory database, a desa or two) the same counts are taken here, when the caller asks for them.
 *
 * Returns the function giving the counts: call it once the caller's own counting is done.
 */
export function sideCounts(
  db: Kysely<Database>,
  region: string,
  desas: readonly string[],
  today: string,
  elsewhere: boolean,
): () => Promise<SideCounts> {
  const handle = sqliteHandleOf(db);
  if (!elsewhere || !handle || handle.memory) return () => countSides(db, region, desas, today);
  // A thread that fails (could not open the file, ran out of memory) costs time, not figures: the caller
  // counts them itself then, in its own snapshot. (The test of this file counts the thread's answers.)
  const asked = counter()
    .ask({ region, desas, today, file: handle.name })
    .catch(() => null);
  return async () => (await asked) ?? countSides(db, region, desas, today);
}

/** The counts themselves, in this thread (the side thread calls this too, in its own snapshot). */
export async function countSides(
  db: Kysely<Database>,
  region: string,
  desas: readonly string[],
  today: string,
): Promise<SideCounts> {
  return {
    services: await serviceCounts(db, region, desas, today),
    records: await recordCountsOf(db, region, desas, today),
  };
}

/**
 * An idle thread gives its memory back (~100 MB: the sources through tsx, its own connection) after this
 * long; the next regency-wide rebuild starts another, which takes ~1.5 s — while this thread counts the
 * children, so a first rebuild ends ~1 s later than one finding the thread ready. Ten minutes: the server's
 * periodic figures check (freshness.ts) and a day of imports keep one thread, not one per rebuild.
 */
const IDLE_MS = 10 * 60_000;

let shared: ReturnType<typeof startCounter> | null = null;
let answered = 0;

/** How many counts the other thread has given in this process (tests; diagnostics). */
export function sideCountsAnswered(): number {
  return answered;
}
function counter() {
  shared ??= startCounter();
  return shared;
}

function startCounter() {
  const worker = new Worker(new URL("./side-counts-boot.mjs", import.meta.url), {
    workerData: { niceness: getPriority() },
    resourceLimits: { maxOldGenerationSizeMb: 512 },
  });
  // Only a question waiting for its answer keeps a process (a CLI command, a test) alive, not the thread.
  worker.unref();
  const waiting = new Map<number, { resolve: (c: SideCounts) => void; reject: (e: Error) => void }>();
  let next = 0;
  let idle: NodeJS.Timeout | undefined;
  const fail = (error: Error) => {
    if (shared?.worker === worker) shared = null;
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  worker.on("message", (r: SideCountsReply) => {
    const w = waiting.get(r.id);
    waiting.delete(r.id);
    if (!w) return;
    if ("error" in r) w.reject(new Error(`side counts: ${r.error}`));
    else {
      answered++;
      w.resolve({ services: r.services, records: r.records });
    }
    if (waiting.size === 0) {
      worker.unref();
      idle = setTimeout(() => void worker.terminate(), IDLE_MS);
      idle.unref();
    }
  });
  worker.on("error", fail);
  worker.on("exit", () => fail(new Error("side counts: the thread stopped")));
  return {
    worker,
    ask(request: Omit<SideCountsRequest, "id">): Promise<SideCounts> {
      clearTimeout(idle);
      worker.ref();
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ ...request, id });
      });
    },
  };
}
