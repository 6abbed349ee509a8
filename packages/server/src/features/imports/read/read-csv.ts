import { CsvReader } from "@tumbuh/core";
import { decodeText } from "./decode-text";
import { RowBudget, type Sheet, type SheetLimits } from "./sheet";

/** The delimiter the first lines use most: comma, semicolon (Indonesian Excel) or tab. */
function delimiterOf(text: string): string {
  const head = text.slice(0, 16 * 1024);
  const count = (ch: string) => head.split(ch).length - 1;
  const candidates = [",", ";", "\t"].map((d) => ({ d, n: count(d) }));
  return candidates.reduce((a, b) => (b.n > a.n ? b : a)).d;
}

/**
 * A CSV file's records as rows, parsed as they are asked for (sheet.ts SheetRows). The limits are checked
 * as the rows are read: a file over them fails its import there, and the import leaves nothing stored.
 */
export function readCsv(bytes: Uint8Array, limits: SheetLimits): Sheet {
  const text = decodeText(bytes);
  const budget = new RowBudget(limits);
  const records = new CsvReader(text, delimiterOf(text));
  return {
    format: "csv",
    exactWidth: true,
    rows: {
      get fraction() {
        return records.fraction;
      },
      next() {
        const r = records.next();
        if (r === null) return null;
        budget.take(r.fields.length);
        return { line: r.line, cells: r.fields };
      },
    },
  };
}
