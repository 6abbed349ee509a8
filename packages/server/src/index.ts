export { buildApp } from "./app";
export { type Config, loadConfig } from "./config";
export { type Db, openDatabase } from "./db/database";
export { migrateToLatest } from "./db/migrate";
export { SYSTEM_ACTOR } from "@tumbuh/core";
export { createUser } from "./features/users/service";
export { importRegions } from "./features/regions/service";
export { AppError } from "./errors";
export { DEMO_PASSWORD, DEMO_USERS, ensureDemo } from "./demo/demo";
