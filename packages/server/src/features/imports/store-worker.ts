import { getPriority, setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { sqliteInsertRows } from "../../db/bulk-insert";
import { sqliteInsertPersonsAndMeasurements } from "../../db/fed-insert";
import { openSqliteHandle } from "../../db/sqlite-handle";
import { WriteWaiters } from "../../db/write-waiters";
import { SliceWriter } from "./slices";
import { decodeSteps } from "./step-codec";
import type { ToWriter, WriterSays, WriterStart } from "./store-thread";

/**
 * The import's writer thread (./store-thread.ts): it writes the steps it is sent, in slices, through its own
 * connection, while the thread that sent them reads and checks the rest of the file. Kysely-free (the bare
 * connection, db/sqlite-handle), so it is ready soon after it is asked for.
 */
const port = parentPort;
if (!port) throw new Error("store-worker.ts runs only as a worker thread");
const say = (m: WriterSays) => port.postMessage(m);
const { file, niceness } = workerData as WriterStart;
// As nice as the thread that started it (the job thread's 10): an import must not take the CPU from the
// thread answering requests. Linux applies it to this thread only.
if (process.platform === "linux") setPriority(Math.max(getPriority(), niceness));

const handle = openSqliteHandle(file);
// The slices are not made durable one by one: the import counts only once its "done" commit (the caller's,
// synchronous FULL) is, and that fsync carries every slice written before it. Nor does this connection
// copy the log into the database file as it grows (a checkpoint at every commit past 1000 pages, each
// waiting on the disk): it does so once, after the import is done (`checkpoint` below). Together a third of
// the writing's time on a 30k-row month (issue 16). A crash before "done" leaves an import the next one
// undoes (store.ts undoStaleImports), as before.
handle.pragma("synchronous = NORMAL");
handle.pragma("wal_autocheckpoint = 0");
const waiters = new WriteWaiters(handle.name);
const writer = new SliceWriter(
  {
    async transact(body) {
      handle.exec("begin immediate");
      try {
        await body();
        handle.exec("commit");
      } catch (err) {
        if (handle.inTransaction) handle.exec("rollback");
        throw err;
      }
    },
    write(step) {
      sqliteInsertPersonsAndMeasurements(handle, step.persons, step.measurements);
      sqliteInsertRows(handle, "import_source_values", step.sources);
    },
  },
  waiters,
  (done) => say({ progress: done }),
);

let ended = false;
let writing = false;
let failed = false;

/** Writes what has arrived; once the last steps are written after the end was announced, says so. */
async function write(): Promise<void> {
  if (writing || failed) return;
  writing = true;
  try {
    await writer.drain();
    if (ended) {
      waiters.close();
      say({ done: true });
    }
  } catch (err) {
    failed = true;
    say({ error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  } finally {
    writing = false;
  }
}

/** After the import is done: the log copied into the database file, off the import's path; then the thread ends. */
function checkpoint(): void {
  try {
    handle.pragma("wal_checkpoint(PASSIVE)");
  } finally {
    handle.close();
    port?.close();
  }
}

port.on("message", (m: ToWriter) => {
  if ("checkpoint" in m) return checkpoint();
  if ("steps" in m) writer.push(decodeSteps(m.steps));
  else ended = true;
  void write();
});
