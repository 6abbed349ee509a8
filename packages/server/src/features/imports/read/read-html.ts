import type { Cell } from "@tumbuh/core";
import { cellText } from "./cell-text";
import { decodeText } from "./decode-text";
import { fileUnreadable, RowBudget, type Sheet, type SheetLimits, type SheetRow } from "./sheet";

/** The tags that shape the table, by the index of their name in TAG_NAMES (any other tag is -1). */
const TAG_NAMES = ["tr", "td", "th", "table"] as const;
const TR = 0;
const TD = 1;
const TH = 2;
const TABLE = 3;

/** A letter, digit or underscore: a tag name going on (what \b in a pattern would test). */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** Which of the table's tags is named at `at` (case-insensitive, the whole name), or -1. */
export function tagAt(html: string, at: number): number {
  // Every name starts with "t" and differs from the others in its second letter: two characters decide
  // (1.4 million tags in a 30k-row export).
  if ((html.charCodeAt(at) | 0x20) !== 116) return -1;
  const second = html.charCodeAt(at + 1) | 0x20;
  const t: number =
    second === 114 ? TR : second === 100 ? TD : second === 104 ? TH : second === 97 ? TABLE : -1;
  if (t < 0) return -1;
  const name = TAG_NAMES[t] as string;
  for (let k = 2; k < name.length; k++)
    if ((html.charCodeAt(at + k) | 0x20) !== name.charCodeAt(k)) return -1;
  return isWordChar(html.charCodeAt(at + name.length)) ? -1 : t;
}

/**
 * An HTML table saved with an .xls name, as SIGIZI Terpadu exports "Daftar Anak Berdasarkan Status Gizi"
 * (issue 16). Every <tr> is a row, every <td>/<th> a cell (a colspan fills the columns it spans, so a
 * title row spanning the table stays one row). Closing tags may be missing, as browsers allow. The rows
 * are read as they are asked for (sheet.ts SheetRows); the limits are checked as they are read.
 */
export function readHtml(bytes: Uint8Array, limits: SheetLimits): Sheet {
  const text = decodeText(bytes);
  const html = text.includes("<!--") ? text.replace(/<!--[\s\S]*?-->/g, "") : text;
  const budget = new RowBudget(limits);
  let ready: SheetRow | null = null;
  let given = 0;
  let row: Cell[] | null = null;
  let above: Cell[] = []; // the row before, whose cells a row repeats (cellText)
  let cellStart = -1;
  let span = 1;
  let tableRow = 0;
  const closeCell = (end: number) => {
    if (row && cellStart >= 0) {
      row.push(cellText(html, cellStart, end, above[row.length] as string | undefined));
      for (let i = 1; i < span; i++) row.push("");
    }
    cellStart = -1;
  };
  const closeRow = (end: number) => {
    closeCell(end);
    if (row) {
      budget.take(row.length);
      ready = { line: tableRow, cells: row };
      above = row;
    }
    row = null;
  };
  // A scan from one "<" to the next, not a regular expression: its match arrays and captured strings for
  // the 1.4 million tags of a 30k-row export were most of the reading time (issue 16). It stops at each
  // row it completes and goes on from there when the next row is asked for.
  let lt = html.indexOf("<");
  let ended = false;
  const next = (): SheetRow | null => {
    while (ready === null && lt >= 0) {
      const closing = html.charCodeAt(lt + 1) === 47; // "/"
      const nameAt = closing ? lt + 2 : lt + 1;
      const tag = tagAt(html, nameAt);
      const nameLength = tag < 0 ? 0 : (TAG_NAMES[tag] as string).length;
      const gt = tag < 0 ? -1 : html.indexOf(">", nameAt + nameLength);
      if (gt < 0) {
        lt = html.indexOf("<", lt + 1);
        continue;
      }
      if (tag === TABLE) {
        closeRow(lt);
      } else if (tag === TR) {
        closeRow(lt);
        if (!closing) {
          row = [];
          tableRow++;
        }
      } else if (closing) {
        closeCell(lt);
      } else {
        closeCell(lt);
        if (!row) {
          row = [];
          tableRow++;
        }
        const attributes = gt > nameAt + nameLength ? html.slice(nameAt + nameLength, gt) : "";
        const colspan = attributes === "" ? null : /colspan\s*=\s*["']?(\d+)/i.exec(attributes);
        span = Math.min(Math.max(1, Number(colspan?.[1] ?? 1)), 256);
        cellStart = gt + 1;
      }
      lt = html.indexOf("<", gt + 1);
    }
    if (ready === null && !ended) {
      ended = true;
      closeRow(html.length);
    }
    const out: SheetRow | null = ready;
    ready = null;
    if (out) given++;
    else if (given === 0) throw fileUnreadable("the HTML file holds no table rows");
    return out;
  };
  return {
    format: "html",
    exactWidth: true,
    rows: {
      get fraction() {
        return lt < 0 || html.length === 0 ? 1 : lt / html.length;
      },
      next,
    },
  };
}
