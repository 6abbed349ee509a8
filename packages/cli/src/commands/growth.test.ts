import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PERMENKES_BANDS, zscores } from "@tumbuh/growth";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runGrowth } from "./growth";

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tumbuh-growth-cli-"));
  vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  vi.spyOn(process.stdout, "write").mockImplementation(() => true);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

/** Minimal RFC 4180 reader for checking the output (independent of the command's scanner). */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else if (c !== "\r") field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

async function run(csv: string, name = "in.csv"): Promise<{ code: number; rows: Record<string, string>[] }> {
  const input = join(dir, name);
  const output = join(dir, `${name}.out.csv`);
  writeFileSync(input, csv);
  const code = await runGrowth(["zscores", "--input", input, "--output", output]);
  if (code !== 0) return { code, rows: [] };
  const [header, ...body] = readCsv(readFileSync(output, "utf8"));
  return {
    code,
    rows: body.map((r) => Object.fromEntries((header ?? []).map((h, i) => [h, r[i] ?? "<missing>"]))),
  };
}

const Z = ["zlen", "zwei", "zwfl", "zbmi", "zhc", "zac", "zhfa", "zwfa", "zbfa"] as const;

describe("tumbuh growth zscores", () => {
  it("computes every indicator like the library, writes errors for bad rows and never crashes", async () => {
    const csv = [
      "ID,Sex,age_days,age_months,Weight_KG,lenhei_cm,measure,oedema,headc_cm,muac_cm,notes",
      "a1,1,365,,9.5,75,l,n,46,14.5,first",
      '"a,2",F,730,,10.2,81.3,H,,,,"quoted, with comma"',
      "a3,2,,24,12,86,l,N,,,months",
      "a4,m,,,11.5,86.9,,,,,no age",
      "a5,2,400,,7,72,l,y,,12,oedema",
      "a6,1,,100.5,25,128,h,n,,,school age",
      "bad1,x,365,,9.5,75,l,n,,,bad sex",
      "bad2,1,365,,abc,75,l,n,,,bad weight",
      "bad3,,365,,9.5,75,l,n,,,no sex",
      "bad4,1,365,,9.5,75,q,n,,,bad measure",
      "bad5,1,-3,,9.5,75,l,n,,,negative age",
      "bad6,1,365",
      "",
      '"q""uote",2,1827,,17.5,108,h,n,,,"multi',
      'line note"',
    ].join("\n");
    const { code, rows } = await run(csv);
    expect(code).toBe(0);
    expect(rows.map((r) => r.id)).toEqual([
      "a1",
      "a,2",
      "a3",
      "a4",
      "a5",
      "a6",
      "bad1",
      "bad2",
      "bad3",
      "bad4",
      "bad5",
      "bad6",
      'q"uote',
    ]);
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    const expectLike = (id: string, input: Parameters<typeof zscores>[0]): void => {
      const row = byId[id] as Record<string, string>;
      const lib = zscores(input);
      expect(row.error).toBe("");
      expect(row.clenhei).toBe(lib.clenhei === null ? "" : String(lib.clenhei));
      expect(row.cbmi).toBe(lib.cbmi === null ? "" : String(lib.cbmi));
      for (const z of Z) {
        const v = lib[z];
        // Unrounded, full precision: exactly JavaScript's shortest round-trip text.
        expect(row[z], `${id} ${z}`).toBe(v === null ? "" : String(v));
        const f = lib[`f${z.slice(1)}` as keyof typeof lib];
        expect(row[`f${z.slice(1)}`], `${id} f${z.slice(1)}`).toBe(f === null ? "" : String(f));
      }
      for (const c of ["tbu", "bbu", "bbtb", "imtu"] as const) expect(row[c]).toBe(lib.categories[c] ?? "");
    };
    expectLike("a1", {
      sex: 1,
      ageDays: 365,
      weightKg: 9.5,
      lenheiCm: 75,
      measure: "l",
      headcCm: 46,
      muacCm: 14.5,
    });
    expectLike("a,2", { sex: 2, ageDays: 730, weightKg: 10.2, lenheiCm: 81.3, measure: "h" });
    expectLike("a3", { sex: 2, ageMonths: 24, weightKg: 12, lenheiCm: 86, measure: "l" });
    expectLike("a4", { sex: 1, weightKg: 11.5, lenheiCm: 86.9 });
    expectLike("a5", {
      sex: 2,
      ageDays: 400,
      weightKg: 7,
      lenheiCm: 72,
      measure: "l",
      oedema: "y",
      muacCm: 12,
    });
    expectLike("a6", { sex: 1, ageMonths: 100.5, weightKg: 25, lenheiCm: 128, measure: "h" });
    expectLike('q"uote', { sex: 2, ageDays: 1827, weightKg: 17.5, lenheiCm: 108, measure: "h" });

    expect(byId.a1?.zlen).toBe("-0.3110774594503123");
    expect(byId.a1?.tbu).toBe("tbu.normal");
    expect(byId["a,2"]?.clenhei).toBe("82");
    expect(byId.a4?.zwfl).not.toBe("");
    expect(byId.a4?.zlen).toBe("");
    expect(byId.a5?.zwei).toBe("");
    expect(byId.a5?.c9mo).toBe("0");
    expect(byId.a6?.imtu).toMatch(/^imtu518\./);

    expect(byId.bad1?.error).toBe('sex must be 1, 2, m or f: "x"');
    expect(byId.bad2?.error).toBe('weight_kg is not a number: "abc"');
    expect(byId.bad3?.error).toBe("sex is missing");
    expect(byId.bad4?.error).toBe('measure must be l or h: "q"');
    expect(byId.bad5?.error).toBe('age_days must be a non-negative number: "-3"');
    expect(byId.bad6?.error).toBe("expected 11 fields, found 3");
    for (const id of ["bad1", "bad2", "bad3", "bad4", "bad5", "bad6"]) {
      const r = byId[id] as Record<string, string>;
      expect(Object.values(r).filter((v) => v === "<missing>")).toEqual([]);
      for (const z of Z) expect(r[z]).toBe("");
      expect(r.tbu).toBe("");
    }
  });

  it("reads CRLF line ends, a UTF-8 BOM, height_cm, quoted numbers and writes row numbers without an id column", async () => {
    const csv = '\uFEFFsex,age_months,weight_kg,height_cm\r\n2,100.5,25,128\r\n1,"24",12,86\r\n';
    const { code, rows } = await run(csv, "crlf.csv");
    expect(code).toBe(0);
    expect(rows.map((r) => r.id)).toEqual(["1", "2"]);
    const lib = zscores({ sex: 2, ageMonths: 100.5, weightKg: 25, lenheiCm: 128 });
    expect(rows[0]?.zhfa).toBe(String(lib.zhfa));
    expect(rows[1]?.zlen).toBe(String(zscores({ sex: 1, ageMonths: 24, weightKg: 12, lenheiCm: 86 }).zlen));
    expect(rows.every((r) => r.error === "")).toBe(true);
  });

  it("handles a file bigger than one read chunk and one batch", async () => {
    const lines = ["id,sex,age_days,weight_kg,lenhei_cm,measure"];
    for (let i = 0; i < 70_000; i++)
      lines.push(`r${i},${1 + (i % 2)},${i % 1827},${(3 + (i % 150) / 10).toFixed(1)},${50 + (i % 60)},l`);
    const { code, rows } = await run(`${lines.join("\n")}\n`, "big.csv");
    expect(code).toBe(0);
    expect(rows).toHaveLength(70_000);
    const i = 65_537;
    const lib = zscores({
      sex: 1 + (i % 2),
      ageDays: i % 1827,
      weightKg: Number((3 + (i % 150) / 10).toFixed(1)),
      lenheiCm: 50 + (i % 60),
      measure: "l",
    });
    expect(rows[i]?.id).toBe(`r${i}`);
    expect(rows[i]?.zwei).toBe(lib.zwei === null ? "" : String(lib.zwei));
    expect(PERMENKES_BANDS.map((b) => b.code)).toContain(rows[i]?.bbu);
  });

  it("rejects bad arguments with usage (exit 2) and unreadable input (exit 1)", async () => {
    expect(await runGrowth([])).toBe(2);
    expect(await runGrowth(["zscores"])).toBe(2);
    expect(await runGrowth(["zscores", "--input", "x.csv"])).toBe(2);
    expect(await runGrowth(["nope", "--input", "a", "--output", "b"])).toBe(2);
    expect(await runGrowth(["zscores", "--bogus"])).toBe(2);
    expect(await runGrowth(["--help"])).toBe(0);
    expect(
      await runGrowth(["zscores", "--input", join(dir, "missing.csv"), "--output", join(dir, "o.csv")]),
    ).toBe(1);
    expect((await run("id,weight_kg\n1,3\n", "nosex.csv")).code).toBe(1);
    expect((await run("", "empty.csv")).code).toBe(1);
  });

  it("does not import the server package", () => {
    const sources = ["./growth.ts", "../growth-csv/zscores-csv.ts", "../growth-csv/csv-scan.ts"].map((p) =>
      readFileSync(new URL(p, import.meta.url), "utf8"),
    );
    for (const s of sources)
      expect(s).not.toMatch(/(from|import)\s*\(?\s*["'][^"']*(@tumbuh\/server|packages\/server)/);
  });
});
