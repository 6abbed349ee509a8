import { mkdtempSync, rmSync } from "node:fs";
import { getPriority, tmpdir } from "node:os";
import { join } from "node:path";
import type { Actor } from "@tumbuh/core";
import { afterEach, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "../../db/database";
import { migrateToLatest } from "../../db/migrate";
import { JOB_HANDLERS } from "../../testing/job-fixtures";
import { JobRunner } from "./runner";
import { jobView } from "./service";

const FIXTURES = new URL("../../testing/job-fixtures.ts", import.meta.url).href;
const kader: Actor = {
  userId: "u-kader",
  username: "kader.melati",
  displayName: "Kader Melati",
  assignments: [{ role: "kader_posyandu", scope: "64.01.05.2003" }],
};

async function view(db: Db, runner: JobRunner, id: string) {
  await runner.idle();
  return jobView(
    await db.kysely.selectFrom("jobs").selectAll().where("id", "=", id).executeTakeFirstOrThrow(),
  );
}

describe("job runner in this thread (in-memory databases)", () => {
  let db: Db;
  afterEach(() => db?.close());

  async function setUp() {
    db = openDatabase(":memory:");
    await migrateToLatest(db.kysely);
    return new JobRunner({ db: db.kysely, handlers: JOB_HANDLERS, databaseUrl: null });
  }

  it("runs a job after the submitting request and stores its answer and progress", async () => {
    const runner = await setUp();
    const id = await runner.submit({
      kind: "test.echo",
      input: { word: "timbang" },
      actor: kader,
      file: Buffer.from("abc"),
    });
    const queued = jobView(
      await db.kysely.selectFrom("jobs").selectAll().where("id", "=", id).executeTakeFirstOrThrow(),
    );
    expect(queued.status).toBe("queued");
    const done = await view(db, runner, id);
    expect(done.status).toBe("done");
    expect(done.result).toEqual({ word: "timbang", bytes: 3, regions: 0, by: "kader.melati" });
    expect(done.progress).toEqual({ done: 2, total: 2 });
  });

  it("keeps the stable code and field of a refusal, and hides anything else behind 'internal'", async () => {
    const runner = await setUp();
    const refused = await view(
      db,
      runner,
      await runner.submit({ kind: "test.refuse", input: {}, actor: kader }),
    );
    expect(refused.status).toBe("failed");
    expect(refused.error).toMatchObject({ code: "validation", field: "file" });
  });

  it("refuses a fourth waiting job of one user (a retrying phone cannot fill the queue)", async () => {
    const runner = await setUp();
    for (let i = 0; i < 3; i++) await runner.submit({ kind: "test.spin", input: { ms: 1 }, actor: kader });
    await expect(runner.submit({ kind: "test.spin", input: { ms: 1 }, actor: kader })).rejects.toMatchObject({
      code: "too_many_requests",
    });
    await runner.idle();
    await expect(runner.submit({ kind: "test.spin", input: { ms: 1 }, actor: kader })).resolves.toBeTruthy();
    await runner.idle();
  });

  it("marks jobs a stopped server left waiting or running as failed when it starts again", async () => {
    const runner = await setUp();
    const id = await runner.submit({ kind: "test.spin", input: { ms: 1 }, actor: kader });
    await db.kysely.updateTable("jobs").set({ status: "running" }).where("id", "=", id).execute();
    await runner.idle();
    await db.kysely
      .updateTable("jobs")
      .set({ status: "running", finished_at: null })
      .where("id", "=", id)
      .execute();
    await new JobRunner({ db: db.kysely, handlers: JOB_HANDLERS, databaseUrl: null }).start();
    const after = await view(db, runner, id);
    expect(after.status).toBe("failed");
    expect(after.error?.code).toBe("job_failed");
  });
});

describe("job runner in a worker thread (database files)", () => {
  let dir: string;
  let db: Db;
  let runner: JobRunner;
  afterEach(async () => {
    await runner?.close();
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function setUp(memoryLimitMb?: number) {
    dir = mkdtempSync(join(tmpdir(), "tumbuh-jobs-test-"));
    const url = join(dir, "tumbuh.db");
    db = openDatabase(url);
    await migrateToLatest(db.kysely);
    runner = new JobRunner({
      db: db.kysely,
      handlers: JOB_HANDLERS,
      databaseUrl: url,
      handlerModules: [FIXTURES],
      spoolDir: join(dir, "spool"),
      ...(memoryLimitMb ? { memoryLimitMb } : {}),
    });
    return runner;
  }

  it("runs the job on its own connection and hands the uploaded file over", async () => {
    await setUp();
    await db.kysely
      .insertInto("regions")
      .values({
        code: "64",
        name: "Kalimantan Timur",
        level: "provinsi",
        kind: "provinsi",
        parent_code: null,
        source: "t",
        created_at: "2026-01-01T00:00:00Z",
      })
      .execute();
    const id = await runner.submit({
      kind: "test.echo",
      input: { word: "ukur" },
      actor: kader,
      file: Buffer.alloc(1000),
    });
    const done = await view(db, runner, id);
    expect(done.result).toEqual({ word: "ukur", bytes: 1000, regions: 1, by: "kader.melati" });
  }, 30_000);

  it("leaves the event loop free while a job computes", async () => {
    await setUp();
    // Warm the worker first: its start (loading the sources) is not what is measured.
    await view(db, runner, await runner.submit({ kind: "test.spin", input: { ms: 1 }, actor: kader }));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    const id = await runner.submit({ kind: "test.spin", input: { ms: 1500 }, actor: kader });
    await view(db, runner, id);
    clearInterval(timer);
    // Inline, a 1.5 s loop would allow no tick at all; in the worker the main thread ticks throughout.
    expect(ticks).toBeGreaterThan(30);
  }, 30_000);

  it.runIf(process.platform === "linux")(
    "runs jobs on a nicer thread than the requests' (a rebuild on a shared core must not slow every answer)",
    async () => {
      await setUp();
      const before = getPriority();
      const done = await view(
        db,
        runner,
        await runner.submit({ kind: "test.niceness", input: {}, actor: kader }),
      );
      expect(done.result).toEqual({ niceness: Math.max(before, 10) });
      // Only the job's thread: the request thread keeps its priority.
      expect(getPriority()).toBe(before);
    },
    30_000,
  );

  it("a job that runs out of memory fails alone; the next job runs in a fresh worker", async () => {
    await setUp(64);
    const hog = await view(db, runner, await runner.submit({ kind: "test.hog", input: {}, actor: kader }));
    expect(hog.status).toBe("failed");
    expect(hog.error?.code).toBe("job_failed");
    const next = await view(
      db,
      runner,
      await runner.submit({ kind: "test.echo", input: { word: "lagi" }, actor: kader }),
    );
    expect(next.status).toBe("done");
  }, 60_000);
});
