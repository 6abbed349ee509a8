import type { Actor } from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { ZodType } from "zod";
import type { Database } from "../../db/schema";

/** What a job's code gets: its own database connection (in the worker), who asked, and the uploaded file. */
export interface JobContext {
  db: Kysely<Database>;
  actor: Actor;
  /** The file the job works on (an upload), when it has one. */
  file: Buffer | null;
  /** Report progress; cheap to call per row (passed on at most a few times a second). */
  progress(done: number, total?: number | null): void;
}

/**
 * One kind of background job. A feature lists its handlers in its `Feature.jobs`; the runner finds them by
 * `kind` in the main thread (to check the input when the job is submitted) and in the worker (to run it).
 * `run` may throw an AppError: the job fails with that error's code, which the UI translates.
 */
export interface JobHandler<I = unknown, R = unknown> {
  kind: string;
  input: ZodType<I>;
  run(ctx: JobContext, input: I): Promise<R>;
}

export function defineJob<I, R>(handler: JobHandler<I, R>): JobHandler<I, R> {
  return handler;
}

/** An error as it crosses from the worker to the main thread (an AppError's fields). */
export interface JobError {
  status: number;
  code: string;
  message: string;
  field?: string;
}
