import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type ImportResult, SYSTEM_ACTOR } from "@tumbuh/core";
import { beforeEach, describe, expect, it } from "vitest";
import { ensureDemo } from "../../demo/demo";
import { describeEachDialect } from "../../testing/dialects";
import { CHILDREN } from "./fixtures/make-fixtures";
import { importMeasurements } from "./service";

const FIXTURES = join(import.meta.dirname, "fixtures");
const file = (name: string) => readFileSync(join(FIXTURES, name));
const iso = (dmy: string) => dmy.split("/").reverse().join("-");
const num = (s: string) => (s === "" ? null : Number(s.replace(",", ".")));
const plain = (html: string) => html.replace(/&nbsp;/g, " ");
const POSYANDU: Record<string, string> = { MELATI: "64.01.05.2003.P01", MAWAR: "64.01.05.2003.P02" };

describeEachDialect("SIGIZI Terpadu exports as they are exported", (db) => {
  beforeEach(async () => {
    await ensureDemo(db().kysely, { children: 0 });
  });
  const run = (name: string) =>
    importMeasurements(db().kysely, SYSTEM_ACTOR, file(name), { fileName: name, today: "2026-11-22" });

  /** Every child of the file is in the registry with exactly the file's values. */
  async function expectStoredAsInFile(names: readonly string[]) {
    for (const c of CHILDREN.filter((x) => names.includes(plain(x.name)))) {
      const person = await db()
        .kysely.selectFrom("persons")
        .selectAll()
        .where("name", "=", plain(c.name))
        .executeTakeFirstOrThrow();
      expect(person).toMatchObject({
        sex: c.sex === "L" ? 1 : 2,
        birth_date: iso(c.birth),
        parent_name: plain(c.parent),
        nik: c.nik || null,
        birth_weight_kg: 3.1,
        birth_length_cm: 49,
        region_code: POSYANDU[c.posyandu],
      });
      const m = await db()
        .kysely.selectFrom("measurements")
        .selectAll()
        .where("person_id", "=", person.id)
        .executeTakeFirstOrThrow();
      expect(m).toMatchObject({
        measured_on: iso(c.measured),
        weight_kg: num(c.weight),
        lenhei_cm: num(c.height),
        measure: c.how === "Berdiri" ? "h" : "l",
        muac_cm: num(c.muac),
      });
    }
  }

  const ALL = CHILDREN.map((c) => plain(c.name));

  function expectReconciled(r: ImportResult, withCitra: boolean) {
    expect(r.reconciliation.counts).toEqual({ zscore: withCitra ? 1 : 0, placeholder: 1, label: 1 });
    const items = r.reconciliation.items.map((i) => [i.name, i.indicator, i.kind, i.eppgbm]);
    expect(items).toEqual(
      expect.arrayContaining([
        ["Dani", "tbu", "placeholder", expect.stringMatching(/^999[.,]99$/)],
        ["Eka Putri", "bbtb", "label", "Gizi Buruk"],
      ]),
    );
    if (withCitra) expect(items).toContainEqual(["Citra", "bbu", "zscore", expect.any(String)]);
    const melati = r.reconciliation.byPosyandu.find((p) => p.posyandu === "MELATI");
    const mawar = r.reconciliation.byPosyandu.find((p) => p.posyandu === "MAWAR");
    expect(melati).toMatchObject({ rows: withCitra ? 3 : 2, zscore: withCitra ? 1 : 0, placeholder: 1 });
    expect(mawar).toMatchObject({ rows: 3, label: 1, zscore: 0 });
  }

  it("the HTML table saved as .xls: title rows, Pukesmas, units, ZS columns, <br> and &nbsp; cells", async () => {
    const r = await run("sigizi-agustus-2026.xls");
    expect(r).toMatchObject({ format: "html", headerLine: 4, rows: 6, rejected: [] });
    expect(r.stored).toEqual({ persons: 6, measurements: 6 });
    await expectStoredAsInFile(ALL);
    expectReconciled(r, true);
    // e-PPGBM's own values are kept exactly as the file wrote them.
    const src = await db()
      .kysely.selectFrom("import_source_values")
      .select(["line", "values_json"])
      .orderBy("line")
      .execute();
    expect(src).toHaveLength(6);
    expect(JSON.parse(src[3]?.values_json ?? "{}")).toMatchObject({
      no: "4",
      totalPengukuran: "3",
      zsTbu: "999,99",
      naikBeratBadan: "N",
      detail: "Lihat",
    });
  });

  it("the real BIFF .xls (LibreOffice's Excel 97 file of the same table)", async () => {
    const r = await run("sigizi-agustus-2026-biff.xls");
    expect(r).toMatchObject({ format: "biff", headerLine: 4, rows: 6, rejected: [] });
    expect(r.stored).toEqual({ persons: 6, measurements: 6 });
    await expectStoredAsInFile(ALL);
    expectReconciled(r, true);
  });

  it("the same file re-saved as XLSX; a NIK that lost its last digit as a number is refused, not stored", async () => {
    const r = await run("sigizi-agustus-2026.xlsx");
    expect(r).toMatchObject({ format: "xlsx", headerLine: 4, rows: 6 });
    expect(r.rejected).toEqual([
      { line: 7, column: "NIK", code: "nik_as_number", params: expect.any(Object) },
    ]);
    expect(r.stored).toEqual({ persons: 5, measurements: 5 });
    await expectStoredAsInFile(ALL.filter((n) => n !== "Citra"));
    expectReconciled(r, false);
  });

  it("short rows: the one missing only Total Pengukuran is lined up again, the others are rejected saying why", async () => {
    const r = await run("sigizi-baris-pendek.xls");
    expect(r.rows).toBe(4);
    expect(r.stored).toEqual({ persons: 2, measurements: 2 });
    expect(r.warnings).toContainEqual({
      line: 6,
      column: "Total Pengukuran",
      code: "row_realigned",
      params: {},
    });
    expect(r.rejected).toEqual([
      { line: 7, column: null, code: "row_misaligned", params: { cells: 36, header: 37 } },
      { line: 8, column: null, code: "row_too_short", params: { cells: 30, header: 37 } },
    ]);
    await expectStoredAsInFile(["Aisyah", "Budi Santoso"]);
  });
});

describe("fixture files", () => {
  it("are what their README says: an HTML table, a compound-file BIFF workbook, a ZIP workbook", () => {
    expect(file("sigizi-agustus-2026.xls").subarray(0, 6).toString()).toBe("<html>");
    expect(file("sigizi-agustus-2026-biff.xls").readUInt32BE(0)).toBe(0xd0cf11e0);
    expect(file("sigizi-agustus-2026.xlsx").readUInt32BE(0)).toBe(0x504b0304);
  });
});
