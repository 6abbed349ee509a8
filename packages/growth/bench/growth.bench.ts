/**
 * npm run bench:growth
 *
 * 1. Engine: all indicators, flags and Permenkes categories for 1,000,000
 *    deterministic synthetic rows (columnar batch API), median of 7 runs.
 * 2. CLI end to end on a generated 1,000,000-row CSV: spawns
 *    `node packages/cli/bin/tumbuh.js growth zscores …` when that entry point
 *    exists and works; otherwise a fresh `node --import tsx` process that calls
 *    `runGrowth` (startup, TypeScript loading, read, compute, write included),
 *    and says which one it measured. Median of 3 runs.
 */
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { computeGrowthBatch, createResultColumns } from "../src/index";
import { generateRows, syntheticColumns } from "./synthetic";

const ROWS = 1_000_000;
const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, "../../..");

if (process.argv[2] === "--run-cli") {
  // Child mode: the CLI command in a fresh process (used when bin/tumbuh.js is absent).
  const { runGrowth } = await import("../../cli/src/commands/growth");
  process.exitCode = await runGrowth([
    "zscores",
    "--input",
    process.argv[3] ?? "",
    "--output",
    process.argv[4] ?? "",
  ]);
} else {
  await main();
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

async function main(): Promise<void> {
  console.log(
    `node ${process.version}, ${process.arch}; rows = ${ROWS.toLocaleString("en")}; ${calibrate()}`,
  );

  // --- engine -------------------------------------------------------------
  const input = syntheticColumns(ROWS);
  const out = createResultColumns(ROWS);
  computeGrowthBatch(input, out); // warm-up (JIT)
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < 7; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    computeGrowthBatch(input, out);
    const dt = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    wall.push(ROWS / dt);
    cpu.push(ROWS / ((c.user + c.system) / 1e6));
  }
  let computed = 0;
  for (let i = 0; i < ROWS; i++)
    if (!Number.isNaN(out.zwei[i] as number) || !Number.isNaN(out.zbfa[i] as number)) computed++;
  console.log(
    `engine: median ${fmt(median(wall))} rows/s (wall), ${fmt(median(cpu))} rows/s per CPU-second; ` +
      `runs: ${wall.map(fmt).join(", ")}  [${computed.toLocaleString("en")} rows with a weight z]`,
  );

  // --- CLI ----------------------------------------------------------------
  const dir = mkdtempSync(join(tmpdir(), "tumbuh-growth-bench-"));
  try {
    const inPath = join(dir, "in.csv");
    const outPath = join(dir, "out.csv");
    const t0 = performance.now();
    writeCsv(inPath);
    console.log(
      `generated ${inPath} (${(statSync(inPath).size / 1e6).toFixed(1)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const bin = join(repoRoot, "packages/cli/bin/tumbuh.js");
    let how = "";
    let cmd: string[] = [];
    if (existsSync(bin)) {
      cmd = [bin, "growth", "zscores", "--input", inPath, "--output", outPath];
      const probe = spawnSync(process.execPath, cmd, { cwd: repoRoot, encoding: "utf8" });
      if (probe.status === 0) how = "node packages/cli/bin/tumbuh.js growth zscores";
      else
        console.log(
          `bin/tumbuh.js did not work (exit ${probe.status}): ${probe.stderr.trim().split("\n")[0]}`,
        );
    }
    if (how === "") {
      cmd = ["--import", "tsx", fileURLToPath(import.meta.url), "--run-cli", inPath, outPath];
      how =
        "fresh `node --import tsx` process calling runGrowth() (packages/cli/bin/tumbuh.js not available)";
    }
    const times: number[] = [];
    const inner: number[] = [];
    const innerCpu: number[] = [];
    for (let r = 0; r < 3; r++) {
      const s = performance.now();
      const res = spawnSync(process.execPath, cmd, { cwd: repoRoot, encoding: "utf8" });
      const dt = (performance.now() - s) / 1000;
      if (res.status !== 0) throw new Error(`CLI failed (exit ${res.status}): ${res.stderr}`);
      times.push(dt);
      // runGrowth reports its own duration ("… in 1.23 s") on stderr.
      const m = /in ([\d.]+) s \(CPU ([\d.]+) s\)/.exec(res.stderr);
      if (m) {
        inner.push(Number(m[1]));
        innerCpu.push(Number(m[2]));
      }
    }
    console.log(`CLI end to end via ${how}:`);
    console.log(
      `  median ${median(times).toFixed(2)} s for ${ROWS.toLocaleString("en")} rows ` +
        `(runs: ${times.map((t) => t.toFixed(2)).join(", ")} s; output ${(statSync(outPath).size / 1e6).toFixed(1)} MB)`,
    );
    if (inner.length > 0) {
      console.log(
        `  of which the growth command itself (read, compute, write): median ${median(inner).toFixed(2)} s wall, ` +
          `${median(innerCpu).toFixed(2)} s CPU (runs: ${inner.map((t) => t.toFixed(2)).join(", ")} s)`,
      );
    }
    if (how.startsWith("node packages/cli/bin")) {
      const startup: number[] = [];
      for (let r = 0; r < 3; r++) {
        const s = performance.now();
        spawnSync(process.execPath, [bin, "--help"], { cwd: repoRoot, encoding: "utf8" });
        startup.push((performance.now() - s) / 1000);
      }
      console.log(
        `  startup of the tumbuh entry point alone (tumbuh --help): median ${median(startup).toFixed(2)} s`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A machine-speed yardstick printed with the results, since the figures scale
 * with it: Math.pow calls per CPU-second (the engine makes ~3.5 per row).
 */
function calibrate(): string {
  const a = new Float64Array(1 << 20);
  for (let i = 0; i < a.length; i++) a[i] = 0.5 + i / a.length;
  let sink = 0;
  const c0 = process.cpuUsage();
  for (let r = 0; r < 4; r++) for (let i = 0; i < a.length; i++) sink += (a[i] as number) ** -0.3521;
  const c = process.cpuUsage(c0);
  const ns = ((c.user + c.system) * 1000) / (4 * a.length);
  return `Math.pow ≈ ${ns.toFixed(0)} ns/call${sink > 0 ? "" : "!"}`;
}

function fmt(x: number): string {
  return `${(x / 1e6).toFixed(2)}M`;
}

/** The same synthetic rows as CSV text, as a data-entry system would export them. */
function writeCsv(path: string): void {
  const fd = openSync(path, "w");
  const parts: string[] = [
    "id,sex,age_days,age_months,weight_kg,lenhei_cm,measure,oedema,headc_cm,muac_cm\n",
  ];
  const v = (x: number): string => (Number.isNaN(x) ? "" : String(x));
  generateRows(ROWS, 20240601, (r, i) => {
    parts.push(
      `c${i},${r.sex},${v(r.ageDays)},${v(r.ageMonths)},${v(r.weightKg)},${v(r.lenheiCm)},${r.measure === 1 ? "l" : r.measure === 2 ? "h" : ""},${r.oedema ? "y" : "n"},${v(r.headcCm)},${v(r.muacCm)}\n`,
    );
    if (parts.length >= 50_000) {
      writeSync(fd, parts.join(""));
      parts.length = 0;
    }
  });
  writeSync(fd, parts.join(""));
  closeSync(fd);
}
