import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseCsv, SATU_DATA_COLUMNS, SATU_DATA_DATASETS } from "@tumbuh/core";
import { ensureDemo, getDashboard, migrateToLatest, openDatabase, SYSTEM_ACTOR } from "@tumbuh/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runExport } from "./export";

let dir = "";
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tumbuh-satu-data-cli-"));
  process.env.TUMBUH_DATABASE_URL = join(dir, "t.db");
  const db = openDatabase(process.env.TUMBUH_DATABASE_URL);
  await migrateToLatest(db.kysely);
  await ensureDemo(db.kysely, { children: 150, desa: ["64.01.05.2003"], today: "2025-07-15", log: () => {} });
  await db.close();
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  delete process.env.TUMBUH_DATABASE_URL;
  vi.restoreAllMocks();
});

describe("tumbuh export satu-data", () => {
  it("writes one CSV and one metadata file per indicator, audited, with the dashboard's counts", async () => {
    const out = join(dir, "satu-data");
    expect(
      await runExport(["satu-data", "--period", "2025-06", "--region", "64.01.05", "--output", out]),
    ).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(2 * SATU_DATA_DATASETS.length);
    const csv = readFileSync(
      join(out, "satu-data-prevalensi-stunting-kecamatan-kuaro-juni-2025.csv"),
      "utf8",
    );
    const [header, top] = parseCsv(csv).map((r) => r.fields);
    expect(header).toEqual([...SATU_DATA_COLUMNS]);
    const db = openDatabase(process.env.TUMBUH_DATABASE_URL as string);
    try {
      const dash = await getDashboard(db.kysely, SYSTEM_ACTOR, { region: "64.01.05", period: "2025-06" });
      expect(top?.slice(0, 6)).toEqual([
        "64.01.05",
        dash.region.name,
        "kecamatan",
        "2025-06",
        String(dash.panel.stunting.numerator),
        String(dash.panel.stunting.denominator),
      ]);
      const audit = await db.kysely
        .selectFrom("audit_log")
        .select("action")
        .where("action", "=", "satu_data.export")
        .execute();
      // One entry for the whole set of files.
      expect(audit).toHaveLength(1);
    } finally {
      await db.close();
    }
    const meta = JSON.parse(
      readFileSync(
        join(out, "satu-data-cakupan-penimbangan-kecamatan-kuaro-juni-2025-metadata.json"),
        "utf8",
      ),
    );
    expect(meta.frekuensi).toBe("Bulanan");
    expect(meta.rujukan_katalog[0].sumber).toContain("Pasal 7 huruf f");
  });

  it("refuses a quarter (the dashboard keeps months and years) and a missing --output", async () => {
    expect(await runExport(["satu-data", "--period", "2025Q2", "--output", dir])).toBe(2);
    expect(await runExport(["satu-data", "--period", "2025"])).toBe(2);
  });
});
