import { getPriority, setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { type Db, openDatabase } from "../../db/database";
import { inTransaction } from "../../db/transaction";
import { countSides, type SideCountsReply, type SideCountsRequest } from "./side-counts";

/**
 * The thread that counts a regency's service and record figures while the thread that asked counts its
 * children (./side-counts.ts). It reads through its own connection, one read-only snapshot per request.
 */
const port = parentPort;
if (!port) throw new Error("side-counts-worker.ts runs only as a worker thread");
// As nice as the thread that started it (the job thread's 10, features/jobs/worker.ts): a rebuild must not
// take the CPU from the thread answering requests. Linux applies it to this thread only.
const { niceness } = workerData as { niceness: number };
if (process.platform === "linux") setPriority(Math.max(getPriority(), niceness));

const open = new Map<string, Db>();

port.on("message", async (msg: SideCountsRequest) => {
  const reply = (r: SideCountsReply) => port.postMessage(r);
  try {
    let db = open.get(msg.file);
    if (!db) {
      db = openDatabase(msg.file);
      open.set(msg.file, db);
    }
    const counts = await inTransaction(
      db.kysely,
      (trx) => countSides(trx, msg.region, msg.desas, msg.today),
      { readOnly: true },
    );
    reply({ id: msg.id, ...counts });
  } catch (err) {
    reply({ id: msg.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
