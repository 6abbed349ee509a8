/**
 * npm run bench:import — a 30,000-row e-PPGBM file (one regency's weighing month) imported end to end on
 * SQLite: read, validate, match/dedupe, z-scores, store. Four forms of the same rows: CSV, the SIGIZI
 * HTML table saved as .xls (a title row above the header), XLSX, and the next month's CSV (children
 * matched instead of registered). Each run is its own process on a fresh database file, so its peak
 * memory (max RSS) is its own; medians of BENCH_RUNS runs.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseCsv, SYSTEM_ACTOR } from "@tumbuh/core";
import { DATA_DIR } from "../src/data-files";
import { openDatabase } from "../src/db/database";
import { migrateToLatest } from "../src/db/migrate";
import { importMeasurements } from "../src/features/imports/service";
import { importRegions } from "../src/features/regions/service";
import { syntheticEppgbm } from "./eppgbm-file";

const ROWS = Number(process.env.BENCH_ROWS ?? 30_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CASES = ["csv", "html", "xlsx", "csv-next-month"] as const;
type Case = (typeof CASES)[number];

interface Measured {
  ms: number;
  cpuMs: number;
  maxRssMb: number;
  stored: number;
  rejected: number;
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/ /g, "&nbsp;");

/** The rows as SIGIZI exports them: an HTML table named .xls, title rows above the header. */
function asSigiziHtml(csv: string): string {
  const rows = parseCsv(csv);
  const tr = (cells: readonly string[]) =>
    `<tr>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join("")}</tr>`;
  return [
    "<html><body><table>",
    `<tr><td colspan="${rows[0]?.fields.length}">DAFTAR ANAK BERDASARKAN STATUS GIZI</td></tr>`,
    "<tr><td>Periode: Agustus 2026</td></tr>",
    ...rows.map((r) => tr(r.fields)),
    "</table></body></html>",
  ].join("\n");
}

async function makeFiles(dir: string) {
  const csv = syntheticEppgbm(ROWS, "2026-08");
  writeFileSync(join(dir, "agustus.csv"), csv);
  writeFileSync(join(dir, "september.csv"), syntheticEppgbm(ROWS, "2026-09", 42, "2026-08"));
  writeFileSync(join(dir, "agustus.xls"), asSigiziHtml(csv));
  // Loaded here only: a run (its own process, --one) must not carry the writer's modules in its heap.
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Data");
  for (const r of parseCsv(csv)) ws.addRow(r.fields);
  writeFileSync(join(dir, "agustus.xlsx"), Buffer.from(await wb.xlsx.writeBuffer()));
}

async function freshDb(path: string) {
  const db = openDatabase(path);
  await migrateToLatest(db.kysely);
  for (const f of ["provinsi.csv", "paser-6401.csv"]) {
    await importRegions(db.kysely, SYSTEM_ACTOR, readFileSync(join(DATA_DIR, "regions", f), "utf8"));
  }
  return db;
}

const FILE: Record<Case, string> = {
  csv: "agustus.csv",
  html: "agustus.xls",
  xlsx: "agustus.xlsx",
  "csv-next-month": "september.csv",
};

/** One run in this process (the child): prints what it measured as JSON. */
async function runOne(dir: string, which: Case, run: number): Promise<void> {
  const db = await freshDb(join(dir, `bench-${which}-${run}.db`));
  const importFile = (name: string) =>
    importMeasurements(db.kysely, SYSTEM_ACTOR, readFileSync(join(dir, name)), {
      fileName: name,
      today: "2026-11-22",
    });
  if (which === "csv-next-month") await importFile("agustus.csv");
  const t = performance.now();
  const cpu = process.cpuUsage();
  const r = await importFile(FILE[which]);
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  await db.close();
  const out: Measured = {
    ms,
    cpuMs: (used.user + used.system) / 1000,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    stored: r.stored.measurements,
    rejected: r.rejected.length,
  };
  console.log(JSON.stringify(out));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function main() {
  const [, , flag, dirArg, whichArg, runArg] = process.argv;
  if (flag === "--one") return runOne(dirArg as string, whichArg as Case, Number(runArg));

  const dir = mkdtempSync(join(tmpdir(), "tumbuh-bench-"));
  await makeFiles(dir);
  console.log(
    `bench:import — ${ROWS.toLocaleString("en")}-row e-PPGBM file, SQLite, ${RUNS} runs each (own process, fresh database)`,
  );
  const results = new Map<Case, Measured[]>();
  for (let run = 0; run < RUNS; run++) {
    for (const which of CASES) {
      const child = spawnSync(
        process.execPath,
        ["--import", "tsx", new URL(import.meta.url).pathname, "--one", dir, which, String(run)],
        { encoding: "utf8", env: process.env, maxBuffer: 16 * 1024 * 1024 },
      );
      const line = child.stdout.trim().split("\n").pop() ?? "";
      if (child.status !== 0 || !line.startsWith("{")) {
        console.error(child.stderr || child.stdout);
        throw new Error(`bench run ${which} failed`);
      }
      results.set(which, [...(results.get(which) ?? []), JSON.parse(line) as Measured]);
    }
  }
  rmSync(dir, { recursive: true, force: true });
  const label: Record<Case, string> = {
    csv: "CSV, new regency (registers every child)",
    html: "SIGIZI HTML .xls, new regency",
    xlsx: "XLSX, new regency",
    "csv-next-month": "CSV, next month (children matched)",
  };
  const goal: Record<Case, number> = { csv: 1500, html: 1500, xlsx: 3000, "csv-next-month": 1500 };
  for (const which of CASES) {
    const rs = results.get(which) ?? [];
    const ms = rs.map((r) => r.ms);
    console.log(
      `${label[which].padEnd(42)} median ${(median(ms) / 1000).toFixed(2)} s  (runs ${ms.map((x) => (x / 1000).toFixed(2)).join(", ")} s)  ` +
        `CPU ${(median(rs.map((r) => r.cpuMs)) / 1000).toFixed(2)} s  peak RSS ${Math.round(median(rs.map((r) => r.maxRssMb)))} MB  ` +
        `stored ${rs[0]?.stored}, rejected ${rs[0]?.rejected}  goal < ${goal[which] / 1000} s, < 400 MB → ${median(ms) < goal[which] && median(rs.map((r) => r.maxRssMb)) < 400 ? "met" : "NOT met"}`,
    );
  }
}

await main();
