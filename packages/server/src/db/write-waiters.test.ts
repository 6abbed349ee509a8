import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { sqliteHandleOf } from "./bulk-insert";
import { openDatabase } from "./database";
import { inTransaction } from "./transaction";
import { WRITE_WAITERS_CHANNEL, WriteWaiters } from "./write-waiters";

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("writers waiting for the SQLite write lock announce themselves", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it("a transaction that finds the lock taken is heard by a listener on the same file only", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tumbuh-waiters-"));
    dirs.push(dir);
    const file = join(dir, "t.db");
    const holder = openDatabase(file);
    const writer = openDatabase(file);
    await sql`create table t (x integer)`.execute(holder.kysely);
    const hold = sqliteHandleOf(holder.kysely);
    if (!hold) throw new Error("not SQLite");
    const here = new WriteWaiters(hold.name);
    const elsewhere = new WriteWaiters(join(dir, "other.db"));
    try {
      hold.exec("begin immediate");
      await turn();
      expect(here.take()).toBe(false);
      const write = inTransaction(writer.kysely, (trx) => sql`insert into t values (1)`.execute(trx));
      // The writer is refused at once and retries later; its announcement arrives within a few turns.
      let heard = false;
      for (let i = 0; i < 5 && !heard; i++) {
        await turn();
        heard = here.take();
      }
      expect(heard).toBe(true);
      hold.exec("commit");
      await write;
      // Heard once, then quiet until someone waits again; a listener on another file heard nothing.
      expect(here.take()).toBe(false);
      expect(elsewhere.take()).toBe(false);
      const rows = await sql<{ n: number }>`select count(*) as n from t`.execute(holder.kysely);
      expect(rows.rows[0]?.n).toBe(1);
    } finally {
      here.close();
      elsewhere.close();
      await writer.close();
      await holder.close();
    }
  });

  it("an announcement from another thread (the request thread, while the job worker imports) is heard", async () => {
    const waiters = new WriteWaiters("/data/tumbuh.db");
    try {
      // The worker runs plain JavaScript: it posts what announceWaiting posts.
      const worker = new Worker(
        `const c = new BroadcastChannel(${JSON.stringify(WRITE_WAITERS_CHANNEL)}); c.postMessage("/data/tumbuh.db"); c.close();`,
        { eval: true },
      );
      await new Promise((resolve) => worker.once("exit", resolve));
      let heard = false;
      for (let i = 0; i < 20 && !heard; i++) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        heard = waiters.take();
      }
      expect(heard).toBe(true);
    } finally {
      waiters.close();
    }
  });
});
