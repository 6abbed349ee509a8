import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureDemo, migrateToLatest, openDatabase } from "@tumbuh/server";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seedHandDesa } from "../../../server/src/features/services/fixture-desa";
import { testApi } from "../../../server/src/testing/api";
import { runScorecard } from "./scorecard";

let dir = "";
const before = process.env.TUMBUH_DATABASE_URL;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tumbuh-scorecard-cli-"));
  const file = join(dir, "t.db");
  const db = openDatabase(file);
  await migrateToLatest(db.kysely);
  await ensureDemo(db.kysely, { children: 0 });
  const api = await testApi(db);
  await seedHandDesa(db, (as, opts) => api.request(as, opts));
  await api.app.close();
  await db.close();
  process.env.TUMBUH_DATABASE_URL = file;
  vi.spyOn(process.stderr, "write").mockImplementation(() => true);
});
afterAll(() => {
  vi.restoreAllMocks();
  if (before === undefined) delete process.env.TUMBUH_DATABASE_URL;
  else process.env.TUMBUH_DATABASE_URL = before;
  rmSync(dir, { recursive: true, force: true });
});

describe("tumbuh scorecard", () => {
  it("writes the JSON with per-target rows and the hand-computed totals", async () => {
    const out = join(dir, "card.json");
    expect(await runScorecard(["--region", "64.01.05", "--period", "2025-09", "--output", out])).toBe(0);
    const card = JSON.parse(readFileSync(out, "utf8"));
    expect(card.rows).toHaveLength(5);
    expect(card.totals).toMatchObject({ targets: 5, y: 13, t: 13, ts: 4, percent: 50 });
  });

  it("explains one target's cells with --explain PERSON:INDICATOR", async () => {
    const card = JSON.parse(
      await (async () => {
        const out = join(dir, "card2.json");
        await runScorecard(["--region", "64.01.05.2003", "--period", "2025-09", "--output", out]);
        return readFileSync(out, "utf8");
      })(),
    );
    const wati = card.rows.find((r: { name: string }) => r.name === "Wati Lestari");
    const chunks: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((c) => {
      chunks.push(String(c));
      return true;
    });
    const code = await runScorecard([
      "--region",
      "64.01.05.2003",
      "--period",
      "2025-09",
      "--explain",
      `${wati.personId}:bumil_anc`,
    ]);
    spy.mockRestore();
    expect(code).toBe(0);
    const why = JSON.parse(chunks.join(""));
    expect(why.months[0]).toMatchObject({ month: "2025-09", cell: "T" });
    expect(why.months[0].due[1]).toMatchObject({ by: "2025-09-12", met: false });
  });

  it("writes the XLSX", async () => {
    const out = join(dir, "card.xlsx");
    expect(
      await runScorecard([
        "--region",
        "64.01.05.2003",
        "--period",
        "2025-Q3",
        "--format",
        "xlsx",
        "--output",
        out,
      ]),
    ).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Ringkasan",
      "Ibu hamil - nifas",
      "Anak 0–23 bulan",
      "Anak 2–6 tahun",
    ]);
  });

  it("refuses a bad period or format with usage", async () => {
    const err = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(await runScorecard(["--region", "64.01", "--period", "2025-Q5"])).toBe(2);
    expect(err.mock.calls.at(-1)?.[0]).toMatch(/--period/);
    expect(await runScorecard(["--region", "64.01", "--period", "2025-Q3", "--format", "csv"])).toBe(2);
    expect(await runScorecard(["--period", "2025-Q3"])).toBe(2);
  });
});
