/**
 * npm run bench:rebuild [-- DEMO_DB] — a full rebuild of the dashboards' per-desa figures for every desa of
 * the demo regency (144 desa, 25k children). Reads a copy of DEMO_DB (an SQLite file made by
 * `tumbuh demo`), or creates the demo in a temporary folder first. Prints the median of BENCH_RUNS (3)
 * rebuilds, wall and CPU time (the process's, and the rebuilding thread's alone): until the dashboards'
 * figures are written (goal, issue 18: < 3 s), and with the scorecard's stored months that follow. The
 * machine may be shared: CPU time is the steadier number.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { todayIso } from "@tumbuh/core";
import { openDatabase } from "../src/db/database";
import { migrateToLatest } from "../src/db/migrate";
import { ensureDemo } from "../src/demo/demo";
import { rebuildAll } from "../src/features/indicators/aggregates";
import { FIGURE_MONTHS } from "../src/features/services/scorecard-figures";

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
  // Two numbers per run: the dashboards' figures (written first; the goal), and the whole rebuild with the
  // KPM scorecard's 12 stored months that follow them (services/scorecard-figures).
  const figures = { wall: [] as number[], cpu: [] as number[] };
  const whole = { wall: [] as number[], cpu: [] as number[] };
  const cpuSince = (c0: NodeJS.CpuUsage) => {
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1e6;
  };
  // This thread's CPU alone (Linux: /proc; elsewhere the process's): a regency's service and record counts
  // run in a second thread meanwhile (indicators/side-counts.ts), and on a busy machine wall time says little —
  // this thread's CPU for the figures is the critical path, the process's is the work.
  const ticks = (): number | null => {
    try {
      const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8").split(") ")[1]?.split(" ");
      return fields ? (Number(fields[11]) + Number(fields[12])) / 100 : null;
    } catch {
      return null;
    }
  };
  const threadCpu = () => ticks() ?? cpuSince({ user: 0, system: 0 });
  const figuresThread: number[] = [];
  // Where the figures' time goes: each part of the counting (wall, and this thread's CPU, seconds per run).
  const parts = new Map<string, { wall: number[]; cpu: number[] }>();
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const thread0 = threadCpu();
    let lap = { wall: t0, cpu: thread0 };
    await rebuildAll(db.kysely, today, {
      part: (name) => {
        const now = { wall: performance.now(), cpu: threadCpu() };
        const p = parts.get(name) ?? { wall: [], cpu: [] };
        p.wall.push((now.wall - lap.wall) / 1000);
        p.cpu.push(now.cpu - lap.cpu);
        parts.set(name, p);
        lap = now;
      },
      figuresDone: () => {
        figures.wall.push((performance.now() - t0) / 1000);
        figures.cpu.push(cpuSince(c0));
        figuresThread.push(threadCpu() - thread0);
      },
    });
    whole.wall.push((performance.now() - t0) / 1000);
    whole.cpu.push(cpuSince(c0));
    console.log(
      `run ${i + 1}: figures ${figures.wall.at(-1)?.toFixed(2)} s wall, ${figures.cpu.at(-1)?.toFixed(2)} s CPU ` +
        `(${figuresThread.at(-1)?.toFixed(2)} s in the rebuilding thread); ` +
        `with the scorecard months ${whole.wall.at(-1)?.toFixed(2)} s wall, ${whole.cpu.at(-1)?.toFixed(2)} s CPU`,
    );
  }
  console.log(
    `the figures' parts, median wall / the rebuilding thread's CPU: ${[...parts]
      .map(([name, p]) => `${name} ${median(p.wall).toFixed(2)} / ${median(p.cpu).toFixed(2)} s`)
      .join(", ")}`,
  );
  const m = median(figures.wall);
  console.log(
    `dashboards' figures, 144 desa: median ${m.toFixed(2)} s wall, ${median(figures.cpu).toFixed(2)} s CPU, ` +
      `${median(figuresThread).toFixed(2)} s of it in the rebuilding thread (${RUNS} runs); goal < ${GOAL_S} s: ${m < GOAL_S ? "met" : "NOT met"}`,
  );
  console.log(
    `whole rebuild with the scorecard's ${FIGURE_MONTHS} stored months: median ${median(whole.wall).toFixed(2)} s wall, ${median(whole.cpu).toFixed(2)} s CPU`,
  );
  await db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
