import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sqliteHandleOf } from "./bulk-insert";
import { type Db, openDatabase } from "./database";
import { inTransaction } from "./transaction";

/**
 * The job worker's thread writes to the same SQLite file through its own connection. It stands in here as a
 * worker thread that, when told, inserts one row with the same 5 s busy timeout the server uses.
 */
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.file);
db.pragma("busy_timeout = 5000");
parentPort.on("message", (msg) => {
  try {
    if (msg === "go") {
      db.prepare("insert into t (n) values (1)").run();
      parentPort.postMessage("committed");
      return;
    }
    // { holdMs }: a long write transaction (a rebuild writing its figures, an import's chunk).
    db.exec("begin immediate");
    db.prepare("insert into t (n) values (9)").run();
    parentPort.postMessage("holding");
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, msg.holdMs);
    db.exec("commit");
  } catch (err) {
    parentPort.postMessage(String(err));
  }
});
parentPort.postMessage("ready");
`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("SQLite transactions beside the job worker's connection", () => {
  let dir: string;
  let db: Db;
  let worker: Worker;
  let replies: string[];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "tumbuh-immediate-"));
    const file = join(dir, "t.db");
    db = openDatabase(file);
    await sql`create table t (id integer primary key, n integer not null)`.execute(db.kysely);
    await sql`insert into t (n) values (0)`.execute(db.kysely);
    replies = [];
    worker = new Worker(WORKER, {
      eval: true,
      workerData: { file, driver: createRequire(import.meta.url).resolve("better-sqlite3") },
    });
    await new Promise<void>((resolve) => {
      worker.once("message", () => {
        worker.on("message", (m: string) => replies.push(m));
        resolve();
      });
    });
  });

  afterEach(async () => {
    await worker.terminate();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const workerCommitted = async () => {
    for (let i = 0; i < 200 && replies.length === 0; i++) await sleep(25);
    return replies[0];
  };

  it("a transaction that reads, then writes, still commits when the worker writes in between", async () => {
    // Before: the transaction began DEFERRED, the worker committed after its read, and its write failed at
    // once with SQLITE_BUSY (the API answered 500). Now it holds the write lock from the start and the
    // worker's insert waits for it (within the worker's busy timeout) instead.
    await inTransaction(db.kysely, async (trx) => {
      const before = await sql<{ c: number }>`select count(*) as c from t`.execute(trx);
      worker.postMessage("go");
      await sleep(150);
      await sql`insert into t (n) values (${Number(before.rows[0]?.c) + 1})`.execute(trx);
    });
    expect(await workerCommitted()).toBe("committed");
    const rows = await sql<{ n: number }>`select n from t order by id`.execute(db.kysely);
    // Our row was written before the worker's: the worker waited for our commit.
    expect(rows.rows.map((r) => r.n)).toEqual([0, 2, 1]);
  });

  it("a read-only transaction takes no write lock: the worker writes meanwhile", async () => {
    await inTransaction(
      db.kysely,
      async (trx) => {
        await sql`select count(*) from t`.execute(trx);
        worker.postMessage("go");
        // The worker commits while this transaction is still open (it would wait for a write lock).
        expect(await workerCommitted()).toBe("committed");
      },
      { readOnly: true },
    );
    expect(sqliteHandleOf(db.kysely)?.inTransaction).toBe(false);
  });

  it("a write waiting for the worker's write lock leaves the event loop free: timers fire, reads answer", async () => {
    // Before: BEGIN waited in SQLite's busy handler, a sleep on the request thread, so nothing else ran
    // until the worker committed (every request stopped for as long as an import chunk or a rebuild wrote).
    worker.postMessage({ holdMs: 400 });
    for (let i = 0; i < 200 && !replies.includes("holding"); i++) await sleep(5);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const t0 = performance.now();
    const write = inTransaction(db.kysely, (trx) => sql`insert into t (n) values (2)`.execute(trx));
    await sleep(0);
    await sql`select count(*) from t`.execute(db.kysely);
    const readAfter = performance.now() - t0;
    await write;
    const writeAfter = performance.now() - t0;
    clearInterval(timer);
    expect(readAfter).toBeLessThan(200);
    expect(writeAfter).toBeGreaterThanOrEqual(300);
    expect(ticks).toBeGreaterThanOrEqual(10);
    const rows = await sql<{ n: number }>`select n from t order by id`.execute(db.kysely);
    expect(rows.rows.map((r) => r.n)).toEqual([0, 9, 2]);
  });
});
