import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syntheticEppgbm } from "../../../bench/eppgbm-file";
import { buildApp } from "../../app";
import { type Db, openDatabase } from "../../db/database";
import { migrateToLatest } from "../../db/migrate";
import { DEMO_PASSWORD, ensureDemo } from "../../demo/demo";
import { TEST_CONFIG } from "../../testing/config";
import { JOB_HANDLERS } from "..";
import { LoginThrottle } from "../auth/rate-limit";
import { JobRunner } from "../jobs/runner";

/**
 * Issue 18: a CLI import holding the write lock made API writes fail with "database is locked" after 5 s.
 * Here a real database file, the job worker thread importing a big file in short chunks, and the API
 * registering children all the while: every write must succeed.
 */
describe("an import in the job worker while the API writes (SQLite file)", () => {
  let dir: string;
  let db: Db;
  let app: FastifyInstance;
  let runner: JobRunner;
  let cookie: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "tumbuh-import-worker-"));
    const url = join(dir, "tumbuh.db");
    db = openDatabase(url);
    await migrateToLatest(db.kysely);
    await ensureDemo(db.kysely, { children: 0 });
    runner = new JobRunner({
      db: db.kysely,
      handlers: JOB_HANDLERS,
      databaseUrl: url,
      spoolDir: join(dir, "spool"),
    });
    app = await buildApp({
      db: db.kysely,
      config: TEST_CONFIG,
      throttle: new LoginThrottle(db.kysely),
      jobs: runner,
    });
    const login = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "admin", password: DEMO_PASSWORD },
    });
    cookie = login.cookies.find((c) => c.name === "tumbuh_session")?.value ?? "";
  }, 60_000);
  afterAll(async () => {
    await runner?.close();
    await app?.close();
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("every API write during the import succeeds, and the import stores its rows", async () => {
    const file = Buffer.from(syntheticEppgbm(12_000, "2026-08"));
    const started = await app.inject({
      method: "POST",
      url: "/api/imports/measurements?fileName=agustus.csv",
      headers: { "content-type": "application/octet-stream" },
      cookies: { tumbuh_session: cookie },
      payload: file,
    });
    expect(started.statusCode).toBe(202);
    const jobId = started.json().jobId as string;
    const status = async () =>
      (
        await app.inject({ method: "GET", url: `/api/jobs/${jobId}`, cookies: { tumbuh_session: cookie } })
      ).json() as {
        status: string;
        progress: { done: number };
        result: { stored: { measurements: number } };
      };

    const writes: { status: number; ms: number; duringStore: boolean }[] = [];
    let job = await status();
    for (let i = 0; job.status === "queued" || job.status === "running"; i++) {
      const t = performance.now();
      const res = await app.inject({
        method: "POST",
        url: "/api/persons",
        cookies: { tumbuh_session: cookie },
        payload: { regionCode: "64.01.05.2003", name: `Anak Uji ${i}`, sex: 1, birthDate: "2025-03-02" },
      });
      writes.push({ status: res.statusCode, ms: performance.now() - t, duringStore: job.progress.done > 0 });
      expect(res.statusCode, res.body).toBe(201);
      await new Promise((r) => setTimeout(r, 50));
      job = await status();
    }
    expect(job.status).toBe("done");
    expect(job.result.stored.measurements).toBe(12_000);
    // Writes overlapped the import's storing (the write lock changes hands between its chunks).
    expect(writes.filter((w) => w.duringStore).length).toBeGreaterThan(0);
    console.log(
      `import-worker: ${writes.length} API writes during the import, longest ${Math.round(Math.max(...writes.map((w) => w.ms)))} ms`,
    );
  }, 300_000);
});
