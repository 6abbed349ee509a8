/** One parsed CSV record with the 1-based line number where it starts (for error reports). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks; \n and \r\n both end a record.
 * A leading UTF-8 BOM is dropped (spreadsheet exports carry one). Blank lines are skipped.
 */
export function parseCsv(text: string, delimiter = ","): CsvRecord[] {
  const records: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let fields: string[] = [];
  let field = "";
  let recordLine = 1;
  let quoted = false;
  let fieldStarted = false;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === "" && !fieldStarted))
      records.push({ line: recordLine, fields });
    fields = [];
    field = "";
    fieldStarted = false;
  };
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === "\n") line++;
        field += ch;
      }
    } else if (ch === '"' && field === "") {
      quoted = true;
      fieldStarted = true;
    } else if (ch === delimiter) {
      fields.push(field);
      field = "";
      fieldStarted = true;
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (field !== "" || fields.length > 0 || fieldStarted) endRecord();
  return records;
}

/** A cell as the writers have it: a number is written as JavaScript prints it, null as an empty field. */
export type CsvCell = string | number | null;

/**
 * Rows (of one field or more) → RFC 4180 CSV that parseCsv reads back, each record ended by CRLF as
 * spreadsheet programs expect. A field is quoted when it holds a comma, quote, CR or LF, or a semicolon (the
 * list separator of spreadsheets set to Indonesian), or starts with a BOM (a reader would drop it); quotes
 * inside are doubled. A row of one empty field is written `""`: an empty line would read as no row at all.
 * No byte-order mark: a file or download that wants one puts it in front. Text that a spreadsheet would take
 * for a formula is neutralised (`safeCell`).
 */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  let out = "";
  for (const row of rows) {
    out += row.length === 1 && (row[0] === "" || row[0] === null) ? '""' : row.map(csvField).join(",");
    out += "\r\n";
  }
  return out;
}

/**
 * A spreadsheet reads a text cell starting with = + - @ (or a tab / CR before one) as a formula, so a
 * dusun named `=HYPERLINK(...)` would run when an exported file is opened (OWASP "CSV injection"). Such
 * text is written with a leading apostrophe, which spreadsheets show as text. A plain number written as
 * text ("-1.5", "+62") is no formula and stays as it is; numbers (a negative z-score) stay numbers.
 * Used by the CSV writer here and by every XLSX writer, so all exports neutralise the same way.
 */
export function safeCell<C extends CsvCell | undefined>(cell: C): C {
  if (typeof cell !== "string" || !FORMULA_START.test(cell) || PLAIN_NUMBER.test(cell)) return cell;
  return `'${cell}` as C;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+([.,]\d+)?$/;

function csvField(cell: CsvCell): string {
  const s = cell === null ? "" : String(safeCell(cell));
  return /[",;\r\n]/.test(s) || s.startsWith("\ufeff") ? `"${s.replaceAll('"', '""')}"` : s;
}
