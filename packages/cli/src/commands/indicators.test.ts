import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureDemo, migrateToLatest, openDatabase } from "@tumbuh/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runIndicators } from "./indicators";

let dir = "";
const out: string[] = [];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tumbuh-indicators-cli-"));
  process.env.TUMBUH_DATABASE_URL = join(dir, "t.db");
  const db = openDatabase(process.env.TUMBUH_DATABASE_URL);
  await migrateToLatest(db.kysely);
  await ensureDemo(db.kysely, {
    children: 150,
    desa: ["64.01.05.2003", "64.01.05.2002"],
    today: "2025-07-15",
    log: () => {},
  });
  await db.close();
  vi.spyOn(console, "log").mockImplementation((s: string) => void out.push(s));
  vi.spyOn(console, "error").mockImplementation((s: string) => void out.push(s));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  delete process.env.TUMBUH_DATABASE_URL;
  vi.restoreAllMocks();
});

describe("tumbuh indicators", () => {
  it("prints achievement as JSON", async () => {
    out.length = 0;
    expect(await runIndicators(["--region", "64.01.05", "--period", "2025-06", "--format", "json"])).toBe(0);
    const v = JSON.parse(out.join("\n"));
    expect(v.region.code).toBe("64.01.05");
    expect(v.panel.coverage.denominator).toBeGreaterThan(50);
    const stunting = v.indicators.find(
      (i: { computation: string }) => i.computation === "stunting_prevalence",
    );
    expect(stunting).toMatchObject({ id: "pasal6.1.2025", target: 20, direction: "down" });
    expect(stunting.value).toBeCloseTo((100 * stunting.numerator) / stunting.denominator);
  });
  it("refuses a bad period with the option named", async () => {
    out.length = 0;
    expect(await runIndicators(["--region", "64.01", "--period", "06-2025"])).toBe(2);
    expect(out.join("\n")).toMatch(/--period/);
  });
});
