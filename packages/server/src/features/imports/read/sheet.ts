import type { Cell } from "@tumbuh/core";
import { AppError } from "../../../errors";

/** The four forms an e-PPGBM / SIGIZI export arrives in (detected by content, not by the file's name). */
export type FileFormat = "xlsx" | "biff" | "html" | "csv";

export interface SheetRow {
  /** Where a person finds the row: the line of a CSV, the row number of a sheet or of the HTML table. */
  line: number;
  cells: Cell[];
}

/**
 * A sheet's rows in order, made as they are asked for: an HTML or CSV file's cells are read a chunk at a
 * time, so they can be garbage before the rest are read (issue 16: holding every cell of a 30k-row file
 * until its turn cost the import more garbage collection than reading it). A reader checks its limits as it
 * reads: `next` may throw them.
 */
export interface SheetRows {
  /** The next row, or null after the last. */
  next(): SheetRow | null;
  /** How much of the file the rows handed out so far took, from 0 to 1 (progress). */
  readonly fraction: number;
}

export interface Sheet {
  format: FileFormat;
  rows: SheetRows;
  /**
   * True when a row's cell count is what the file wrote (HTML, CSV): a short row is then visible. XLSX and
   * BIFF store cells at their column, so a missing cell shows only as values of the wrong kind.
   */
  exactWidth: boolean;
}

/**
 * Bounds on what one file may make the server hold (issue 18: a 1.5 MB XLSX unpacking to 1.5 GB took the
 * process down). They are checked while reading, before the memory is spent: a regency's month is about
 * 30k rows × 40 columns and 30 MB of sheet XML, well inside them.
 */
export interface SheetLimits {
  maxRows: number;
  maxCells: number;
  /** Bytes a compressed file may unpack to (all parts of an XLSX together). */
  maxUnpackedBytes: number;
}

export const SHEET_LIMITS: SheetLimits = {
  maxRows: 200_000,
  maxCells: 8_000_000,
  maxUnpackedBytes: 200 * 1024 * 1024,
};

export const fileTooLarge = (message: string) => new AppError(413, "file_too_large", message, "file");
export const fileUnreadable = (message: string) => new AppError(400, "file_unreadable", message, "file");

/** Counts rows and cells as a reader produces them and stops it at the limits. */
export class RowBudget {
  private rows = 0;
  private cells = 0;
  constructor(private readonly limits: SheetLimits) {}

  take(cells: number): void {
    this.rows++;
    this.cells += cells;
    if (this.rows > this.limits.maxRows) {
      throw fileTooLarge(`the file has more than ${this.limits.maxRows.toLocaleString("en")} rows`);
    }
    if (this.cells > this.limits.maxCells) {
      throw fileTooLarge(`the file has more than ${this.limits.maxCells.toLocaleString("en")} cells`);
    }
  }
}

/** Rows already read whole (XLSX, BIFF), handed out one at a time; each is let go as it is handed out. */
export function rowsOf(rows: SheetRow[]): SheetRows {
  let next = 0;
  return {
    get fraction() {
      return rows.length === 0 ? 1 : next / rows.length;
    },
    next() {
      if (next >= rows.length) return null;
      const row = rows[next] as SheetRow;
      (rows as (SheetRow | undefined)[])[next++] = undefined;
      return row;
    },
  };
}

/** Every row left (tests, and readers that need them all). */
export function allRows(rows: SheetRows): SheetRow[] {
  const out: SheetRow[] = [];
  for (let r = rows.next(); r !== null; r = rows.next()) out.push(r);
  return out;
}
