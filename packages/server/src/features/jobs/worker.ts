import { readFile } from "node:fs/promises";
import { getPriority, setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import type { Actor } from "@tumbuh/core";
import { openDatabase } from "../../db/database";
import type { JobError, JobHandler } from "./handler";
import { toJobError } from "./job-error";

/**
 * The job worker: one thread with its own database connection, so parsing a 30k-row file or rebuilding a
 * regency's figures never holds the event loop that answers requests. It runs one job at a time, as the main
 * thread sends them, and reports progress, the result or the error back.
 */
export interface RunMessage {
  type: "run";
  id: string;
  kind: string;
  input: unknown;
  actor: Actor;
  filePath: string | null;
}
export type WorkerReply =
  | { type: "progress"; id: string; done: number; total: number | null }
  | { type: "done"; id: string; result: unknown }
  | { type: "failed"; id: string; error: JobError };

const { databaseUrl, handlerModules } = workerData as { databaseUrl: string; handlerModules: string[] };
const port = parentPort;
if (!port) throw new Error("worker.ts runs only as a worker thread");

/**
 * The job thread's niceness on Linux. A regency rebuild or an import keeps a core busy for many seconds;
 * on the two cores a regency runs on (often shared), the request thread then lost CPU time to it and every
 * request waited (issue 18). Nicer than the request thread, the job still gets any CPU nobody else wants.
 * Linux applies setpriority(pid 0) to the calling thread only; elsewhere it would slow the whole server.
 */
const JOB_NICENESS = 10;
if (process.platform === "linux") setPriority(Math.max(getPriority(), JOB_NICENESS));

const db = openDatabase(databaseUrl);
const handlers = new Map<string, JobHandler>();
for (const url of handlerModules) {
  const mod = (await import(url)) as { JOB_HANDLERS: readonly JobHandler[] };
  for (const h of mod.JOB_HANDLERS) handlers.set(h.kind, h);
}

port.on("message", async (msg: RunMessage) => {
  const reply = (r: WorkerReply) => port.postMessage(r);
  let last = 0;
  try {
    const handler = handlers.get(msg.kind);
    if (!handler) throw new Error(`no job handler for ${msg.kind}`);
    const file = msg.filePath ? await readFile(msg.filePath) : null;
    const result = await handler.run(
      {
        db: db.kysely,
        actor: msg.actor,
        file,
        progress(done, total = null) {
          const now = Date.now();
          if (now - last < 200) return;
          last = now;
          reply({ type: "progress", id: msg.id, done, total });
        },
      },
      handler.input.parse(msg.input),
    );
    reply({ type: "done", id: msg.id, result });
  } catch (err) {
    reply({ type: "failed", id: msg.id, error: toJobError(err) });
  }
});
port.postMessage({ type: "ready" });
