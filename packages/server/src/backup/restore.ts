import { closeSync, copyFileSync, existsSync, openSync, readSync, renameSync, rmSync } from "node:fs";
import SQLite from "better-sqlite3";
import { openDatabase } from "../db/database";
import { MIGRATION_NAMES, migrateToLatest } from "../db/migrate";

/** Tables every Tumbuh database has had since its first migration. */
const CORE_TABLES = ["regions", "users", "audit_log", "persons", "measurements"];

/** Why a file is not a database this build can restore, or null when it is. */
export function checkBackup(file: string): string | null {
  if (!existsSync(file)) return "the file does not exist";
  const head = Buffer.alloc(16);
  const fd = openSync(file, "r");
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString("latin1") !== "SQLite format 3\u0000") return "not an SQLite database";
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    if (db.pragma("quick_check", { simple: true }) !== "ok") return "the database is damaged";
    const tables = new Set(
      (db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map(
        (r) => r.name,
      ),
    );
    if (!tables.has("kysely_migration") || CORE_TABLES.some((t) => !tables.has(t))) {
      return "not a Tumbuh database";
    }
    const applied = (db.prepare("select name from kysely_migration").all() as { name: string }[]).map(
      (r) => r.name,
    );
    const unknown = applied.filter((n) => !MIGRATION_NAMES.includes(n));
    if (unknown.length > 0) {
      return `made by a newer Tumbuh (schema ${unknown.sort().at(-1)}): update Tumbuh first`;
    }
    // Migrations apply in order: an older database has a prefix of the list, never a gap.
    if (applied.some((n) => !MIGRATION_NAMES.slice(0, applied.length).includes(n))) {
      return "its schema history does not match any Tumbuh version";
    }
    return null;
  } finally {
    db.close();
  }
}

/**
 * Put a backup in place of the SQLite database at `target` (the server must be stopped). The file is
 * checked first (a Tumbuh database of a schema version this build knows), copied beside the target,
 * brought up to date by the migrations, and only then swapped in; the database it replaces is kept as
 * `<target>.before-restore-<time>`. Returns the migrations applied to the restored copy.
 */
export async function restoreSqlite(
  file: string,
  target: string,
  at = new Date(),
): Promise<{ migrated: string[]; previous: string | null }> {
  const problem = checkBackup(file);
  if (problem) throw new Error(`${file}: ${problem}; nothing was changed`);
  const incoming = `${target}.restoring`;
  rmSync(incoming, { force: true });
  copyFileSync(file, incoming);
  const db = openDatabase(incoming);
  let migrated: string[];
  try {
    migrated = await migrateToLatest(db.kysely);
  } finally {
    await db.close();
  }
  // Back to a single file (no -wal beside it) before it is moved.
  const tidy = new SQLite(incoming);
  tidy.pragma("journal_mode = DELETE");
  tidy.close();
  let previous: string | null = null;
  if (existsSync(target)) {
    previous = `${target}.before-restore-${at
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d{3}Z$/, "Z")}`;
    renameSync(target, previous);
    // Its write-ahead log goes with it, or the kept copy would lack its last writes.
    for (const side of ["-wal", "-shm"]) {
      if (existsSync(`${target}${side}`)) renameSync(`${target}${side}`, `${previous}${side}`);
    }
  }
  renameSync(incoming, target);
  return { migrated, previous };
}
