/**
 * npm run bench:import — a 30,000-row e-PPGBM file (one regency's weighing month) imported end to end on
 * SQLite: parse, validate, match/dedupe, z-scores, store. Each run on a fresh database file; medians.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SYSTEM_ACTOR } from "@tumbuh/core";
import ExcelJS from "exceljs";
import { DATA_DIR } from "../src/data-files";
import { openDatabase } from "../src/db/database";
import { migrateToLatest } from "../src/db/migrate";
import { importMeasurements } from "../src/features/imports/service";
import { importRegions } from "../src/features/regions/service";
import { syntheticEppgbm } from "./eppgbm-file";

const ROWS = Number(process.env.BENCH_ROWS ?? 30_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

async function freshDb(dir: string, n: number) {
  const db = openDatabase(join(dir, `bench-${n}.db`));
  await migrateToLatest(db.kysely);
  for (const f of ["provinsi.csv", "paser-6401.csv"]) {
    await importRegions(db.kysely, SYSTEM_ACTOR, readFileSync(join(DATA_DIR, "regions", f), "utf8"));
  }
  return db;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "tumbuh-bench-"));
  const csv = Buffer.from(syntheticEppgbm(ROWS, "2026-08"));
  const nextMonth = Buffer.from(syntheticEppgbm(ROWS, "2026-09", 42, "2026-08"));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Data");
  for (const line of csv.toString("utf8").trim().split("\n"))
    ws.addRow(line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((c) => c.replaceAll('"', "")));
  const xlsx = Buffer.from(await wb.xlsx.writeBuffer());

  const first: number[] = [];
  const again: number[] = [];
  const xl: number[] = [];
  const firstCpu: number[] = [];
  let stored = 0;
  for (let run = 0; run < RUNS; run++) {
    const db = await freshDb(dir, run);
    let t = performance.now();
    const cpu = process.cpuUsage();
    const r = await importMeasurements(db.kysely, SYSTEM_ACTOR, csv, {
      fileName: "agustus.csv",
      today: "2026-11-22",
    });
    first.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    firstCpu.push((used.user + used.system) / 1000);
    stored = r.stored.measurements;
    if (r.rejected.length) console.log(`  (rejected ${r.rejected.length}: ${JSON.stringify(r.rejected[0])})`);
    t = performance.now();
    await importMeasurements(db.kysely, SYSTEM_ACTOR, nextMonth, {
      fileName: "september.csv",
      today: "2026-11-22",
    });
    again.push(performance.now() - t);
    await db.close();
    const db2 = await freshDb(dir, run + 100);
    t = performance.now();
    await importMeasurements(db2.kysely, SYSTEM_ACTOR, xlsx, {
      fileName: "agustus.xlsx",
      today: "2026-11-22",
    });
    xl.push(performance.now() - t);
    await db2.close();
  }
  rmSync(dir, { recursive: true, force: true });
  const line = (label: string, ms: number[]) =>
    console.log(
      `${label.padEnd(44)} median ${(median(ms) / 1000).toFixed(2)} s  ${Math.round(ROWS / (median(ms) / 1000)).toLocaleString("en")} rows/s  (runs: ${ms.map((x) => (x / 1000).toFixed(2)).join(", ")} s)`,
    );
  console.log(
    `bench:import — ${ROWS.toLocaleString("en")}-row e-PPGBM file, SQLite, ${RUNS} runs, ${stored} measurements stored`,
  );
  line("CSV, new regency (registers every child)", first);
  line("  the same, CPU time (user + sys)", firstCpu);
  line("CSV, next month (children matched)", again);
  line("XLSX, new regency", xl);
  console.log(`goal: under 3 s end to end → ${median(first) < 3000 ? "met" : "NOT met"}`);
}

await main();
