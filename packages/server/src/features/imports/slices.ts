import type { MeasurementsTable, PersonsTable } from "../../db/schema";
import type { WriteWaiters } from "../../db/write-waiters";
import type { ImportSourceValuesTable } from "./schema";

/**
 * How an import's rows are written: in transactions of up to a second ("slices") that give way to a writer
 * waiting for the lock (./store.ts opens them).
 */

/** One row of the file to store: the measurement, the person it creates (if new), e-PPGBM's own values. */
export interface ImportItem {
  person: PersonsTable | null;
  measurement: MeasurementsTable;
  source: ImportSourceValuesTable | null;
}

/** Rows inserted between two looks at the clock and for waiting writers (about 10 ms of writing when idle). */
export const STEP_ROWS = 250;

/**
 * How long one write transaction of an import may hold SQLite's write lock, then it commits and leaves the
 * lock free. Slices of time, not of rows, and long: each commit rewrites every index page its rows touched
 * (~30 ms a commit for a 30k-row month, a tenth of the writing when slices were 150 ms), and a writer
 * waiting for the lock is heard within a step anyway (below). A writer in another process (a CLI import
 * beside the server) cannot announce itself: the lock is left free at least every MAX_HOLD_MS for it (its
 * own timeout is 5 s).
 */
const SLICE_MS = 1000;
/** At least this often the lock is left free, for writers that cannot announce themselves. */
const MAX_HOLD_MS = 1000;

/**
 * Leaving the lock free for a writer waiting on it (the API, while the import writes in the job worker): a waiting transaction tries `begin immediate` again at most 25 ms later (db/sqlite-dialect
 * retryWhileWriteLocked), so a gap of one event-loop turn was almost never seen and API writes waited for
 * the whole import (issue 18). Wall time of the import, none of its CPU — a quarter of a 30k-row import's
 * time when left after every slice (issue 16) — so it is left only when a writer announced that it waits
 * (db/write-waiters). The announcement is looked for after every step, on an event-loop turn (that is when
 * it arrives): the slice then ends at once. PostgreSQL locks rows, not the database: no gaps there (no
 * `waiters`), nor for an in-memory database, which no other connection shares.
 */
const LOCK_GAP_MS = 50;
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, LOCK_GAP_MS));
/** One event-loop turn: announcements from other threads are delivered, queued messages received. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface SliceTarget {
  /** Runs `body` in one write transaction (on SQLite one holding the write lock from its start). */
  transact(body: () => Promise<void>): Promise<void>;
  /** Writes up to STEP_ROWS items inside the transaction `transact` opened. */
  write(step: readonly ImportItem[]): Promise<void> | void;
}

/** Writes queued items in slices, a step at a time (a new person and its measurement in the same step). */
export class SliceWriter {
  readonly #queue: ImportItem[] = [];
  #next = 0;
  #done = 0;
  #lastGap = performance.now();

  constructor(
    private readonly target: SliceTarget,
    private readonly waiters: WriteWaiters | null,
    private readonly progress: (done: number) => void,
  ) {}

  push(items: readonly ImportItem[]): void {
    for (const item of items) this.#queue.push(item);
  }

  /** Writes until the queue is empty (including steps pushed meanwhile). */
  async drain(): Promise<void> {
    while (this.#next < this.#queue.length) {
      let heard = false;
      await this.target.transact(async () => {
        const started = performance.now();
        do {
          const step = this.#queue.slice(this.#next, this.#next + STEP_ROWS);
          await this.target.write(step);
          this.#next += step.length;
          this.#done += step.length;
          this.progress(this.#done);
          if (this.waiters) {
            await nextTurn();
            heard = this.waiters.take();
          }
        } while (!heard && this.#next < this.#queue.length && performance.now() - started < SLICE_MS);
      });
      await nextTurn();
      if (
        this.waiters &&
        (heard || this.waiters.take() || performance.now() - this.#lastGap >= MAX_HOLD_MS)
      ) {
        await pause();
        this.#lastGap = performance.now();
      }
    }
    // Nothing left to write: the lock stays free until more items come (the next chunk being checked).
    this.#lastGap = performance.now();
    this.#queue.length = 0;
    this.#next = 0;
  }

  /** Stops listening for waiting writers. */
  close(): void {
    this.waiters?.close();
  }
}
