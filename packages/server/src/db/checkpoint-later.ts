import { createRequire } from "node:module";
import { getPriority } from "node:os";
import { Worker } from "node:worker_threads";

/** The SQLite driver's own entry, for the thread below (it loads nothing else). */
const DRIVER = createRequire(import.meta.url).resolve("better-sqlite3");

/**
 * The thread's whole program: its own connection, one PASSIVE checkpoint, done. Plain JavaScript, so it needs
 * no TypeScript loader and starts in a few tens of milliseconds (the server's sources go through tsx, ~0.3 s).
 * It reads no rows, so it needs none of the server's value conversions (db/sqlite-values).
 */
const PROGRAM = `
const { workerData } = require("node:worker_threads");
const os = require("node:os");
if (process.platform === "linux") os.setPriority(Math.max(os.getPriority(), workerData.niceness));
const Database = require(workerData.driver);
const db = new Database(workerData.file);
try {
  db.pragma("wal_checkpoint(PASSIVE)");
} finally {
  db.close();
}
`;

/**
 * Copies an SQLite file's log (WAL) into the file, in a thread of its own, now — while the caller goes on.
 * A long write that held SQLite's own checkpoints back (an import, features/imports/store.ts) hands the copy
 * here instead of waiting for the disk itself. PASSIVE: it blocks no reader or writer; what it cannot copy
 * yet (pages a reader still needs, pages written meanwhile) SQLite copies at a later commit. Nothing is lost
 * if it fails: the log is the database until it is copied.
 */
export function checkpointLater(file: string): void {
  const worker = new Worker(PROGRAM, {
    eval: true,
    // As nice as the caller (the job thread's 10): requests come first.
    workerData: { file, driver: DRIVER, niceness: getPriority() },
    execArgv: [],
  });
  // It keeps the process alive until it is done (a CLI import exits a moment later): a thread cut off inside
  // SQLite when the process ends takes the process down with it. A failure fails nothing.
  worker.on("error", () => {});
}
