/**
 * npm run bench:scorecard [-- DEMO_DB] — the KPM scorecard of the demo regency (25,000 children) for one
 * month, as the page asks for it (issue 14: regency < 200 ms, desa < 20 ms): the regency and a kecamatan
 * from the stored per-desa figures, a desa scored live; and, for comparison, the regency and a quarter
 * scored live (the way every request went before). Medians of BENCH_RUNS (5) after a warm-up, wall and CPU.
 *
 * Reads a copy of DEMO_DB (an SQLite file made by `tumbuh demo`) or creates the demo first. With
 * BENCH_POSTGRES=1 it also copies the demo into a throwaway PostgreSQL cluster and measures there.
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SYSTEM_ACTOR, shiftMonth, todayIso } from "@tumbuh/core";
import { sql } from "kysely";
import { type Db, openDatabase } from "../src/db/database";
import { migrateToLatest } from "../src/db/migrate";
import { ensureDemo } from "../src/demo/demo";
import { refreshAggregates } from "../src/features/indicators/aggregates";
import { figuresFreshness } from "../src/features/indicators/freshness";
import { buildScorecard } from "../src/features/services/scorecard";
import { scorecardView } from "../src/features/services/scorecard-figures";
import { startPostgresCluster } from "../src/testing/postgres-cluster";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function bench(db: Db, name: string): Promise<void> {
  const today = todayIso();
  let t = performance.now();
  const built = await refreshAggregates(db.kysely, today);
  console.log(
    `[${name}] figures rebuilt for ${built} desa in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  const month = shiftMonth(today.slice(0, 7), -1);
  const q = Math.floor((Number(month.slice(5)) - 1) / 3) + 1;
  const quarter = `${month.slice(0, 4)}-Q${q}`;
  // No job runner: a read finding the figures behind would rebuild here (they are fresh: nothing is written).
  const freshness = () => figuresFreshness(db.kysely, null, today);
  const stored = (code: string, period: string) =>
    scorecardView(db.kysely, SYSTEM_ACTOR, code, period, freshness, today);
  const live = async (code: string, period: string) =>
    (await buildScorecard(db.kysely, SYSTEM_ACTOR, code, period)).view;
  for (const [label, code, period, how, goal] of [
    ["regency, one month (stored)", "64.01", month, stored, 200],
    ["kecamatan Kuaro, one month (stored)", "64.01.05", month, stored, null],
    ["desa Sandeley, one month (live)", "64.01.05.2003", month, stored, 20],
    ["regency, one month (live, as before)", "64.01", month, live, null],
    ["regency, a quarter (live)", "64.01", quarter, stored, null],
  ] as const) {
    const wall: number[] = [];
    const cpu: number[] = [];
    let summary = "";
    for (let i = 0; i <= RUNS; i++) {
      t = performance.now();
      const c = process.cpuUsage();
      // The JSON the route sends is part of the cost.
      const view = await how(code, period);
      JSON.stringify(view);
      const u = process.cpuUsage(c);
      if (i > 0) {
        wall.push(performance.now() - t);
        cpu.push((u.user + u.system) / 1000);
      }
      summary = `${view.totals.targets.toLocaleString("en")} targets, ${view.totals.percent?.toFixed(1)} %${view.freshness ? "" : ", live"}`;
    }
    const w = median(wall);
    const verdict = goal === null ? "" : `; goal < ${goal} ms: ${w < goal ? "met" : "NOT met"}`;
    console.log(
      `[${name}] ${label} (${period}): median ${w.toFixed(1)} ms wall, ${median(cpu).toFixed(1)} ms CPU — ${summary}${verdict}`,
    );
  }
}

/** Every table of the SQLite demo into a migrated PostgreSQL database (triggers and checks off meanwhile). */
async function copyInto(from: Db, to: Db): Promise<void> {
  const tables = (
    await sql<{ name: string }>`select name from sqlite_master where type = 'table'
      and name not like 'sqlite_%' and name not like 'kysely_%'`.execute(from.kysely)
  ).rows.map((r) => r.name);
  await sql`set session_replication_role = replica`.execute(to.kysely);
  for (const table of tables) {
    await sql`delete from ${sql.table(table)}`.execute(to.kysely);
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(from.kysely))
      .rows;
    const width = Math.max(1, Object.keys(rows[0] ?? {}).length);
    const chunk = Math.floor(30_000 / width);
    for (let i = 0; i < rows.length; i += chunk)
      await to.kysely
        .insertInto(table as never)
        .values(rows.slice(i, i + chunk) as never)
        .execute();
  }
  await sql`set session_replication_role = origin`.execute(to.kysely);
}

const dir = mkdtempSync(join(tmpdir(), "tumbuh-bench-scorecard-"));
const file = join(dir, "demo.db");
try {
  const source = process.argv[2];
  if (source) copyFileSync(source, file);
  const db = openDatabase(file);
  await migrateToLatest(db.kysely);
  if (!source) await ensureDemo(db.kysely, { log: () => {} });
  await bench(db, "SQLite");
  if (process.env.BENCH_POSTGRES === "1") {
    const cluster = await startPostgresCluster();
    const pg = openDatabase(cluster.url);
    try {
      await migrateToLatest(pg.kysely);
      const t = performance.now();
      await copyInto(db, pg);
      await sql`analyze`.execute(pg.kysely);
      console.log(`[PostgreSQL] demo copied in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      await bench(pg, "PostgreSQL");
    } finally {
      await pg.close();
      cluster.stop();
    }
  }
  await db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
