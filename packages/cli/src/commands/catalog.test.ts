import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseCsv } from "@tumbuh/core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runCatalog, SHIPPED_CATALOG } from "./catalog";

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tumbuh-catalog-cli-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the command with stdout/stderr captured. */
async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const o = vi.spyOn(process.stdout, "write").mockImplementation((s) => {
    out += String(s);
    return true;
  });
  const e = vi.spyOn(process.stderr, "write").mockImplementation((s) => {
    err += String(s);
    return true;
  });
  try {
    return { code: await runCatalog(args), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

// biome-ignore lint/suspicious/noExplicitAny: test fixtures are the raw file
type Raw = { indicators: any[] };
const pick = (file: Raw, ids: string[]) => ids.map((id) => file.indicators.find((d) => d.id === id));

describe("tumbuh catalog indicators", () => {
  it("prints the shipped Paser catalog as JSON: one object per indicator with source, text and target", async () => {
    const { code, out } = await run(["indicators", "--format", "json"]);
    expect(code).toBe(0);
    const rows = JSON.parse(out) as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(108);
    expect(rows.filter((r) => (r.source as { kind: string }).kind === "pasal7")).toHaveLength(20);
    expect(rows.filter((r) => (r.source as { kind: string }).kind === "annex")).toHaveLength(86);
    const p1 = rows.find((r) => r.id === "annex.P1.a.1");
    expect(p1).toMatchObject({
      source: { kind: "annex", section: "P1", strategy: "a", number: 1 },
      label: "Lampiran B Pilar 1 a.1",
      text: "Terselenggaranya rapat koordinasi tahunan yang dihadiri oleh Bupati.",
      target: {
        kind: "frequency",
        value: 1,
        original: "Target: minimal 1 (satu) kali setiap tahun",
        per: "year",
      },
      year: null,
      urusan: "Bidang Pemberdayaan Perempuan, Keluarga Berencana dan Perlindungan Perempuan dan Anak",
      responsible: ["Sekretariat TPPS"],
      supporting: ["Dinas PPKBPPPA", "Perangkat Daerah", "Pemangku Kepentingan"],
    });
    expect(rows.find((r) => r.id === "pasal6.1.2025")).toMatchObject({ year: 2025, target: { value: 20 } });
  });

  it("defaults to JSON and prints the same as --format json", async () => {
    const a = await run(["indicators"]);
    const b = await run(["indicators", "--format", "json"]);
    expect(a.out).toBe(b.out);
  });

  it("prints CSV with one row per indicator, quoting cells with commas", async () => {
    const { code, out } = await run(["indicators", "--format", "csv"]);
    expect(code).toBe(0);
    const [header, ...body] = parseCsv(out).map((r) => r.fields);
    expect(header?.slice(0, 3)).toEqual(["id", "source", "section"]);
    expect(body).toHaveLength(108);
    const col = (name: string) => header?.indexOf(name) ?? -1;
    const row = body.find((r) => r[0] === "annex.A.b.6");
    expect(row?.[col("target_original")]).toBe("Target: 166.835 jiwa");
    expect(row?.[col("target_kind")]).toBe("people");
    expect(row?.[col("target_value")]).toBe("166835");
    expect(row?.[col("urusan")]).toBe(
      "Bidang Kesehatan, Bidang sosial, Bidang Perencanaan, Penelitian dan Pengembangan, Pemerintah Kecamatan, Pemerintah Desa",
    );
    expect(row?.[col("supporting")]).toBe("Dinas Sosial; Kecamatan; Pemerintah Desa; Pemangku Kepentingan");
  });

  it("prints another regency's valid file given with --file", async () => {
    const shipped = JSON.parse(readFileSync(SHIPPED_CATALOG, "utf8"));
    const file = join(dir, "pali.json");
    writeFileSync(
      file,
      JSON.stringify({
        ...shipped,
        regency: "16.12",
        indicators: pick(shipped, ["pasal7.c", "pasal7.d", "pasal7.g"]),
      }),
    );
    const { code, out } = await run(["indicators", "--file", file]);
    expect(code).toBe(0);
    expect((JSON.parse(out) as Array<{ id: string }>).map((r) => r.id)).toEqual([
      "pasal7.c",
      "pasal7.d",
      "pasal7.g",
    ]);
  });

  it("lists every error of an invalid file with indicator and field, exit code 2", async () => {
    const shipped = JSON.parse(readFileSync(SHIPPED_CATALOG, "utf8"));
    const indicators = pick(shipped, ["pasal6.1.2024", "pasal6.1.2025", "pasal7.c", "pasal7.d"]);
    indicators[1] = { ...indicators[1], target: { ...indicators[1].target, kind: "litre" } };
    indicators[3] = { ...indicators[3], id: indicators[2].id };
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify({ ...shipped, indicators }));
    const { code, out, err } = await run(["indicators", "--file", file]);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toContain("indicator 2 (pasal6.1.2025) target.kind:");
    // The duplicate is reported once the shape is right.
    indicators[1] = pick(shipped, ["pasal6.1.2025"])[0];
    writeFileSync(file, JSON.stringify({ ...shipped, indicators }));
    const dup = await run(["indicators", "--file", file]);
    expect(dup.code).toBe(2);
    expect(dup.err).toContain("indicator 4 (pasal7.c) id: duplicate id (also indicator 3)");
  });

  it("refuses a file that is not JSON, a missing file, a bad format and an unknown subcommand", async () => {
    const file = join(dir, "x.json");
    writeFileSync(file, "not json");
    expect((await run(["indicators", "--file", file])).err).toMatch(/\(file\): not JSON/);
    expect((await run(["indicators", "--file", join(dir, "missing.json")])).code).toBe(2);
    expect((await run(["indicators", "--format", "xml"])).code).toBe(2);
    expect((await run(["targets"])).code).toBe(2);
    expect((await run([])).code).toBe(2);
  });
});
