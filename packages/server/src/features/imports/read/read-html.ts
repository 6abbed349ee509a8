import type { Cell } from "@tumbuh/core";
import { decodeText } from "./decode-text";
import { fileUnreadable, RowBudget, type Sheet, type SheetLimits } from "./sheet";

const NAMED: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  // A non-breaking space is a space in a name or an address ("Siti&nbsp;Aminah").
  nbsp: " ",
};

// One function for every reference, not a new closure per call: a 30k-row export decodes 300k cells, and
// the TypeScript runner names each closure as it is made (issue 16).
function decodeReference(whole: string, ref: string): string {
  if (ref[0] === "#") {
    const code = ref[1] === "x" || ref[1] === "X" ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    if (!Number.isFinite(code) || code > 0x10ffff) return whole;
    return code === 0xa0 ? " " : String.fromCodePoint(code);
  }
  return NAMED[ref.toLowerCase()] ?? whole;
}

/** HTML character references: the named ones exports use, and numeric ones (&#39; &#x27;). */
export function decodeEntities(s: string): string {
  // &nbsp; is most of them (every space of a name in a SIGIZI export): replaced in one plain pass first. A
  // reference holds one "&" and the space put in its place is part of none, so the result is the same.
  const t = s.includes("&nbsp;") ? s.replaceAll("&nbsp;", " ") : s;
  return t.includes("&") ? t.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, decodeReference) : t;
}

/** A cell's text: <br> and runs of white space become one space, other tags go, entities are decoded. */
function cellText(html: string): string {
  // Most cells hold no tag and many no entity: each step runs only when it can change something (a 30k-row
  // export has 660k cells; issue 16).
  let s = html.includes("<") ? html.replace(/<br\s*\/?>/gi, " ").replace(/<[^>]*>/g, "") : html;
  if (s.includes("&")) s = decodeEntities(s);
  return spacedOnce(s) ? s : s.replace(/[\s\u00a0]+/g, " ").trim();
}

/**
 * Whether `s` is already what the white-space step makes of it: no white space but single spaces between
 * other characters. Characters from U+1680 up (where JavaScript's other spaces are) take the exact step.
 */
function spacedOnce(s: string): boolean {
  const last = s.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (i === 0 || i === last || s.charCodeAt(i + 1) === 32) return false;
    } else if (c < 32 || c === 0xa0 || c >= 0x1680) return false;
  }
  return true;
}

/** The tags that shape the table, by the index of their name in TAG_NAMES (any other tag is -1). */
const TAG_NAMES = ["tr", "td", "th", "table"] as const;
const TR = 0;
const TABLE = 3;

/** A letter, digit or underscore: a tag name going on (what \b in a pattern would test). */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** Which of the table's tags is named at `at` (case-insensitive, the whole name), or -1. */
function tagAt(html: string, at: number): number {
  for (let t = 0; t < TAG_NAMES.length; t++) {
    const name = TAG_NAMES[t] as string;
    let k = 0;
    while (k < name.length && (html.charCodeAt(at + k) | 0x20) === name.charCodeAt(k)) k++;
    if (k === name.length && !isWordChar(html.charCodeAt(at + k))) return t;
  }
  return -1;
}

/**
 * An HTML table saved with an .xls name, as SIGIZI Terpadu exports "Daftar Anak Berdasarkan Status Gizi"
 * (issue 16). Every <tr> is a row, every <td>/<th> a cell (a colspan fills the columns it spans, so a
 * title row spanning the table stays one row). Closing tags may be missing, as browsers allow.
 */
export function readHtml(bytes: Uint8Array, limits: SheetLimits): Sheet {
  const text = decodeText(bytes);
  const html = text.includes("<!--") ? text.replace(/<!--[\s\S]*?-->/g, "") : text;
  const budget = new RowBudget(limits);
  const rows: Sheet["rows"] = [];
  let row: Cell[] | null = null;
  let cellStart = -1;
  let span = 1;
  let tableRow = 0;
  const closeCell = (end: number) => {
    if (row && cellStart >= 0) {
      row.push(cellText(html.slice(cellStart, end)));
      for (let i = 1; i < span; i++) row.push("");
    }
    cellStart = -1;
  };
  const closeRow = (end: number) => {
    closeCell(end);
    if (row) {
      budget.take(row.length);
      rows.push({ line: tableRow, cells: row });
    }
    row = null;
  };
  // A scan from one "<" to the next, not a regular expression: its match arrays and captured strings for
  // the 1.4 million tags of a 30k-row export were most of the reading time (issue 16).
  for (let lt = html.indexOf("<"); lt >= 0; ) {
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
  closeRow(html.length);
  if (rows.length === 0) throw fileUnreadable("the HTML file holds no table rows");
  return { format: "html", rows, exactWidth: true };
}
