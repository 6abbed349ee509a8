import { mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { type Actor, nowIso } from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { errors } from "../../errors";
import { uuidv7 } from "../../util/ids";
import type { JobError, JobHandler } from "./handler";
import { toJobError } from "./job-error";
import type { RunMessage, WorkerReply } from "./worker";

export interface JobRunnerOptions {
  db: Kysely<Database>;
  handlers: readonly JobHandler[];
  /**
   * Where the worker thread opens the same database. null runs jobs in this thread instead, one after
   * another between requests: the only way for an in-memory test database, which no other thread can open.
   */
  databaseUrl: string | null;
  /** Modules exporting `JOB_HANDLERS`, imported by the worker (the features' list by default). */
  handlerModules?: readonly string[];
  /** Heap ceiling of the worker: a job that needs more fails alone instead of taking the server down. */
  memoryLimitMb?: number;
  /** Jobs one user may have waiting or running at once (a busy phone retrying must not fill the queue). */
  maxPendingPerUser?: number;
  /** Where uploads wait for their job. */
  spoolDir?: string;
}

export interface SubmitRequest {
  kind: string;
  input: unknown;
  actor: Actor;
  /** The region it works on, so that region's readers can follow a system job. */
  region?: string | null;
  file?: Buffer | null;
}

const DEFAULT_HANDLER_MODULES = [new URL("../index.ts", import.meta.url).href];
const INTERRUPTED: JobError = {
  status: 500,
  code: "job_failed",
  message: "The server stopped while the job was waiting or running.",
};

/**
 * Runs background jobs one at a time (the machines a regency runs on have two cores: one answers requests,
 * one works), in a worker thread with its own database connection and a heap ceiling. The jobs table holds
 * each job's state and answer; progress lives here while the job runs.
 */
export class JobRunner {
  private readonly handlers: Map<string, JobHandler>;
  private readonly queue: string[] = [];
  private readonly pending = new Map<string, RunMessage>();
  private readonly progress = new Map<string, { done: number; total: number | null }>();
  private readonly files = new Map<string, Buffer>();
  private running: string | null = null;
  private worker: Worker | null = null;
  private workerReady: Promise<Worker> | null = null;
  private idleWaiters: (() => void)[] = [];
  private closed = false;

  constructor(private readonly opts: JobRunnerOptions) {
    this.handlers = new Map(opts.handlers.map((h) => [h.kind, h]));
  }

  /** Jobs left queued or running by a previous process failed with it: say so (their writes rolled back). */
  async start(): Promise<void> {
    await this.opts.db
      .updateTable("jobs")
      .set({ status: "failed", error_json: JSON.stringify(INTERRUPTED), finished_at: nowIso() })
      .where("status", "in", ["queued", "running"])
      .execute();
  }

  async submit(req: SubmitRequest): Promise<string> {
    if (this.closed) throw errors.badRequest("The server is shutting down.");
    const handler = this.handlers.get(req.kind);
    if (!handler) throw new Error(`no job handler for ${req.kind}`);
    const input = handler.input.parse(req.input);
    const pendingOfUser = await this.opts.db
      .selectFrom("jobs")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("created_by", "=", req.actor.userId)
      .where("status", "in", ["queued", "running"])
      .executeTakeFirstOrThrow();
    if (Number(pendingOfUser.n) >= (this.opts.maxPendingPerUser ?? 3)) throw errors.tooManyRequests(30);

    const id = uuidv7();
    let filePath: string | null = null;
    if (req.file) {
      if (this.opts.databaseUrl === null) this.files.set(id, req.file);
      else {
        const dir = this.opts.spoolDir ?? join(tmpdir(), "tumbuh-jobs");
        await mkdir(dir, { recursive: true });
        filePath = join(dir, id);
        await writeFile(filePath, req.file);
      }
    }
    await this.opts.db
      .insertInto("jobs")
      .values({
        id,
        kind: req.kind,
        status: "queued",
        created_by: req.actor.userId === "system" ? null : req.actor.userId,
        region_code: req.region ?? null,
        input_json: JSON.stringify(input ?? null),
        progress_done: 0,
        created_at: nowIso(),
      })
      .execute();
    this.pending.set(id, { type: "run", id, kind: req.kind, input, actor: req.actor, filePath });
    this.queue.push(id);
    setImmediate(() => void this.pump());
    return id;
  }

  /** Live progress of a running job (the table has it only once the job ends). */
  progressOf(id: string): { done: number; total: number | null } | undefined {
    return this.progress.get(id);
  }

  /** Resolves when nothing is queued or running (tests; a clean shutdown). */
  idle(): Promise<void> {
    if (!this.running && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.idle();
    await this.worker?.terminate();
    this.worker = null;
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    if (this.closed) {
      // close() waits for idle: a job that finished after close() began must still wake it.
      for (const wake of this.idleWaiters.splice(0)) wake();
      return;
    }
    const id = this.queue.shift();
    if (!id) {
      for (const wake of this.idleWaiters.splice(0)) wake();
      return;
    }
    const msg = this.pending.get(id);
    this.pending.delete(id);
    if (!msg) return this.pump();
    this.running = id;
    await this.opts.db
      .updateTable("jobs")
      .set({ status: "running", started_at: nowIso() })
      .where("id", "=", id)
      .execute();
    let outcome: { result: unknown } | { error: JobError };
    try {
      outcome = this.opts.databaseUrl === null ? await this.runHere(msg) : await this.runInWorker(msg);
    } catch (err) {
      outcome = { error: toJobError(err) };
    }
    await this.finish(id, outcome);
    if (msg.filePath) await rm(msg.filePath, { force: true });
    this.files.delete(id);
    this.progress.delete(id);
    this.running = null;
    await this.pump();
  }

  private async finish(id: string, outcome: { result: unknown } | { error: JobError }): Promise<void> {
    const p = this.progress.get(id);
    await this.opts.db
      .updateTable("jobs")
      .set({
        status: "error" in outcome ? "failed" : "done",
        result_json: "result" in outcome ? JSON.stringify(outcome.result ?? null) : null,
        error_json: "error" in outcome ? JSON.stringify(outcome.error) : null,
        progress_done: p?.done ?? 0,
        progress_total: p?.total ?? null,
        finished_at: nowIso(),
      })
      .where("id", "=", id)
      .execute();
  }

  private async runHere(msg: RunMessage): Promise<{ result: unknown } | { error: JobError }> {
    const handler = this.handlers.get(msg.kind);
    if (!handler) throw new Error(`no job handler for ${msg.kind}`);
    // Let the request that submitted the job answer first, as it would with a worker.
    await new Promise((r) => setImmediate(r));
    try {
      const result = await handler.run(
        {
          db: this.opts.db,
          actor: msg.actor,
          file: this.files.get(msg.id) ?? null,
          progress: (done, total = null) => this.progress.set(msg.id, { done, total }),
        },
        handler.input.parse(msg.input),
      );
      return { result };
    } catch (err) {
      return { error: toJobError(err) };
    }
  }

  private getWorker(): Promise<Worker> {
    if (this.workerReady) return this.workerReady;
    const worker = new Worker(new URL("./worker-boot.mjs", import.meta.url), {
      workerData: {
        databaseUrl: this.opts.databaseUrl,
        handlerModules: this.opts.handlerModules ?? DEFAULT_HANDLER_MODULES,
      },
      resourceLimits: { maxOldGenerationSizeMb: this.opts.memoryLimitMb ?? 768 },
    });
    this.workerReady = new Promise((resolve, reject) => {
      const onReady = (m: { type?: string }) => {
        if (m?.type !== "ready") return;
        worker.off("message", onReady);
        worker.off("error", reject);
        resolve(worker);
      };
      worker.on("message", onReady);
      worker.once("error", reject);
    });
    this.worker = worker;
    // A worker that died (out of memory, a crash) is replaced by a fresh one for the next job.
    worker.once("exit", () => {
      if (this.worker === worker) {
        this.worker = null;
        this.workerReady = null;
      }
    });
    return this.workerReady;
  }

  private async runInWorker(msg: RunMessage): Promise<{ result: unknown } | { error: JobError }> {
    const worker = await this.getWorker();
    return new Promise((resolve) => {
      const onMessage = (r: WorkerReply) => {
        if (r.id !== msg.id) return;
        if (r.type === "progress") this.progress.set(msg.id, { done: r.done, total: r.total });
        else {
          cleanup();
          resolve(r.type === "done" ? { result: r.result } : { error: r.error });
        }
      };
      const onError = (err: Error & { code?: string }) => {
        cleanup();
        const outOfMemory = err.code === "ERR_WORKER_OUT_OF_MEMORY";
        resolve({
          error: {
            status: outOfMemory ? 413 : 500,
            code: "job_failed",
            message: outOfMemory
              ? "The job needed more memory than allowed."
              : "The job stopped unexpectedly.",
          },
        });
      };
      const onExit = () => onError(new Error("worker exited"));
      const cleanup = () => {
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
      };
      worker.on("message", onMessage);
      worker.once("error", onError);
      worker.once("exit", onExit);
      worker.postMessage(msg);
    });
  }
}
