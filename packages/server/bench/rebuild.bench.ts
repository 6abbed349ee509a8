/**
 * npm run bench:rebuild [-- DEMO_DB] — a full rebuild of the dashboards' per-desa figures for every desa of
 * the demo regency (144 desa, 25k children). Reads a copy of DEMO_DB (an SQLite file made by
 * `tumbuh demo`), or creates the demo in a temporary folder first. Prints the median of BENCH_RUNS (3)
 * rebuilds, wall and CPU time. Goal (issue 18): < 3 s.
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { todayIso } from "@tumbuh/core";
import { openDatabase } from "../src/db/database";
import { migrateToLatest } from "../src/db/migrate";
import { ensureDemo } from "../src/demo/demo";
import { rebuildAll } from "../src/features/indicators/aggregates";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const GOAL_S = 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const dir = mkdtempSync(join(tmpdir(), "tumbuh-bench-rebuild-"));
const file = join(dir, "demo.db");
try {
  const source = process.argv[2];
  if (source) copyFileSync(source, file);
  const db = openDatabase(file);
  await migrateToLatest(db.kysely);
  if (!source) await ensureDemo(db.kysely, { log: () => {} });
  const today = todayIso();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await rebuildAll(db.kysely, today);
    wall.push((performance.now() - t0) / 1000);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1e6);
    console.log(`run ${i + 1}: ${wall.at(-1)?.toFixed(2)} s wall, ${cpu.at(-1)?.toFixed(2)} s CPU`);
  }
  const m = median(wall);
  console.log(
    `full rebuild, 144 desa: median ${m.toFixed(2)} s wall, ${median(cpu).toFixed(2)} s CPU (${RUNS} runs); goal < ${GOAL_S} s: ${m < GOAL_S ? "met" : "NOT met"}`,
  );
  await db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
