import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Db, openDatabase } from "../../db/database";
import { migrateToLatest } from "../../db/migrate";
import { ensureDemo } from "../../demo/demo";
import { referenceRebuildAll } from "../../testing/reference-aggregates";
import { rebuildDesas } from "./aggregates";
import { sideCountsAnswered } from "./side-counts";

const TODAY = "2025-07-15";
const DESA = ["64.01.05.2003", "64.01.05.2002", "64.01.03.2003"];

// On an SQLite file (the other thread opens its own connection to it; an in-memory database cannot be shared).
let dir: string;
let db: Db;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tumbuh-side-counts-"));
  db = openDatabase(join(dir, "t.db"));
  await migrateToLatest(db.kysely);
  await ensureDemo(db.kysely, { children: 150, desa: DESA, today: TODAY, log: () => {} });
}, 120_000);
afterAll(async () => {
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const rows = async () => ({
  periods: await db.kysely
    .selectFrom("indicator_desa_periods")
    .selectAll()
    .orderBy(["desa_code", "period"])
    .execute(),
  services: await db.kysely
    .selectFrom("indicator_desa_services")
    .selectAll()
    .orderBy(["desa_code", "code", "period"])
    .execute(),
});

it("a regency-wide rebuild counting services and records in another thread writes what one thread counts", async () => {
  await referenceRebuildAll(db.kysely, TODAY);
  const reference = await rows();
  expect(reference.services.length).toBeGreaterThan(20);
  const before = sideCountsAnswered();
  // 0: the regency-wide way for any number of desa, which asks the other thread.
  await rebuildDesas(db.kysely, DESA, TODAY, 0);
  expect(sideCountsAnswered()).toBe(before + 1);
  expect(await rows()).toEqual(reference);
}, 120_000);
