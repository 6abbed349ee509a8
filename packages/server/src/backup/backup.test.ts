import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { Worker } from "node:worker_threads";
import SQLite from "better-sqlite3";
import { sql } from "kysely";
import { describe, expect, inject, it } from "vitest";
import { openDatabase } from "../db/database";
import { MIGRATION_NAMES, migrateToLatest, migrator } from "../db/migrate";
import { freshDatabase } from "../testing/dialects";
import { backupDatabase, prune } from "./backup";
import { checkBackup, restoreSqlite } from "./restore";

const require = createRequire(import.meta.url);

/**
 * A writer on its own thread and connection (as the server is while `tumbuh backup` runs): it appends
 * audit rows one transaction each and reports every id once committed — an acknowledged write.
 */
const WRITER = `
const { parentPort, workerData } = require("node:worker_threads");
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.path);
db.pragma("busy_timeout = 10000");
const insert = db.prepare("insert into audit_log (id, at, action, entity) values (?, ?, 'load.write', 'test')");
let stop = false;
parentPort.on("message", () => { stop = true; });
let n = 0;
(function loop() {
  for (let i = 0; i < 20 && !stop; i++) {
    const id = "w" + String(++n).padStart(8, "0");
    insert.run(id, new Date().toISOString());
    parentPort.postMessage(id);
  }
  if (stop) { db.close(); parentPort.postMessage("done"); } else setImmediate(loop);
})();
`;

async function migratedFile(dir: string, name = "tumbuh.db"): Promise<string> {
  const path = join(dir, name);
  const db = openDatabase(path);
  await migrateToLatest(db.kysely);
  await db.close();
  return path;
}

describe("backup and restore (SQLite)", () => {
  it("backs up while another connection writes; restored, every write acknowledged before the backup is there", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tumbuh-backup-"));
    const path = await migratedFile(dir);
    const acknowledged: string[] = [];
    const worker = new Worker(WRITER, {
      eval: true,
      workerData: { path, driver: require.resolve("better-sqlite3") },
    });
    const done = new Promise<void>((ok, fail) => {
      worker.on("message", (m: string) => (m === "done" ? ok() : acknowledged.push(m)));
      worker.on("error", fail);
    });
    while (acknowledged.length < 300) await new Promise((r) => setTimeout(r, 5));
    const before = acknowledged.length;
    const backups: string[] = [];
    // Three generations during the load; --keep 2 leaves the newest two.
    for (let i = 0; i < 3; i++) {
      backups.push(
        backupDatabase(path, join(dir, "backups"), 2, new Date(Date.UTC(2026, 11, 6, 1, 0, i))).file,
      );
      await new Promise((r) => setTimeout(r, 20));
    }
    const duringBackup = acknowledged.length;
    worker.postMessage("stop");
    await done;
    expect(duringBackup).toBeGreaterThan(before); // the writer really ran while backups were taken
    expect(readdirSync(join(dir, "backups")).sort()).toEqual([
      "tumbuh-20261206T010001Z.db",
      "tumbuh-20261206T010002Z.db",
    ]);

    const first = backups[1] as string;
    const restoredPath = join(dir, "restored.db");
    await restoreSqlite(first, restoredPath);
    const restored = new SQLite(restoredPath, { readonly: true });
    const ids = new Set(
      (
        restored.prepare("select id from audit_log where action = 'load.write'").all() as { id: string }[]
      ).map((r) => r.id),
    );
    restored.close();
    for (const id of acknowledged.slice(0, before)) expect(ids.has(id), id).toBe(true);
    // And the live database has every acknowledged write.
    const live = new SQLite(path, { readonly: true });
    const count = (
      live.prepare("select count(*) as n from audit_log where action = 'load.write'").get() as { n: number }
    ).n;
    live.close();
    expect(count).toBe(acknowledged.length);
  }, 60_000);

  it("restore refuses a file that is not a Tumbuh database, or one of an unknown schema version, and changes nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tumbuh-restore-"));
    const target = await migratedFile(dir);
    const text = join(dir, "notes.db");
    writeFileSync(text, "just some text, not a database");
    expect(checkBackup(text)).toBe("not an SQLite database");
    await expect(restoreSqlite(text, target)).rejects.toThrow(/not an SQLite database; nothing was changed/);

    const other = join(dir, "other.db");
    const o = new SQLite(other);
    o.exec("create table things (id integer)");
    o.close();
    expect(checkBackup(other)).toBe("not a Tumbuh database");

    const newer = await migratedFile(dir, "newer.db");
    const n = new SQLite(newer);
    n.prepare(
      "insert into kysely_migration (name, timestamp) values ('2099-01-01T0000-future', '2099-01-01')",
    ).run();
    n.close();
    expect(checkBackup(newer)).toMatch(/newer Tumbuh/);
    expect(readdirSync(dir).some((f) => f.includes("before-restore"))).toBe(false);
  });

  it("restore migrates a backup of an older schema version and keeps the database it replaces", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tumbuh-restore-old-"));
    const target = await migratedFile(dir);
    const oldPath = join(dir, "old.db");
    const old = openDatabase(oldPath);
    const second = MIGRATION_NAMES.at(-2) as string;
    const { error } = await migrator(old.kysely).migrateTo(second);
    expect(error).toBeUndefined();
    await old.close();
    expect(checkBackup(oldPath)).toBeNull();
    const r = await restoreSqlite(oldPath, target);
    expect(r.migrated).toEqual(MIGRATION_NAMES.slice(MIGRATION_NAMES.indexOf(second) + 1));
    expect(r.previous).toMatch(/before-restore/);
    expect(checkBackup(target)).toBeNull();
  });

  it("prune keeps the newest N backups and leaves other files alone", () => {
    const dir = mkdtempSync(join(tmpdir(), "tumbuh-prune-"));
    for (const f of [
      "tumbuh-20260101T000000Z.db",
      "tumbuh-20260102T000000Z.db",
      "tumbuh-20260103T000000Z.db",
      "notes.txt",
    ])
      writeFileSync(join(dir, f), "x");
    expect(prune(dir, 1).map((f) => basename(f))).toEqual([
      "tumbuh-20260102T000000Z.db",
      "tumbuh-20260101T000000Z.db",
    ]);
    expect(readdirSync(dir).sort()).toEqual(["notes.txt", "tumbuh-20260103T000000Z.db"]);
  });
});

describe.skipIf(inject("postgresUrl") === null)("backup (PostgreSQL)", () => {
  it("runs pg_dump into a custom-format file that pg_restore can read", async () => {
    const db = await freshDatabase("postgres");
    try {
      const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(db.kysely);
      const url = new URL(inject("postgresUrl") ?? "");
      url.pathname = `/${rows[0]?.name}`;
      const dir = mkdtempSync(join(tmpdir(), "tumbuh-pgdump-"));
      const r = backupDatabase(url.toString(), dir, 3);
      expect(basename(r.file)).toMatch(/^tumbuh-\d{8}T\d{6}Z\.dump$/);
      const list = spawnSync("pg_restore", ["--list", r.file], { encoding: "utf8" });
      expect(list.status).toBe(0);
      expect(list.stdout).toMatch(/TABLE public audit_log/);
      expect(list.stdout).toMatch(/TABLE DATA public kysely_migration/);
    } finally {
      await db.close();
    }
  });
});
