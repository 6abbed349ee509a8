/**
 * npm run bench:social-mapping — the demo regency (25,000 children) on a fresh SQLite file, then the
 * village social mapping a planning meeting shows (registry targets, scorecard gaps of the latest complete
 * month, families at risk of the semester) for Sandeley and for the desa holding most people
 * (medians of 3 runs after a warm-up; wall clock and CPU, since the machine is shared).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SYSTEM_ACTOR } from "@tumbuh/core";
import { sql } from "kysely";
import { openDatabase } from "../src/db/database";
import { migrateToLatest } from "../src/db/migrate";
import { ensureDemo } from "../src/demo/demo";
import { socialMappingOf } from "../src/features/planning/social-mapping";

const dir = mkdtempSync(join(tmpdir(), "tumbuh-bench-mapping-"));
const db = openDatabase(join(dir, "bench.db"));
try {
  await migrateToLatest(db.kysely);
  let t = performance.now();
  await ensureDemo(db.kysely);
  console.log(`demo: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  // A desa code has four segments ("64.01.05.2003"): the first 13 characters of every code below it.
  const biggest = await db.kysely
    .selectFrom("persons")
    .select([sql<string>`substr(region_code, 1, 13)`.as("desa"), (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy(sql`substr(region_code, 1, 13)`)
    .orderBy("n", "desc")
    .executeTakeFirstOrThrow();
  const today = new Date().toISOString().slice(0, 10);
  for (const [label, code] of [
    ["desa Sandeley", "64.01.05.2003"],
    [`biggest desa ${biggest.desa} (${Number(biggest.n).toLocaleString("en")} people)`, biggest.desa],
  ] as const) {
    const times: number[] = [];
    const cpu: number[] = [];
    let summary = "";
    for (let i = 0; i < 4; i++) {
      t = performance.now();
      const c = process.cpuUsage();
      const m = await socialMappingOf(db.kysely, SYSTEM_ACTOR, code, today);
      const u = process.cpuUsage(c);
      if (i > 0) {
        times.push(performance.now() - t);
        cpu.push((u.user + u.system) / 1000);
      }
      summary =
        `${m.total.children0to59} children, convergence ${m.total.scorecard.percent?.toFixed(1)} % ` +
        `(${m.total.scorecard.period}), ${m.total.families.atRisk}/${m.total.families.screened} families at risk`;
    }
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    console.log(
      `${label}: ${(times[1] ?? 0).toFixed(0)} ms wall, ${(cpu[1] ?? 0).toFixed(0)} ms CPU — ${summary}`,
    );
  }
} finally {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}
