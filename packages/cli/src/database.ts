import {
  type Config,
  type Db,
  loadConfig,
  migrateToLatest,
  openDatabase,
  setPasswordCost,
} from "@tumbuh/server";

/**
 * Open the configured database with its schema up to date. Every command that writes users (start, serve,
 * demo, user add) comes through here, so this is where the configured password cost takes effect.
 */
export async function openMigrated(config: Config = loadConfig()): Promise<Db> {
  setPasswordCost(config.passwordCost);
  const db = openDatabase(config.databaseUrl);
  await migrateToLatest(db.kysely);
  return db;
}
