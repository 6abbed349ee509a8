import { parseCsv } from "@tumbuh/core";
import { describe, expect, it } from "vitest";
import { type Table, toCsv, toXlsx } from "./tables";

// A dusun (or posyandu) named by a user lands in every figure's "wilayah" column.
const table: Table = {
  name: "wilayah",
  columns: ["kode", "wilayah", "z_median"],
  rows: [
    ["64.01.05.2003/D01", '=HYPERLINK("http://evil.example","klik")', -1.25],
    ["64.01.05.2003/D02", "@SUM(A1)", 0.4],
    ["64.01.05.2003/D03", "Dusun Melati", null],
  ],
};

describe("figure downloads neutralise formulas", () => {
  it("CSV: names that start a formula are written as text; numbers stay numbers", () => {
    const rows = parseCsv(toCsv(table)).map((r) => r.fields);
    expect(rows[1]).toEqual(["64.01.05.2003/D01", `'=HYPERLINK("http://evil.example","klik")`, "-1.25"]);
    expect(rows[2]?.[1]).toBe("'@SUM(A1)");
    expect(rows[3]?.[1]).toBe("Dusun Melati");
  });

  it("XLSX: the same cells are text with the apostrophe, no cell is a formula, the negative figure is a number", async () => {
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsx([table])) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("wilayah");
    expect(ws?.getCell("B2").value).toBe(`'=HYPERLINK("http://evil.example","klik")`);
    expect(ws?.getCell("B3").value).toBe("'@SUM(A1)");
    expect(ws?.getCell("C2").value).toBe(-1.25);
    expect(ws?.getCell("C2").type).toBe(ExcelJS.ValueType.Number);
    ws?.eachRow((row) => {
      row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula));
    });
  });
});
