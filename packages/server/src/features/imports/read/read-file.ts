import { detectFormat } from "./detect-format";
import { readBiff } from "./read-biff";
import { readCsv } from "./read-csv";
import { readHtml } from "./read-html";
import { readXlsx } from "./read-xlsx";
import { SHEET_LIMITS, type Sheet, type SheetLimits } from "./sheet";

/**
 * Any e-PPGBM / SIGIZI export as rows of cells, whatever its name says: XLSX, BIFF .xls, an HTML table
 * named .xls, or CSV (detected by content). Bounded by `limits` while reading; a file that breaks them or
 * cannot be read is an AppError (413 file_too_large / 400 file_unreadable) naming the problem.
 */
export async function readSheet(bytes: Buffer, limits: SheetLimits = SHEET_LIMITS): Promise<Sheet> {
  switch (detectFormat(bytes)) {
    case "xlsx":
      return readXlsx(bytes, limits);
    case "biff":
      return readBiff(bytes, limits);
    case "html":
      return readHtml(bytes, limits);
    case "csv":
      return readCsv(bytes, limits);
  }
}
