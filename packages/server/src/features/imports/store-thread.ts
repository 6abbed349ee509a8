import { getPriority } from "node:os";
import { Worker } from "node:worker_threads";
import type { WriteStep } from "./slices";
import { type EncodedSteps, encodeSteps } from "./step-codec";

/**
 * An import's writer thread, on an SQLite file: the thread reading the file hands it the rows to store
 * step by step, and goes on reading, matching and computing z-scores while they are written (issue 16: a
 * 30k-row month was ~1 s of checking then ~1 s of SQLite writing, one after the other, on a machine of two
 * cores). One thread per import, started as the import starts, so that its start (~0.3 s through tsx)
 * passes while the file is read; it ends with the import.
 * The steps travel column by column (./step-codec.ts).
 */

export interface WriterStart {
  file: string;
  niceness: number;
}
export type ToWriter = { steps: EncodedSteps["steps"] } | { end: true } | { checkpoint: true };
export type WriterSays = { progress: number } | { done: true } | { error: string };

/**
 * Rows handed over and not yet written, past which `add` waits: a file of up to 200k rows (SHEET_LIMITS)
 * checked faster than it is written would otherwise sit in the writer's memory whole.
 */
const MAX_AHEAD_ROWS = 20_000;

let started = 0;
/** Writer threads started in this process (tests: the import on a file took this path). */
export const writerThreadsStarted = (): number => started;

export class StoreThread {
  readonly #worker: Worker;
  #sent = 0;
  #written = 0;
  #wake: (() => void) | null = null;
  /** Settles when the thread has written everything after `end`, or failed. */
  readonly #finished: Promise<void>;
  #failure: Error | null = null;

  constructor(file: string, progress: (done: number) => void) {
    const start: WriterStart = { file, niceness: getPriority() };
    started++;
    this.#worker = new Worker(new URL("./store-boot.mjs", import.meta.url), {
      workerData: start,
      // Its own loader (store-boot.mjs registers tsx): the caller's flags would load tsx a second time.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: 512 },
    });
    this.#finished = new Promise<void>((resolve, reject) => {
      const fail = (err: Error) => {
        this.#failure ??= err;
        this.#wake?.();
        reject(this.#failure);
      };
      this.#worker.on("message", (m: WriterSays) => {
        if ("progress" in m) {
          this.#written = m.progress;
          this.#wake?.();
          progress(m.progress);
        } else if ("done" in m) resolve();
        else fail(new Error(`import writer: ${m.error}`));
      });
      this.#worker.on("error", fail);
      this.#worker.on("exit", () => fail(new Error("import writer: the thread stopped")));
    });
    // Nobody may be waiting yet (the file is still being read): a failure is kept for `add` and `finish`.
    this.#finished.catch(() => {});
  }

  /**
   * Hands steps to the thread (it writes them in order); throws if the thread has failed. Returns after a
   * turn of the event loop (the thread's progress comes in), or once the thread has caught up enough.
   */
  async add(steps: readonly WriteStep[]): Promise<void> {
    if (this.#failure) throw this.#failure;
    const encoded = encodeSteps(steps);
    this.#worker.postMessage({ steps: encoded.steps } satisfies ToWriter, encoded.transfer);
    for (const s of steps) this.#sent += s.count;
    do {
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
        if (this.#sent - this.#written <= MAX_AHEAD_ROWS || this.#failure) setImmediate(resolve);
      });
      this.#wake = null;
      if (this.#failure) throw this.#failure;
    } while (this.#sent - this.#written > MAX_AHEAD_ROWS);
  }

  /** Waits until every step handed over is written and committed. */
  async finish(): Promise<void> {
    if (this.#failure) throw this.#failure;
    this.#worker.postMessage({ end: true } satisfies ToWriter);
    try {
      await this.#finished;
    } catch (err) {
      await this.#worker.terminate();
      throw err;
    }
  }

  /**
   * Once the import is done: the thread copies the log into the database file (a checkpoint, which its
   * connection skipped while writing) and ends by itself; nobody waits for it, nor does it keep the process.
   */
  release(): void {
    this.#worker.postMessage({ checkpoint: true } satisfies ToWriter);
    this.#worker.unref();
  }

  /** Stops the thread; a slice it was writing is rolled back as its connection closes. */
  async stop(): Promise<void> {
    await this.#worker.terminate();
  }
}
