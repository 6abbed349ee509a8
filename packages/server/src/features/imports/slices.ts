import type { Kysely, Transaction } from "kysely";
import { bulkInsert } from "../../db/bulk-insert";
import { insertPersonsAndMeasurements } from "../../db/fed-insert";
import type { Database, MeasurementsTable, PersonsTable } from "../../db/schema";
import { inTransaction } from "../../db/transaction";
import type { WriteWaiters } from "../../db/write-waiters";
import type { ImportSourceValuesTable } from "./schema";

/**
 * How an import's rows are written: in transactions of up to a second ("slices") that give way to a writer
 * waiting for the lock (./store.ts uses it).
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
 * Leaving the lock free for a writer waiting on it (the API, while the import writes in the job worker): a
 * waiting transaction tries `begin immediate` again at most 25 ms later (db/sqlite-dialect
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

/**
 * Where an import's items come from, a chunk at a time: called inside a slice's transaction, whose `conn`
 * its reads go through (the transaction holds SQLite's one connection: a read on another handle of it
 * would wait for the transaction, and the transaction for the read). Null when there are no more.
 */
export type ItemSource = (conn: Kysely<Database>) => Promise<readonly ImportItem[] | null>;

/** Writes items in slices, a step at a time (a new person and its measurement in the same step). */
export class SliceWriter {
  #done = 0;
  #lastGap = performance.now();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly waiters: WriteWaiters | null,
    private readonly progress: (done: number) => void,
  ) {}

  /**
   * Writes every item `source` gives; returns once all are committed. A slice goes on from one chunk to the
   * next: the next chunk is asked for inside it, so the rows are checked a few hundred at a time (what a
   * chunk makes is garbage before the next is made) without a commit for each (issue 16).
   */
  async writeAll(source: ItemSource): Promise<void> {
    let items: readonly ImportItem[] = [];
    let next = 0;
    let exhausted = false;
    while (!exhausted) {
      let heard = false;
      await inTransaction(this.db, async (trx) => {
        const started = performance.now();
        do {
          if (next >= items.length) {
            const more = await source(trx);
            if (more === null) exhausted = true;
            else {
              items = more;
              next = 0;
            }
            continue;
          }
          const step = items.slice(next, next + STEP_ROWS);
          await writeStep(this.db, trx, step);
          next += step.length;
          this.#done += step.length;
          this.progress(this.#done);
          if (this.waiters) {
            await nextTurn();
            heard = this.waiters.take();
          }
        } while (!exhausted && !heard && performance.now() - started < SLICE_MS);
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
    this.#lastGap = performance.now();
  }

  /** Stops listening for waiting writers. */
  close(): void {
    this.waiters?.close();
  }
}

async function writeStep(db: Kysely<Database>, trx: Transaction<Database>, step: readonly ImportItem[]) {
  const persons: PersonsTable[] = [];
  const measurements: MeasurementsTable[] = [];
  const sources: ImportSourceValuesTable[] = [];
  for (const c of step) {
    if (c.person) persons.push(c.person);
    measurements.push(c.measurement);
    if (c.source) sources.push(c.source);
  }
  await insertPersonsAndMeasurements(db, trx, persons, measurements);
  await bulkInsert(db, trx, "import_source_values", sources);
}
