import { type Actor, type JobView, readScopes } from "@tumbuh/core";
import type { Kysely } from "kysely";
import { z } from "zod";
import { parseJsonColumn } from "../../db/json-column";
import type { Database } from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";
import { errors } from "../../errors";
import { isServerErrorCode } from "./job-error";
import type { JobRunner } from "./runner";
import type { JobsTable } from "./schema";

const StoredError = z.object({
  status: z.number(),
  code: z.string(),
  message: z.string(),
  field: z.string().optional(),
});

/**
 * Who may follow a job: the user who started it; a job the system started (a rebuild) is visible to the
 * readers of its region.
 */
function visibleTo(db: Kysely<Database>, actor: Actor) {
  return db
    .selectFrom("jobs")
    .selectAll()
    .where((eb) =>
      eb.or([
        eb("created_by", "=", actor.userId),
        eb.and([eb("created_by", "is", null), withinScopes("region_code", readScopes(actor))]),
      ]),
    );
}

export function jobView(row: JobsTable, runner?: JobRunner): JobView {
  const live = runner?.progressOf(row.id);
  const error = row.error_json ? parseJsonColumn(StoredError, row.error_json) : null;
  return {
    id: row.id,
    kind: row.kind,
    status: row.status as JobView["status"],
    progress: live ?? { done: row.progress_done, total: row.progress_total },
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    result: row.result_json ? (JSON.parse(row.result_json) as unknown) : null,
    error: error
      ? {
          code: isServerErrorCode(error.code) ? error.code : "internal",
          message: error.message,
          ...(error.field ? { field: error.field } : {}),
        }
      : null,
  };
}

export async function viewJob(
  db: Kysely<Database>,
  runner: JobRunner,
  actor: Actor,
  id: string,
): Promise<JobView> {
  const row = await visibleTo(db, actor).where("id", "=", id).executeTakeFirst();
  if (!row) throw errors.notFound();
  return jobView(row, runner);
}

/** The actor's own jobs of the last 30 days, newest first (at most 50). */
export async function myJobs(
  db: Kysely<Database>,
  runner: JobRunner,
  actor: Actor,
  kind: string | undefined,
): Promise<JobView[]> {
  let q = db
    .selectFrom("jobs")
    .selectAll()
    .where("created_by", "=", actor.userId)
    .orderBy("created_at", "desc")
    .limit(50);
  if (kind) q = q.where("kind", "=", kind);
  return (await q.execute()).map((r) => jobView(r, runner));
}

/** Waits for a job this process runs and gives its view (the CLI runs its jobs in-process). */
export async function awaitJob(db: Kysely<Database>, runner: JobRunner, id: string): Promise<JobView> {
  await runner.idle();
  const row = await db.selectFrom("jobs").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  return jobView(row, runner);
}

// What other features use to define and submit their jobs.
export { defineJob, type JobContext, type JobHandler } from "./handler";
export type { JobRunner } from "./runner";
