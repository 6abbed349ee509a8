/**
 * npm run bench:scorecard — the demo regency (25,000 children) on a fresh SQLite file: how long the demo's
 * service records take to create, then the scorecard of the regency, a kecamatan and a desa for one month
 * and a quarter (medians of 3 runs after a warm-up).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SYSTEM_ACTOR, shiftMonth } from "@tumbuh/core";
import { openDatabase } from "../src/db/database";
import { migrateToLatest } from "../src/db/migrate";
import { ensureDemo } from "../src/demo/demo";
import { buildScorecard } from "../src/features/services/scorecard";

const dir = mkdtempSync(join(tmpdir(), "tumbuh-bench-scorecard-"));
const db = openDatabase(join(dir, "bench.db"));
try {
  await migrateToLatest(db.kysely);
  let t = performance.now();
  await ensureDemo(db.kysely);
  console.log(`demo (population + service records): ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const records = await db.kysely
    .selectFrom("service_records")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  console.log(`service records: ${Number(records.n).toLocaleString("en")}`);
  const lastMonth = shiftMonth(new Date().toISOString().slice(0, 7), -1);
  const q = Math.floor((Number(lastMonth.slice(5)) - 1) / 3) + 1;
  for (const [label, code, period] of [
    ["regency, one month", "64.01", lastMonth],
    ["regency, a quarter", "64.01", `${lastMonth.slice(0, 4)}-Q${q}`],
    ["kecamatan Kuaro, one month", "64.01.05", lastMonth],
    ["desa Sandeley, one month", "64.01.05.2003", lastMonth],
  ] as const) {
    const times: number[] = [];
    const cpu: number[] = [];
    let summary = "";
    for (let i = 0; i < 4; i++) {
      t = performance.now();
      const c = process.cpuUsage();
      const { view } = await buildScorecard(db.kysely, SYSTEM_ACTOR, code, period);
      const u = process.cpuUsage(c);
      if (i > 0) {
        times.push(performance.now() - t);
        cpu.push((u.user + u.system) / 1000);
      }
      summary = `${view.totals.targets.toLocaleString("en")} targets, ${view.totals.percent?.toFixed(1)} %`;
    }
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    // CPU time too: on a shared machine the wall clock mostly measures the neighbours.
    console.log(
      `${label} (${period}): ${(times[1] ?? 0).toFixed(0)} ms wall, ${(cpu[1] ?? 0).toFixed(0)} ms CPU — ${summary}`,
    );
  }
} finally {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}
