import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import SQLite from "better-sqlite3";

/** A backup file's name: sortable by time, recognisable by `tumbuh backup --keep` among other files. */
const NAME = /^tumbuh-(\d{8}T\d{6}Z)\.(db|dump)$/;

function stamp(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}Z$/, "Z");
}

export interface BackupResult {
  file: string;
  bytes: number;
  removed: string[];
}

/**
 * A consistent copy of the running database, then the oldest generations beyond `keep` removed.
 * SQLite: `VACUUM INTO` from its own read-only connection — one read transaction, so the copy is the
 * database as of one moment, writers go on meanwhile (WAL), and the copy is compact. Written under a
 * temporary name and checked (`quick_check`) before it takes its real name, so a crash never leaves a
 * half file that looks like a backup. PostgreSQL: `pg_dump --format=custom` when it is installed.
 */
export function backupDatabase(
  databaseUrl: string,
  dir: string,
  keep: number,
  at = new Date(),
): BackupResult {
  mkdirSync(dir, { recursive: true });
  const postgres = /^postgres(ql)?:\/\//.test(databaseUrl);
  const file = join(resolve(dir), `tumbuh-${stamp(at)}.${postgres ? "dump" : "db"}`);
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  if (postgres) dumpPostgres(databaseUrl, partial);
  else copySqlite(databaseUrl.replace(/^sqlite:/, ""), partial);
  renameSync(partial, file);
  return { file, bytes: statSync(file).size, removed: prune(dir, keep) };
}

function copySqlite(path: string, target: string): void {
  if (!existsSync(path)) throw new Error(`no database at ${path}`);
  const source = new SQLite(path, { readonly: true, fileMustExist: true });
  try {
    source.pragma("busy_timeout = 10000");
    source.prepare("vacuum into ?").run(target);
  } finally {
    source.close();
  }
  const copy = new SQLite(target, { readonly: true });
  try {
    const check = copy.pragma("quick_check", { simple: true });
    if (check !== "ok") throw new Error(`the copy failed its check: ${String(check)}`);
  } finally {
    copy.close();
  }
}

function dumpPostgres(url: string, target: string): void {
  const found = spawnSync("pg_dump", ["--version"], { encoding: "utf8" });
  if (found.error || found.status !== 0) {
    throw new Error(
      "pg_dump is not installed: install the PostgreSQL client (same major version as the server) or run pg_dump yourself (see README, Backups)",
    );
  }
  const run = spawnSync("pg_dump", ["--format=custom", "--no-owner", `--file=${target}`, url], {
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`pg_dump failed: ${(run.stderr || "").trim().split("\n")[0]}`);
}

/** Keep the newest `keep` backups in `dir`; returns the files removed. Other files are left alone. */
export function prune(dir: string, keep: number): string[] {
  const backups = readdirSync(dir)
    .filter((f) => NAME.test(f))
    .sort()
    .reverse();
  const removed = backups.slice(Math.max(1, keep)).map((f) => join(dir, f));
  for (const f of removed) rmSync(f);
  return removed;
}

/** When the newest backup in `dir` was taken (from its name), or null when there is none. */
export function newestBackupAt(dir: string): Date | null {
  if (!existsSync(dir)) return null;
  const names = readdirSync(dir)
    .map((f) => NAME.exec(f)?.[1])
    .filter((s): s is string => s !== undefined)
    .sort();
  const last = names.at(-1);
  if (!last) return null;
  const iso = `${last.slice(0, 4)}-${last.slice(4, 6)}-${last.slice(6, 8)}T${last.slice(9, 11)}:${last.slice(11, 13)}:${last.slice(13, 15)}Z`;
  return new Date(iso);
}
