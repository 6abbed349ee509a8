import { parseCsv } from "@tumbuh/core";
import { decodeText } from "./decode-text";
import { RowBudget, type Sheet, type SheetLimits } from "./sheet";

/** The delimiter the first lines use most: comma, semicolon (Indonesian Excel) or tab. */
function delimiterOf(text: string): string {
  const head = text.slice(0, 16 * 1024);
  const count = (ch: string) => head.split(ch).length - 1;
  const candidates = [",", ";", "\t"].map((d) => ({ d, n: count(d) }));
  return candidates.reduce((a, b) => (b.n > a.n ? b : a)).d;
}

export function readCsv(bytes: Uint8Array, limits: SheetLimits): Sheet {
  const text = decodeText(bytes);
  const budget = new RowBudget(limits);
  const rows = parseCsv(text, delimiterOf(text)).map((r) => {
    budget.take(r.fields.length);
    return { line: r.line, cells: r.fields };
  });
  return { format: "csv", rows, exactWidth: true };
}
