import type { Config } from "../config";

/**
 * The configuration tests run with. Password hashes at the lowest cost: the demo and the factories create
 * users in nearly every server suite (see ./setup.ts, which applies it before any test file runs).
 */
export const TEST_CONFIG: Config = {
  databaseUrl: ":memory:",
  host: "127.0.0.1",
  port: 0,
  cookieSecure: false,
  logLevel: "silent",
  webDist: undefined,
  passwordCost: 10,
  // Tests inject requests from 127.0.0.1 and name the client address in X-Forwarded-For.
  trustProxy: "loopback",
  allowedOrigins: [],
  backupDir: undefined,
  backupKeep: 7,
};
