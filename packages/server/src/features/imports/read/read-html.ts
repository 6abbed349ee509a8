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
  return s.replace(/[\s\u00a0]+/g, " ").trim();
}

/**
 * An HTML table saved with an .xls name, as SIGIZI Terpadu exports "Daftar Anak Berdasarkan Status Gizi"
 * (issue 16). Every <tr> is a row, every <td>/<th> a cell (a colspan fills the columns it spans, so a
 * title row spanning the table stays one row). Closing tags may be missing, as browsers allow.
 */
export function readHtml(bytes: Uint8Array, limits: SheetLimits): Sheet {
  const html = decodeText(bytes).replace(/<!--[\s\S]*?-->/g, "");
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
  const tags = /<(\/?)(tr|td|th|table)\b([^>]*)>/gi;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    const closing = m[1] === "/";
    const tag = (m[2] as string).toLowerCase();
    if (tag === "table") {
      closeRow(m.index);
    } else if (tag === "tr") {
      closeRow(m.index);
      if (!closing) {
        row = [];
        tableRow++;
      }
    } else if (closing) {
      closeCell(m.index);
    } else {
      closeCell(m.index);
      if (!row) {
        row = [];
        tableRow++;
      }
      const colspan = /colspan\s*=\s*["']?(\d+)/i.exec(m[3] ?? "");
      span = Math.min(Math.max(1, Number(colspan?.[1] ?? 1)), 256);
      cellStart = m.index + m[0].length;
    }
  }
  closeRow(html.length);
  if (rows.length === 0) throw fileUnreadable("the HTML file holds no table rows");
  return { format: "html", rows, exactWidth: true };
}
