import { resolve } from "node:path";
import { z } from "zod";

/**
 * Configuration comes only from environment variables, read once and validated; a bad value stops
 * start-up with a message naming the variable.
 */
const Env = z.object({
  TUMBUH_DATABASE_URL: z.string().min(1).default("./data/tumbuh.db"),
  TUMBUH_HOST: z.string().min(1).default("127.0.0.1"),
  TUMBUH_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Set to "true" behind TLS so the session cookie is marked Secure. */
  TUMBUH_COOKIE_SECURE: z.enum(["true", "false"]).default("false"),
  TUMBUH_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** The built PWA; served at / when it exists. */
  TUMBUH_WEB_DIST: z.string().optional(),
  /** The DHIS2 mapping file the dashboard's DHIS2 download uses (default: data/dhis2/mapping-example.json). */
  TUMBUH_DHIS2_MAPPING: z.string().optional(),
  /**
   * scrypt cost of new password hashes as log2 N (bounds and default as in features/auth/password.ts).
   * Leave it at 15 in production; tests and development lower it so creating users is quick. Existing
   * hashes verify whatever it is set to.
   */
  TUMBUH_PASSWORD_COST: z.coerce.number().int().min(10).max(20).default(15),
  /**
   * Proxies whose X-Forwarded-For / -Proto are believed (Fastify `trustProxy`: "loopback", addresses or
   * CIDRs, comma-separated). Unset: none, so a client cannot pick the address the login throttle counts.
   */
  TUMBUH_TRUST_PROXY: z.string().optional(),
  /** Origins besides the server's own host allowed to send state-changing requests (comma-separated). */
  TUMBUH_ALLOWED_ORIGINS: z.string().optional(),
  /** Folder for the server's daily backup; unset = no automatic backup (`tumbuh backup` still works). */
  TUMBUH_BACKUP_DIR: z.string().optional(),
  /** Backup generations kept in TUMBUH_BACKUP_DIR (oldest removed first). */
  TUMBUH_BACKUP_KEEP: z.coerce.number().int().min(1).max(365).default(7),
});

export interface Config {
  databaseUrl: string;
  host: string;
  port: number;
  cookieSecure: boolean;
  logLevel: string;
  webDist: string | undefined;
  /** scrypt cost (log2 N) of new password hashes; see features/auth/password.ts. */
  passwordCost: number;
  /** Fastify `trustProxy`; false = X-Forwarded-* ignored. */
  trustProxy: string | false;
  /** Extra origins (scheme://host[:port]) allowed to send state-changing requests. */
  allowedOrigins: string[];
  backupDir: string | undefined;
  backupKeep: number;
  /** Path of the DHIS2 mapping file; undefined = the shipped example (features/dhis2). */
  dhis2Mapping?: string | undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.TUMBUH_DATABASE_URL,
    host: e.TUMBUH_HOST,
    port: e.TUMBUH_PORT,
    cookieSecure: e.TUMBUH_COOKIE_SECURE === "true",
    logLevel: e.TUMBUH_LOG_LEVEL,
    webDist: e.TUMBUH_WEB_DIST ? resolve(e.TUMBUH_WEB_DIST) : undefined,
    passwordCost: e.TUMBUH_PASSWORD_COST,
    trustProxy: e.TUMBUH_TRUST_PROXY?.trim() ? e.TUMBUH_TRUST_PROXY.trim() : false,
    allowedOrigins: (e.TUMBUH_ALLOWED_ORIGINS ?? "")
      .split(",")
      .map((o) => o.trim().replace(/\/+$/, ""))
      .filter((o) => o !== ""),
    backupDir: e.TUMBUH_BACKUP_DIR ? resolve(e.TUMBUH_BACKUP_DIR) : undefined,
    backupKeep: e.TUMBUH_BACKUP_KEEP,
    dhis2Mapping: e.TUMBUH_DHIS2_MAPPING ? resolve(e.TUMBUH_DHIS2_MAPPING) : undefined,
  };
}
