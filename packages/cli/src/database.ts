import { type Config, type Db, loadConfig, migrateToLatest, openDatabase } from "@tumbuh/server";

/** Open the configured database with its schema up to date. */
export async function openMigrated(config: Config = loadConfig()): Promise<Db> {
  const db = openDatabase(config.databaseUrl);
  await migrateToLatest(db.kysely);
  return db;
}
