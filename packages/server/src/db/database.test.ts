import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { sql } from "kysely";
import { expect, it } from "vitest";
import { openDatabase } from "./database";

/** Another thread's connection in the demo seed's journal mode, holding a write transaction for `holdMs`. */
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.file);
db.pragma("journal_mode = delete");
db.exec("create table t (n integer)");
db.exec("begin immediate");
db.prepare("insert into t (n) values (1)").run();
parentPort.postMessage("holding");
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.holdMs);
db.exec("commit");
db.close();
`;

it("opens an SQLite file while another connection writes to it in another journal mode", async () => {
  // The side-counts thread opened its connection while the demo seed (rollback journal, demo/bulk-load.ts)
  // was writing, and its first pragma failed at once with "database is locked" (issue 18, a browser test).
  const dir = mkdtempSync(join(tmpdir(), "tumbuh-open-"));
  const file = join(dir, "t.db");
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { file, holdMs: 300, driver: createRequire(import.meta.url).resolve("better-sqlite3") },
  });
  try {
    await new Promise((resolve) => worker.once("message", resolve));
    const db = openDatabase(file);
    await new Promise((resolve) => worker.once("exit", resolve));
    const rows = await sql<{ n: number }>`select n from t`.execute(db.kysely);
    expect(rows.rows).toEqual([{ n: 1 }]);
    await db.close();
  } finally {
    await worker.terminate();
    rmSync(dir, { recursive: true, force: true });
  }
});
