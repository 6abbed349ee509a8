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
  const reader = new CsvReader(text, delimiter);
  for (let r = reader.next(); r !== null; r = reader.next()) records.push(r);
  return records;
}

/**
 * The records of a CSV text one at a time, as parseCsv reads them: a big file's fields are made as they are
 * asked for, and can be garbage before the rest are made (issue 16: holding every field of a 30k-row file
 * until its turn cost the import more garbage collection than parsing it). A field is taken from the text
 * as slices of runs of plain characters, not built a character at a time.
 */
export class CsvReader {
  readonly #text: string;
  /** A delimiter of more than one character never matched a single character: it splits nothing. */
  readonly #delim: number;
  #i: number;
  #line = 1;

  constructor(text: string, delimiter = ",") {
    this.#text = text;
    this.#delim = delimiter.length === 1 ? delimiter.charCodeAt(0) : -1;
    this.#i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  /** Where reading stands, from 0 to 1 (how much of the text is read). */
  get fraction(): number {
    return this.#text.length === 0 ? 1 : Math.min(1, this.#i / this.#text.length);
  }

  /** The next record, or null after the last. */
  next(): CsvRecord | null {
    const text = this.#text;
    const n = text.length;
    const delim = this.#delim;
    let i = this.#i;
    let line = this.#line;
    // The field so far is `field` followed by the run of plain characters text[run, i).
    while (i < n) {
      let fields: string[] = [];
      let field = "";
      let run = i;
      const recordLine = line;
      let quoted = false;
      let fieldStarted = false;
      let ended = false;
      for (; i < n; i++) {
        const ch = text.charCodeAt(i);
        if (quoted) {
          if (ch === QUOTE) {
            field += text.slice(run, i);
            if (text.charCodeAt(i + 1) === QUOTE) {
              // The second quote of the pair starts the next run: it is the quote the field holds.
              i++;
              run = i;
            } else {
              quoted = false;
              run = i + 1;
            }
          } else if (ch === LF) line++;
        } else if (ch === QUOTE && run === i && field === "") {
          quoted = true;
          fieldStarted = true;
          run = i + 1;
        } else if (ch === delim) {
          fields.push(field + text.slice(run, i));
          field = "";
          fieldStarted = true;
          run = i + 1;
        } else if (ch === LF || ch === CR) {
          field += text.slice(run, i);
          if (ch === CR && text.charCodeAt(i + 1) === LF) i++;
          i++;
          line++;
          ended = true;
          break;
        } else fieldStarted = true;
      }
      if (!ended) {
        // The text ends inside this record (no line break after it).
        field += text.slice(run, n);
        if (field === "" && fields.length === 0 && !fieldStarted) break;
      }
      fields.push(field);
      this.#i = i;
      this.#line = line;
      // A blank line is no record.
      if (fields.length === 1 && fields[0] === "" && !fieldStarted) {
        fields = [];
        continue;
      }
      return { line: recordLine, fields };
    }
    this.#i = n;
    this.#line = line;
    return null;
  }
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

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
