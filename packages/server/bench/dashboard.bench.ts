/**
 * npm run bench:dashboard — the demo regency (Kabupaten Paser, 144 desa) with five years of monthly
 * weighings (~1.5M measurements) in a temporary SQLite file; the regency dashboard and a desa drill-down
 * through the real app (in-process inject, logged in as TPPS Kabupaten). Prints setup times and p50/p95.
 * Goal (issue 7): p95 < 150 ms. BENCH_UNDER_FIVE (default 30,000) and BENCH_RUNS (default 60) tune it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildApp } from "../src/app";
import { openDatabase } from "../src/db/database";
import { migrateToLatest } from "../src/db/migrate";
import { DEMO_PASSWORD, ensureDemo } from "../src/demo/demo";
import { refreshAggregates } from "../src/features/indicators/aggregates";
import { TEST_CONFIG } from "../src/testing/api";
import { writeFiveYears } from "./dashboard-data";

const UNDER_FIVE = Number(process.env.BENCH_UNDER_FIVE ?? 30_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const GOAL_MS = 150;

const today = new Date().toISOString().slice(0, 10);
const lastMonth = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 2, 1))
  .toISOString()
  .slice(0, 7);

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] as number;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "tumbuh-bench-dashboard-"));
  const db = openDatabase(join(dir, "bench.db"));
  try {
    let t = performance.now();
    await migrateToLatest(db.kysely);
    await ensureDemo(db.kysely, { children: 0 });
    const counts = await writeFiveYears(db.kysely, { underFive: UNDER_FIVE, lastMonth });
    const written = (performance.now() - t) / 1000;
    console.log(
      `data: ${counts.measurements.toLocaleString("en")} measurements of ${counts.children.toLocaleString("en")} children, ` +
        `${counts.households.toLocaleString("en")} households, 60 months to ${lastMonth} — written in ${written.toFixed(1)} s (dirty-marking triggers included)`,
    );
    t = performance.now();
    const built = await refreshAggregates(db.kysely, today);
    console.log(
      `aggregates: ${built} desa built from the raw rows in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );

    const app = await buildApp({ db: db.kysely, config: TEST_CONFIG });
    const login = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "tpps.paser", password: DEMO_PASSWORD },
    });
    const cookie = login.cookies.find((c) => c.name === "tumbuh_session")?.value ?? "";
    const cases = [
      ["regency dashboard (64.01, month)", `/api/indicators/dashboard?region=64.01&period=${lastMonth}`],
      [
        "regency dashboard (64.01, year)",
        `/api/indicators/dashboard?region=64.01&period=${lastMonth.slice(0, 4)}`,
      ],
      ["kecamatan drill-down (64.01.05)", `/api/indicators/dashboard?region=64.01.05&period=${lastMonth}`],
      [
        "desa drill-down (64.01.05.2003)",
        `/api/indicators/dashboard?region=64.01.05.2003&period=${lastMonth}`,
      ],
    ] as const;
    let worst = 0;
    for (const [name, url] of cases) {
      const times: number[] = [];
      for (let i = 0; i < RUNS + 5; i++) {
        const s = performance.now();
        const res = await app.inject({ method: "GET", url, cookies: { tumbuh_session: cookie } });
        const ms = performance.now() - s;
        if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
        if (i >= 5) times.push(ms); // the first few warm the statement cache and the JIT
      }
      const p95 = pct(times, 95);
      worst = Math.max(worst, p95);
      console.log(
        `${name.padEnd(36)} p50 ${pct(times, 50).toFixed(1).padStart(6)} ms   p95 ${p95.toFixed(1).padStart(6)} ms   (${RUNS} runs)`,
      );
    }
    console.log(
      `goal p95 < ${GOAL_MS} ms: ${worst < GOAL_MS ? "met" : "NOT met"} (worst p95 ${worst.toFixed(1)} ms)`,
    );
    await app.close();
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
