import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  buildApp,
  DEMO_PASSWORD,
  DEMO_USERS,
  ensureDemo,
  loadConfig,
  migrateToLatest,
  openDatabase,
  scheduleBackups,
} from "@tumbuh/server";
import { openMigrated } from "../database";

const WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "web", "dist");

export async function runMigrate(): Promise<number> {
  const config = loadConfig();
  const db = openDatabase(config.databaseUrl);
  try {
    const applied = await migrateToLatest(db.kysely);
    console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Schema is up to date.");
    return 0;
  } finally {
    await db.close();
  }
}

export async function runDemo(): Promise<number> {
  const db = await openMigrated();
  try {
    const created = await ensureDemo(db.kysely);
    console.log(created ? "Demo regency created." : "The database already has users; demo not created.");
    if (created) printDemoLogins();
    return 0;
  } finally {
    await db.close();
  }
}

function printDemoLogins(): void {
  console.log(`\nDemo log-ins (password for all: ${DEMO_PASSWORD}):`);
  for (const u of DEMO_USERS) console.log(`  ${u.username.padEnd(16)} ${u.role.padEnd(16)} ${u.scope}`);
}

export async function runServe(_args: string[], withDemo = false): Promise<number> {
  const config = loadConfig({ TUMBUH_WEB_DIST: WEB_DIST, ...process.env });
  const db = await openMigrated(config);
  if (withDemo) {
    // The dashboards' figures are built by the background job once the server listens.
    const created = await ensureDemo(db.kysely, { figuresLater: true });
    if (created) console.log("Demo regency Kabupaten Paser created.");
    printDemoLogins();
  }
  // Dashboard figures are rebuilt by a background job (after the month turns, after imports and writes).
  const app = await buildApp({
    db: db.kysely,
    config,
    logger: config.logLevel !== "silent",
    keepFiguresFresh: true,
  });
  let stopBackups = () => {};
  const close = async () => {
    stopBackups();
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once("SIGINT", close);
  process.once("SIGTERM", close);
  await app.listen({ host: config.host, port: config.port });
  // The daily backup, when TUMBUH_BACKUP_DIR is set (README, Backups).
  stopBackups = scheduleBackups(config);
  const url = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port}/`;
  console.log(`\nTumbuh is running at ${url}  (database: ${db.dialect})`);
  if (!config.webDist) console.log("(The web app is not built: npm run build:web)");
  // Keep running until a signal arrives.
  await new Promise(() => {});
  return 0;
}

export function runStart(args: string[]): Promise<number> {
  return runServe(args, true);
}
