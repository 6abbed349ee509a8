import type { Config } from "../config";
import { backupDatabase, newestBackupAt } from "./backup";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The server's daily backup, when TUMBUH_BACKUP_DIR is set: checked a minute after start and then every
 * hour, a backup is taken when the newest one in the folder is a day old (so a restart does not add one,
 * and a server that was down takes one soon after it is back). Returns the function that stops it.
 */
export function scheduleBackups(config: Config, log: (message: string) => void = console.log): () => void {
  const dir = config.backupDir;
  if (!dir) return () => {};
  const run = () => {
    const newest = newestBackupAt(dir);
    if (newest && Date.now() - newest.getTime() < DAY) return;
    try {
      const r = backupDatabase(config.databaseUrl, dir, config.backupKeep);
      log(
        `Backup written: ${r.file} (${r.bytes} bytes)${r.removed.length ? `; removed ${r.removed.length} old` : ""}`,
      );
    } catch (e) {
      log(`Backup failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const first = setTimeout(run, 60_000);
  const every = setInterval(run, HOUR);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
