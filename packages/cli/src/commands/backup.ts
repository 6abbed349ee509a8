import { resolve } from "node:path";
import { backupDatabase, loadConfig, restoreSqlite } from "@tumbuh/server";

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** `tumbuh backup [--to DIR] [--keep N]`: a consistent copy while the server runs; N generations kept. */
export async function runBackup(args: string[]): Promise<number> {
  const config = loadConfig();
  const dir = option(args, "--to") ?? config.backupDir ?? "./data/backups";
  const keepText = option(args, "--keep");
  const keep = keepText === undefined ? config.backupKeep : Number(keepText);
  if (!Number.isInteger(keep) || keep < 1) {
    console.error("--keep: a whole number of backups to keep, at least 1");
    return 2;
  }
  const r = backupDatabase(config.databaseUrl, dir, keep);
  console.log(`Backup written: ${r.file} (${(r.bytes / 1_048_576).toFixed(1)} MB)`);
  for (const f of r.removed) console.log(`Removed old backup: ${f}`);
  return 0;
}

/**
 * `tumbuh restore FILE`: the SQLite backup replaces the configured database (stop the server first);
 * a file that is not a Tumbuh database of a known schema version is refused, an older one is migrated.
 */
export async function runRestore(args: string[]): Promise<number> {
  const [file] = args;
  if (!file) {
    console.error("Usage: tumbuh restore FILE");
    return 2;
  }
  const config = loadConfig();
  if (/^postgres(ql)?:\/\//.test(config.databaseUrl)) {
    console.error(
      "PostgreSQL: restore a pg_dump backup with pg_restore --clean --if-exists --no-owner -d <URL> FILE, then run tumbuh migrate (README, Backups).",
    );
    return 2;
  }
  const target = resolve(config.databaseUrl.replace(/^sqlite:/, ""));
  const r = await restoreSqlite(resolve(file), target);
  console.log(`Restored ${file} to ${target}.`);
  if (r.migrated.length) console.log(`Brought up to date: ${r.migrated.join(", ")}`);
  if (r.previous) console.log(`The database it replaced is kept as ${r.previous}`);
  return 0;
}
