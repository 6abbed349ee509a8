export { SYSTEM_ACTOR } from "@tumbuh/core";
export { buildApp } from "./app";
export { type Config, loadConfig } from "./config";
export { type Db, openDatabase } from "./db/database";
export { migrateToLatest } from "./db/migrate";
export { DEMO_PASSWORD, DEMO_USERS, ensureDemo } from "./demo/demo";
export { AppError } from "./errors";
export { importRegions } from "./features/regions/service";
export { createUser } from "./features/users/service";
