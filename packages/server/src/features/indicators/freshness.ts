import { type FiguresFreshness, SYSTEM_ACTOR, todayIso } from "@tumbuh/core";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../../db/schema";
import { defineJob, type JobRunner } from "../jobs/service";
import { keepAggregatesFresh, refreshAggregates } from "./aggregates";

/**
 * The per-desa figures are rebuilt off the request path (issue 18: one public request after a regency-wide
 * change once rebuilt 144 desa for 72 s while everyone waited). A read asks `figuresFreshness`: when rows are
 * marked dirty (or the month has turned) it submits ONE rebuild job (requests while one waits join it) and
 * answers at once with the last built figures, saying when they were built and that an update is running.
 */
export const REBUILD_JOB = "indicators.rebuild";

export const rebuildJob = defineJob({
  kind: REBUILD_JOB,
  input: z.strictObject({ today: z.iso.date().optional() }),
  async run(ctx, input) {
    const desa = await refreshAggregates(ctx.db, input.today ?? todayIso());
    return { desa };
  },
});

/** Whether a read now would find figures that do not yet include every write (dirty desa, a new month). */
export async function figuresPending(db: Kysely<Database>, today: string): Promise<boolean> {
  const dirty = await db.selectFrom("indicator_dirty").select("desa_code").limit(1).executeTakeFirst();
  if (dirty) return true;
  const latest = await db
    .selectFrom("indicator_desa_periods")
    .select((eb) => eb.fn.max("period").as("period"))
    .where("period", "like", "____-__")
    .executeTakeFirst();
  return !!latest?.period && latest.period < today.slice(0, 7);
}

async function builtAt(db: Kysely<Database>): Promise<string | null> {
  const row = await db
    .selectFrom("indicator_freshness")
    .select("built_at")
    .where("id", "=", 1)
    .executeTakeFirst();
  return row?.built_at ?? null;
}

const submitting = new WeakMap<JobRunner, Promise<string>>();

/**
 * Submit a rebuild unless one is already waiting (a running one may have read the marks before the latest
 * writes, so one more may wait behind it). Concurrent callers in this process share one submission.
 */
export function requestRebuild(db: Kysely<Database>, jobs: JobRunner, today: string): Promise<string> {
  const inflight = submitting.get(jobs);
  if (inflight) return inflight;
  const p = (async () => {
    const waiting = await db
      .selectFrom("jobs")
      .select("id")
      .where("kind", "=", REBUILD_JOB)
      .where("status", "=", "queued")
      .limit(1)
      .executeTakeFirst();
    if (waiting) return waiting.id;
    const dirty = await db.selectFrom("indicator_dirty").select("desa_code").limit(1).executeTakeFirst();
    return jobs.submit({
      kind: REBUILD_JOB,
      input: { today },
      actor: SYSTEM_ACTOR,
      // Readers of the regency may follow it (GET /api/jobs/:id).
      region: dirty ? dirty.desa_code.split(".").slice(0, 2).join(".") : null,
    });
  })().finally(() => submitting.delete(jobs));
  submitting.set(jobs, p);
  return p;
}

/**
 * How fresh the figures are, after making sure a rebuild is on its way when they are behind. Without a job
 * runner (the CLI, exports made in a job) the rebuild runs here instead, as before.
 */
export async function figuresFreshness(
  db: Kysely<Database>,
  jobs: JobRunner | null,
  today = todayIso(),
): Promise<FiguresFreshness> {
  const pending = await figuresPending(db, today);
  if (pending && jobs) await requestRebuild(db, jobs, today);
  else if (pending) await refreshAggregates(db, today);
  // Updating while the marks wait, and while a rebuild runs: it takes the marks away when it starts, so a
  // read meanwhile finds none, yet gets the figures built before it (PostgreSQL tests saw that race).
  const updating = jobs !== null && (pending || (await rebuildUnderWay(db)));
  return { builtAt: await builtAt(db), updating };
}

/** Whether a rebuild job is queued or running (the jobs_by_status index). */
async function rebuildUnderWay(db: Kysely<Database>): Promise<boolean> {
  const job = await db
    .selectFrom("jobs")
    .select("id")
    .where("status", "in", ["queued", "running"])
    .where("kind", "=", REBUILD_JOB)
    .limit(1)
    .executeTakeFirst();
  return job !== undefined;
}

/**
 * The server's periodic check (every 10 minutes, and now): when figures are behind (a month turned, a bulk
 * write), submit the rebuild job, so it runs before anyone asks. Returns a function that stops it.
 */
export function keepFiguresFresh(
  db: Kysely<Database>,
  jobs: JobRunner,
  onError: (error: unknown) => void,
): () => void {
  return keepAggregatesFresh(db, onError, undefined, undefined, async (today) => {
    if (await figuresPending(db, today)) await requestRebuild(db, jobs, today);
  });
}
