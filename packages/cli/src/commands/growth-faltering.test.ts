import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseCsv } from "@tumbuh/core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runGrowth } from "./growth";

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tumbuh-faltering-cli-"));
  vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  vi.spyOn(process.stdout, "write").mockImplementation(() => true);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

async function run(csv: string): Promise<{ code: number; rows: Record<string, string>[] }> {
  const input = join(dir, "in.csv");
  const output = join(dir, "out.csv");
  writeFileSync(input, csv);
  rmSync(output, { force: true });
  const code = await runGrowth(["faltering", "--input", input, "--output", output]);
  if (code !== 0) return { code, rows: [] };
  const [head, ...body] = parseCsv(readFileSync(output, "utf8"));
  const names = head?.fields ?? [];
  return { code, rows: body.map((r) => Object.fromEntries(names.map((n, i) => [n, r.fields[i] ?? ""]))) };
}

describe("tumbuh growth faltering", () => {
  it("judges each child's weighings in date order, columns in any order, extra columns kept", async () => {
    const { code, rows } = await run(
      [
        "weight_kg,note,measured_on,child_id,birth_date,sex",
        "12.4,a,2025-03-10,A,2022-01-05,2",
        "12.2,b,2025-04-10,A,2022-01-05,2", // lost weight: T
        "12.1,c,2025-05-10,A,2022-01-05,2", // lost again: T, 2T
        "7.0,d,2025-05-12,B,2024-09-01,1", // first: B
        "12.5,e,2025-02-10,A,2022-01-05,2", // earlier row, later in the file
      ].join("\n"),
    );
    expect(code).toBe(0);
    expect(rows.map((r) => [r.note, r.letter, r.two_t, r.error])).toEqual([
      ["a", "T", "0", ""],
      ["b", "T", "1", ""],
      ["c", "T", "1", ""],
      ["d", "B", "0", ""],
      ["e", "B", "0", ""],
    ]);
    expect(rows[1]?.reason).toBe("flat_or_falling");
    expect(rows[1]?.gain_g).toBe("-200");
  });

  it("reports every bad row in its error column and still judges the good ones", async () => {
    const { code, rows } = await run(
      [
        "child_id,sex,birth_date,measured_on,weight_kg",
        "A,x,2022-01-05,2025-03-10,12",
        "A,2,2022-02-30,2025-03-10,12",
        "A,2,2022-01-05,2021-03-10,12",
        "A,2,2022-01-05,2025-03-10,0",
        ",2,2022-01-05,2025-03-10,12",
        "B,1,2024-01-01,2025-01-10,9.5",
        "B,2,2024-01-01,2025-02-10,9.8",
        "B,1,2024-01-01,2025-02-10,9.9",
      ].join("\n"),
    );
    expect(code).toBe(0);
    expect(rows.map((r) => r.error === "")).toEqual([false, false, false, false, false, true, false, true]);
    expect(rows[0]?.error).toContain("sex");
    expect(rows[1]?.error).toContain("birth_date");
    expect(rows[2]?.error).toContain("before birth");
    expect(rows[3]?.error).toContain("weight_kg");
    expect(rows[6]?.error).toContain("another sex");
    expect(rows[7]?.letter).toBe("N"); // +400 g at 13 months, on its line
    expect(rows[0]?.letter).toBe("");
  });

  it("a missing column is a clear error, nothing written", async () => {
    const { code } = await run("child_id,sex,birth_date,weight_kg\nA,1,2024-01-01,5\n");
    expect(code).toBe(1);
  });
});
