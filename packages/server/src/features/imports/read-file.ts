import { type Cell, parseCsv } from "@tumbuh/core";
import type { CellValue } from "exceljs";

export interface SheetRows {
  headers: string[];
  rows: { line: number; cells: Cell[] }[];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** An XLSX (by its ZIP signature) or a CSV (comma or semicolon, as Indonesian Excel saves it). */
export async function readSheet(bytes: Buffer): Promise<SheetRows> {
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) return readXlsx(bytes);
  const text = bytes.toString("utf8");
  const firstLine = text.slice(0, text.indexOf("\n") >>> 0);
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const [header, ...rows] = parseCsv(text, delimiter);
  return { headers: header?.fields ?? [], rows: rows.map((r) => ({ line: r.line, cells: r.fields })) };
}

async function readXlsx(bytes: Buffer): Promise<SheetRows> {
  // Loaded here, not at import: exceljs takes a second to load and a CSV import never needs it.
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return { headers: [], rows: [] };
  const value = (v: CellValue): Cell => {
    if (v === null || v === undefined) return null;
    if (typeof v === "string" || typeof v === "number" || v instanceof Date) return v;
    if (typeof v === "boolean") return String(v);
    if ("result" in v) return value(v.result as CellValue);
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("text" in v) return String(v.text);
    return String(v);
  };
  let headers: string[] = [];
  const rows: SheetRows["rows"] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = value(cell.value);
    });
    if (headers.length === 0) headers = cells.map((c) => (c === null || c === undefined ? "" : String(c)));
    else rows.push({ line: rowNumber, cells });
  });
  return { headers, rows };
}
