/**
 * npm run bench:start — the first start with the demo (issue 18 goal: under 20 s): `tumbuh start` on a fresh
 * SQLite file in a temporary folder (migrate, create the 25k-child demo, listen), without the web build that
 * `npm start` runs first. Prints the seconds until the server answers, the seconds until the background job
 * has built the dashboards' first figures, and the server's CPU seconds at both moments (the machine may be
 * shared: CPU time says what wall time would be on an idle one). BENCH_RUNS (1) starts; medians printed.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";

const RUNS = Number(process.env.BENCH_RUNS ?? 1);
const GOAL_S = 20;
const CLI = new URL("../../cli/bin/tumbuh.js", import.meta.url).pathname;
const TICKS = 100; // clock ticks per second of /proc/<pid>/stat (Linux default)

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** User + system CPU seconds of a process and the children it waited for (Linux /proc). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  // After "pid (comm) ": state is field 0, utime 11, stime 12, cutime 13, cstime 14.
  return [11, 12, 13, 14].reduce((s, i) => s + Number(fields[i] ?? 0), 0) / TICKS;
}

function figuresBuilt(file: string): boolean {
  try {
    const db = new SQLite(file, { readonly: true, fileMustExist: true });
    try {
      return !!db.prepare("select built_at from indicator_freshness where id = 1").get();
    } finally {
      db.close();
    }
  } catch {
    return false; // not migrated yet
  }
}

interface Start {
  listening: number;
  /** CPU seconds used until it answered (migrate, the demo, listen). */
  listeningCpu: number;
  figures: number;
  cpu: number;
}

async function oneStart(): Promise<Start> {
  const dir = mkdtempSync(join(tmpdir(), "tumbuh-bench-start-"));
  const file = join(dir, "demo.db");
  const port = await freePort();
  const t0 = performance.now();
  const server = spawn(process.execPath, [CLI, "start"], {
    env: {
      ...process.env,
      TUMBUH_DATABASE_URL: file,
      TUMBUH_PORT: String(port),
      TUMBUH_LOG_LEVEL: "silent",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    let out = "";
    server.stdout?.on("data", (d) => {
      out += String(d);
    });
    let listening = Number.NaN;
    let listeningCpu = Number.NaN;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`tumbuh start exited:\n${out}`);
      if (Number.isNaN(listening)) {
        const ok = await fetch(`http://127.0.0.1:${port}/api/me`)
          .then((r) => r.status < 500)
          .catch(() => false);
        if (ok) {
          listening = (performance.now() - t0) / 1000;
          listeningCpu = server.pid ? cpuSeconds(server.pid) : Number.NaN;
        }
      } else if (figuresBuilt(file)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const figures = (performance.now() - t0) / 1000;
    const cpu = server.pid ? cpuSeconds(server.pid) : Number.NaN;
    return { listening, listeningCpu, figures, cpu };
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
    rmSync(dir, { recursive: true, force: true });
  }
}

const runs: Start[] = [];
for (let i = 0; i < RUNS; i++) {
  const r = await oneStart();
  runs.push(r);
  console.log(
    `run ${i + 1}: answering after ${r.listening.toFixed(1)} s (${r.listeningCpu.toFixed(1)} s CPU), first figures after ${r.figures.toFixed(1)} s (${r.cpu.toFixed(1)} s CPU)`,
  );
}
const m = median(runs.map((r) => r.listening));
console.log(
  `first start with the demo: median ${m.toFixed(1)} s (${median(runs.map((r) => r.listeningCpu)).toFixed(1)} s CPU) until it answers, ${median(runs.map((r) => r.figures)).toFixed(1)} s (${median(runs.map((r) => r.cpu)).toFixed(1)} s CPU) until the first figures (${RUNS} runs); goal < ${GOAL_S} s: ${m < GOAL_S ? "met" : "NOT met"}`,
);
