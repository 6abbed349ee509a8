/**
 * npm run bench:load [-- DEMO_DB] — the probe's mixed load (issue 18) against a live server: `tumbuh serve`
 * as a child process on a copy of DEMO_DB (an SQLite file made by `tumbuh demo`; without one the demo is
 * created first, minutes), 20 clients for BENCH_SECONDS (60), a quarter of the requests writes (new children
 * and their weighings in Desa Sandeley), the rest dashboards (regency, kecamatan, desa), the public page and
 * trivial reads. A third of the way in, every desa of the regency is marked for a rebuild (a regency-wide
 * change), so the background job rebuilds all 144 while the load runs. With BENCH_IMPORT=1 an e-PPGBM file
 * of BENCH_IMPORT_ROWS (20,000) rows is uploaded at the same moment. Prints p50/p95, the error rate, and the
 * longest wait of a trivial request (GET /api/jobs) while the rebuild (and import) ran. Goal: p95 < 300 ms.
 * Also the server's event-loop delay during the load (event-loop-probe.mjs, preloaded) and its CPU time, all
 * threads and the request thread alone per request: on a shared machine wall times follow the other load,
 * those less so. BENCH_PROFILE=DIR writes CPU profiles of the server's threads there.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { openDatabase } from "../src/db/database";
import { migrateToLatest } from "../src/db/migrate";
import { DEMO_PASSWORD, ensureDemo } from "../src/demo/demo";
import { syntheticEppgbm } from "./eppgbm-file";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 20);
const WRITE_SHARE = 0.25;
const GOAL_P95_MS = 300;
const CLI = new URL("../../cli/bin/tumbuh.js", import.meta.url).pathname;
const PROBE = new URL("./event-loop-probe.mjs", import.meta.url).pathname;
const DESA = "64.01.05.2003";

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] as number) : Number.NaN;
};

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "tumbuh-bench-load-"));
  const file = join(dir, "demo.db");
  let server: ChildProcess | null = null;
  try {
    const source = process.argv[2];
    if (source) copyFileSync(source, file);
    const setup = openDatabase(file);
    await migrateToLatest(setup.kysely);
    if (!source) await ensureDemo(setup.kysely, { log: () => {} });
    await setup.close();

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    // BENCH_PROFILE=DIR writes a CPU profile of the server's threads there (chrome devtools, speedscope).
    const profile = process.env.BENCH_PROFILE
      ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
      : [];
    const loopFile = join(dir, "event-loop.json");
    server = spawn(process.execPath, ["--import", PROBE, ...profile, CLI, "serve"], {
      env: {
        ...process.env,
        BENCH_EVENT_LOOP_FILE: loopFile,
        TUMBUH_DATABASE_URL: file,
        TUMBUH_PORT: String(port),
        TUMBUH_LOG_LEVEL: "silent",
      },
      stdio: "inherit",
    });
    for (let i = 0; ; i++) {
      const ok = await fetch(`${base}/api/public/publication/${new Date().getUTCFullYear()}`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (i > 600) throw new Error("server did not start");
      await new Promise((r) => setTimeout(r, 200));
    }
    const login = async (username: string) => {
      const res = await fetch(`${base}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: base },
        body: JSON.stringify({ username, password: DEMO_PASSWORD }),
      });
      const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      if (!res.ok || !cookie) throw new Error(`login ${username}: ${res.status}`);
      return cookie;
    };
    const cookies = {
      regency: await login("tpps.paser"),
      kecamatan: await login("tpps.kuaro"),
      bidan: await login("bidan.sandeley"),
      admin: await login("admin"),
    };
    const month = new Date(Date.now() - 31 * 86_400_000).toISOString().slice(0, 7);
    const year = new Date().toISOString().slice(0, 4);
    const today = new Date().toISOString().slice(0, 10);

    const times: number[] = [];
    const byKind = new Map<string, number[]>();
    let errors = 0;
    // What failed, "kind status code" → count, so an error rate can be told apart from a bench artefact.
    const failures = new Map<string, number>();
    let requests = 0;
    let heavyFrom = Number.POSITIVE_INFINITY;
    let heavyUntil = Number.POSITIVE_INFINITY;
    let longestTrivialDuringHeavy = 0;
    let importStatus = "not run";
    // CPU seconds (utime + stime) of the server: all its threads, and the main thread alone (the one that
    // answers requests; its task id is the process id). Less noisy than wall time on a shared machine.
    const cpuOf = (stat: string) => {
      const fields = readFileSync(stat, "utf8").split(") ")[1]?.split(" ") ?? [];
      return (Number(fields[11]) + Number(fields[12])) / 100;
    };
    const serverCpu = () => {
      const pid = server?.pid;
      return pid ? { all: cpuOf(`/proc/${pid}/stat`), main: cpuOf(`/proc/${pid}/task/${pid}/stat`) } : null;
    };
    const cpuAtStart = serverCpu();
    server.kill("SIGUSR2");
    const started = performance.now();
    const end = started + SECONDS * 1000;

    const call = async (kind: string, cookie: string | null, path: string, init: RequestInit = {}) => {
      const t0 = performance.now();
      let ok = false;
      let body: unknown = null;
      let failure = "no answer";
      try {
        const res = await fetch(`${base}${path}`, {
          ...init,
          headers: { ...(cookie ? { cookie } : {}), origin: base, ...(init.headers ?? {}) },
        });
        ok = res.status < 400;
        body = res.headers.get("content-type")?.includes("json") ? await res.json() : await res.arrayBuffer();
        failure = `${res.status} ${(body as { error?: { code?: string } } | null)?.error?.code ?? ""}`;
      } catch {
        ok = false;
      }
      const ms = performance.now() - t0;
      requests++;
      if (!ok) {
        errors++;
        failures.set(`${kind} ${failure}`, (failures.get(`${kind} ${failure}`) ?? 0) + 1);
      }
      times.push(ms);
      byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
      if (kind === "trivial" && t0 >= heavyFrom && t0 <= heavyUntil)
        longestTrivialDuringHeavy = Math.max(longestTrivialDuringHeavy, ms);
      return body as Record<string, unknown> | null;
    };

    const mine: string[][] = Array.from({ length: CLIENTS }, () => []);
    const client = async (n: number) => {
      let day = 0;
      while (performance.now() < end) {
        const r = Math.random();
        if (r < WRITE_SHARE) {
          const kids = mine[n] as string[];
          if (kids.length === 0 || Math.random() < 0.5) {
            const res = await call("write", cookies.bidan, "/api/persons", {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify({
                regionCode: DESA,
                name: `Anak Beban ${n}-${day}`,
                sex: 1,
                birthDate: "2025-03-04",
              }),
            });
            if (res && typeof res.id === "string") kids.push(res.id);
          } else {
            day++;
            const measuredOn = new Date(Date.parse(today) - ((day * 7 + n) % 300) * 86_400_000)
              .toISOString()
              .slice(0, 10);
            await call("write", cookies.bidan, "/api/measurements", {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify({
                personId: kids[day % kids.length],
                measuredOn: measuredOn < "2025-03-05" ? today : measuredOn,
                weightKg: 8.5,
                lenheiCm: 72,
                measure: "l",
              }),
            });
          }
        } else if (r < 0.45)
          await call("dashboard", cookies.regency, `/api/indicators/dashboard?region=64.01&period=${month}`);
        else if (r < 0.6)
          await call(
            "dashboard",
            cookies.kecamatan,
            `/api/indicators/dashboard?region=64.01.05&period=${month}`,
          );
        else if (r < 0.75)
          await call("dashboard", cookies.bidan, `/api/indicators/dashboard?region=${DESA}&period=${year}`);
        else if (r < 0.85) await call("public", null, `/api/public/publication/${year}`);
        else await call("trivial", cookies.bidan, "/api/jobs");
      }
    };

    // A third of the way in: a regency-wide change (every desa marked, as a month turn or bulk write does).
    const heavy = (async () => {
      await new Promise((r) => setTimeout(r, (SECONDS * 1000) / 3));
      const raw = new SQLite(file);
      raw.pragma("busy_timeout = 5000");
      raw.exec(
        "insert or ignore into indicator_dirty (desa_code) select distinct desa_code from indicator_desa_periods",
      );
      raw.close();
      heavyFrom = performance.now();
      const work: Promise<unknown>[] = [];
      if (process.env.BENCH_IMPORT === "1") {
        const csv = syntheticEppgbm(Number(process.env.BENCH_IMPORT_ROWS ?? 20_000), month);
        work.push(
          call("import", cookies.admin, "/api/imports/measurements?fileName=beban.csv&dryRun=false", {
            method: "POST",
            headers: { "content-type": "text/csv" },
            body: csv,
          }).then(async (accepted) => {
            // The upload answers with a job id at once; the import is over when its job is.
            const id = accepted?.jobId;
            while (typeof id === "string" && performance.now() < end + 600_000) {
              await new Promise((r) => setTimeout(r, 500));
              const job = await fetch(`${base}/api/jobs/${id}`, { headers: { cookie: cookies.admin } }).then(
                (r) => r.json() as Promise<{ status?: string }>,
              );
              importStatus = job.status ?? "unknown";
              if (importStatus === "done" || importStatus === "failed") break;
            }
          }),
        );
      }
      // The rebuild is over when a dashboard says the figures are no longer being updated.
      for (;;) {
        await new Promise((r) => setTimeout(r, 500));
        const v = await call(
          "dashboard",
          cookies.regency,
          `/api/indicators/dashboard?region=64.01&period=${month}`,
        );
        const f = v?.freshness as { updating: boolean } | undefined;
        if (f && !f.updating) break;
        if (performance.now() > end + 600_000) break;
      }
      await Promise.all(work);
      heavyUntil = performance.now();
    })();

    await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
    const loadEnd = performance.now();
    server.kill("SIGUSR2");
    const cpuAtEnd = serverCpu();
    const requestsDuringLoad = requests;
    await heavy;
    console.log(
      `${requests} requests in ${((loadEnd - started) / 1000).toFixed(0)} s by ${CLIENTS} clients (${(WRITE_SHARE * 100).toFixed(0)} % writes)`,
    );
    for (const [kind, xs] of byKind)
      console.log(
        `  ${kind.padEnd(10)} n=${String(xs.length).padStart(5)}  p50 ${pct(xs, 50).toFixed(0).padStart(5)} ms  p95 ${pct(xs, 95).toFixed(0).padStart(5)} ms`,
      );
    const p95 = pct(times, 95);
    console.log(
      `all: p50 ${pct(times, 50).toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, errors ${((100 * errors) / requests).toFixed(2)} %${failures.size ? ` (${[...failures].map(([f, n]) => `${f}: ${n}`).join(", ")})` : ""}`,
    );
    console.log(
      `regency rebuild${process.env.BENCH_IMPORT === "1" ? " + import" : " (no import: BENCH_IMPORT=1 adds one)"} ran ${((heavyUntil - heavyFrom) / 1000).toFixed(1)} s${process.env.BENCH_IMPORT === "1" ? ` (import job: ${importStatus})` : ""}; longest trivial request meanwhile ${longestTrivialDuringHeavy.toFixed(0)} ms`,
    );
    for (let i = 0; i < 20 && !existsSync(loopFile); i++) await new Promise((r) => setTimeout(r, 100));
    const loop = existsSync(loopFile) ? JSON.parse(readFileSync(loopFile, "utf8")) : null;
    console.log(
      `server event-loop delay during the load: ${loop ? `p50 ${loop.p50} ms, p95 ${loop.p95} ms, p99 ${loop.p99} ms, max ${loop.max} ms` : "not measured"}`,
    );
    if (cpuAtStart && cpuAtEnd)
      console.log(
        `server CPU during the load: ${(cpuAtEnd.all - cpuAtStart.all).toFixed(1)} s all threads, main thread ${(cpuAtEnd.main - cpuAtStart.main).toFixed(1)} s = ${((1000 * (cpuAtEnd.main - cpuAtStart.main)) / requestsDuringLoad).toFixed(1)} ms a request`,
      );
    console.log(`goal p95 < ${GOAL_P95_MS} ms: ${p95 < GOAL_P95_MS ? "met" : "NOT met"}`);
  } finally {
    server?.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
