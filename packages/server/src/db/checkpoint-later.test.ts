import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { checkpointLater } from "./checkpoint-later";
import { openSqliteHandle } from "./sqlite-handle";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

it("copies the log into the database file in another thread, while the writer's connection stays open", async () => {
  const dir = mkdtempSync(join(tmpdir(), "tumbuh-checkpoint-"));
  dirs.push(dir);
  const file = join(dir, "t.db");
  const db = openSqliteHandle(file);
  try {
    // A long write that held SQLite's own checkpoints back: every page is still only in the log.
    db.pragma("wal_autocheckpoint = 0");
    db.exec("create table t (x text)");
    const insert = db.prepare("insert into t values (?)");
    db.transaction(() => {
      for (let i = 0; i < 5000; i++) insert.run(`row ${i} ${"x".repeat(200)}`);
    })();
    const before = statSync(file).size;
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(1_000_000);

    checkpointLater(file);
    // Polled until the copy is done: the file grows page by page while the thread copies (a look in the
    // middle of it saw 600 KB of the 1.2 MB on a busy machine).
    let after = before;
    for (let i = 0; i < 200 && after <= before + 1_000_000; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      after = statSync(file).size;
    }
    // The rows are in the database file now, and the writer's connection still reads them.
    expect(after).toBeGreaterThan(before + 1_000_000);
    expect(db.prepare("select count(*) from t").pluck().get()).toBe(5000);
  } finally {
    db.close();
  }
});
