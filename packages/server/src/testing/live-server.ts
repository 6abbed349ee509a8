import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../app";
import { DATA_DIR } from "../data-files";
import { type Db, openDatabase } from "../db/database";
import { migrateToLatest } from "../db/migrate";
import { ensureDemo } from "../demo/demo";
import type { DemoPopulationOptions } from "../demo/population";
import { TEST_CONFIG } from "./api";

export const WEB_DIST = join(DATA_DIR, "..", "packages", "web", "dist");

/**
 * The real server on a loopback port with a fresh SQLite file holding the demo regency, serving the built PWA.
 * `population` adds the demo's synthetic children (default none).
 */
export async function startLiveServer(population: DemoPopulationOptions = { children: 0 }): Promise<{
  url: string;
  app: FastifyInstance;
  /** The database behind it, for tests that seed more data. */
  db: Db;
  stop(): Promise<void>;
}> {
  if (!existsSync(join(WEB_DIST, "index.html")))
    throw new Error("build the web app first: npm run build:web");
  const dir = mkdtempSync(join(tmpdir(), "tumbuh-e2e-"));
  const db = openDatabase(join(dir, "tumbuh.db"));
  await migrateToLatest(db.kysely);
  await ensureDemo(db.kysely, population);
  const app = await buildApp({ db: db.kysely, config: { ...TEST_CONFIG, webDist: WEB_DIST } });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    db,
    async stop() {
      await app.close();
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
