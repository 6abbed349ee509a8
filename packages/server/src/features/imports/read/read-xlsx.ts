import type { Cell } from "@tumbuh/core";
import { isDateFormat, serialToDate } from "./number-format";
import {
  fileTooLarge,
  fileUnreadable,
  RowBudget,
  rowsOf,
  type Sheet,
  type SheetLimits,
  type SheetRow,
} from "./sheet";
import { ByteBudget, partText, partWhole, type ZipEntry, zipEntries } from "./zip";

/**
 * An XLSX workbook's first sheet, read as it unpacks (ECMA-376 Part 1: 18.2 workbook, 18.3 worksheet
 * <row>/<c>/<v>, 18.4 shared strings, 18.8 styles for date formats). Only the rows of the sheet are kept;
 * the XML is scanned chunk by chunk and unpacking stops at the limits (issue 18's XLSX bomb). A cell that
 * cannot be what it claims (a number that is not one, a shared string that does not exist) is a 400 naming
 * the row and cell — never a 500.
 */
export async function readXlsx(bytes: Buffer, limits: SheetLimits): Promise<Sheet> {
  const entries = zipEntries(bytes);
  const budget = new ByteBudget(limits.maxUnpackedBytes);
  const declared = [...entries.values()].reduce((n, e) => n + e.declaredSize, 0);
  if (declared > limits.maxUnpackedBytes) budget.take(declared);
  const part = (name: string) => entries.get(name);

  const workbook = part("xl/workbook.xml");
  if (!workbook) throw fileUnreadable("the file is a ZIP but not an Excel workbook (no xl/workbook.xml)");
  const wbXml = await partWhole(bytes, workbook, budget);
  const date1904 = /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(wbXml);
  const sheetPath = await firstSheetPath(bytes, wbXml, part("xl/_rels/workbook.xml.rels"), budget);
  const sheetEntry = part(sheetPath) ?? part("xl/worksheets/sheet1.xml");
  if (!sheetEntry) throw fileUnreadable("the workbook has no worksheet");

  const strings = await sharedStrings(bytes, part("xl/sharedStrings.xml"), budget);
  const dateStyles = await dateStyleIndexes(bytes, part("xl/styles.xml"), budget);

  const rowBudget = new RowBudget(limits);
  const rows: SheetRow[] = [];
  let nextRow = 1;
  const takeRows = (xml: string) => {
    ROW.lastIndex = 0;
    for (let m = ROW.exec(xml); m; m = ROW.exec(xml)) {
      const r = R_ATTR.exec(m[1] ?? "");
      const line = r ? Number(r[1]) : nextRow;
      nextRow = line + 1;
      const cells = readCells(m[2] ?? "", line, strings, dateStyles, date1904);
      rowBudget.take(cells.length);
      if (cells.length > 0) rows.push({ line, cells });
    }
  };
  let pending = "";
  for await (const text of partText(bytes, sheetEntry, budget)) {
    pending += text;
    const end = pending.lastIndexOf("</row>");
    if (end < 0) {
      if (pending.length > 32 * 1024 * 1024) throw fileTooLarge("a row of the sheet is larger than 32 MB");
      continue;
    }
    takeRows(pending.slice(0, end + 6));
    pending = pending.slice(end + 6);
  }
  takeRows(pending);
  return { format: "xlsx", rows: rowsOf(rows), exactWidth: false };
}

const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const R_ATTR = /\br="(\d+)"/;
const REF_ATTR = /\br="([A-Z]+)(\d+)"/;
const S_ATTR = /\bs="(\d+)"/;
const T_ATTR = /\bt="(\w+)"/;
const V = /<v>([\s\S]*?)<\/v>/;
const T = /<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g;

/** XML character references and OOXML's _xHHHH_ escapes (ECMA-376 Part 1, 22.9.2.19 ST_Xstring). */
export function decodeXml(s: string): string {
  if (!s.includes("&") && !s.includes("_x")) return s;
  return s
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)))
    .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, ref: string) => {
      if (ref[0] === "#") {
        return String.fromCodePoint(
          ref[1] === "x" || ref[1] === "X" ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1)),
        );
      }
      return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[ref.toLowerCase()] as string;
    });
}

function richText(xml: string): string {
  let out = "";
  const bare = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  T.lastIndex = 0;
  for (let m = T.exec(bare); m; m = T.exec(bare)) out += m[1] ?? "";
  return decodeXml(out);
}

function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

/** The row and cell an error names (a function of its own: a closure made per cell cost 0.4 s a file). */
function where(line: number, ref: RegExpExecArray | null, col: number): string {
  return `row ${line}, cell ${ref ? `${ref[1]}${ref[2]}` : `#${col + 1}`}`;
}

function readCells(
  xml: string,
  line: number,
  strings: readonly string[],
  dateStyles: ReadonlySet<number>,
  date1904: boolean,
): Cell[] {
  const cells: Cell[] = [];
  let next = 0;
  CELL.lastIndex = 0;
  for (let m = CELL.exec(xml); m; m = CELL.exec(xml)) {
    const attrs = m[1] ?? "";
    const ref = REF_ATTR.exec(attrs);
    const col = ref ? columnIndex(ref[1] as string) : next;
    if (col < 0 || col >= 16_384) throw fileUnreadable(`row ${line}: a cell lies outside the sheet`);
    next = col + 1;
    const body = m[2] ?? "";
    const type = T_ATTR.exec(attrs)?.[1] ?? "n";
    const v = V.exec(body)?.[1];
    let value: Cell = null;
    if (type === "inlineStr") value = richText(body);
    else if (v === undefined) value = null;
    else if (type === "s") {
      const s = strings[Number(v)];
      if (s === undefined)
        throw fileUnreadable(`${where(line, ref, col)}: the text it refers to (${v}) does not exist`);
      value = s;
    } else if (type === "str") value = decodeXml(v);
    else if (type === "b") value = v === "1" ? "true" : "false";
    else if (type === "e") value = null;
    else if (type === "d") {
      const d = new Date(v);
      if (Number.isNaN(d.getTime())) throw fileUnreadable(`${where(line, ref, col)}: "${v}" is not a date`);
      value = d;
    } else {
      const n = Number(v);
      if (v.trim() === "" || !Number.isFinite(n)) {
        throw fileUnreadable(`${where(line, ref, col)}: "${decodeXml(v).slice(0, 40)}" is not a number`);
      }
      const style = S_ATTR.exec(attrs);
      value = style && dateStyles.has(Number(style[1])) ? serialToDate(n, date1904) : n;
    }
    cells[col] = value;
  }
  return cells;
}

async function firstSheetPath(
  bytes: Buffer,
  wbXml: string,
  rels: ZipEntry | undefined,
  budget: ByteBudget,
): Promise<string> {
  const rid = /<sheet\b[^>]*\br:id="([^"]+)"/.exec(wbXml)?.[1];
  if (!rid || !rels) return "xl/worksheets/sheet1.xml";
  const relsXml = await partWhole(bytes, rels, budget);
  for (const m of relsXml.matchAll(/<Relationship\b([^>]*)>/g)) {
    const attrs = m[1] ?? "";
    if (/\bId="([^"]+)"/.exec(attrs)?.[1] !== rid) continue;
    const target = /\bTarget="([^"]+)"/.exec(attrs)?.[1] ?? "";
    return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
  }
  return "xl/worksheets/sheet1.xml";
}

async function sharedStrings(bytes: Buffer, entry: ZipEntry | undefined, budget: ByteBudget) {
  const out: string[] = [];
  if (!entry) return out;
  const SI = /<si>([\s\S]*?)<\/si>|<si\/>/g;
  const take = (xml: string) => {
    SI.lastIndex = 0;
    for (let m = SI.exec(xml); m; m = SI.exec(xml)) out.push(m[1] === undefined ? "" : richText(m[1]));
  };
  let pending = "";
  for await (const text of partText(bytes, entry, budget)) {
    pending += text;
    const end = pending.lastIndexOf("</si>");
    if (end < 0) continue;
    take(pending.slice(0, end + 5));
    pending = pending.slice(end + 5);
  }
  take(pending);
  return out;
}

async function dateStyleIndexes(bytes: Buffer, entry: ZipEntry | undefined, budget: ByteBudget) {
  const dates = new Set<number>();
  if (!entry) return dates;
  const xml = await partWhole(bytes, entry, budget);
  const codes = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b([^>]*)\/?>/g)) {
    const id = /\bnumFmtId="(\d+)"/.exec(m[1] ?? "")?.[1];
    const code = /\bformatCode="([^"]*)"/.exec(m[1] ?? "")?.[1];
    if (id !== undefined && code !== undefined) codes.set(Number(id), decodeXml(code));
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? "";
  let i = 0;
  for (const m of xfs.matchAll(/<xf\b([^>]*)>/g)) {
    const id = Number(/\bnumFmtId="(\d+)"/.exec(m[1] ?? "")?.[1] ?? 0);
    if (isDateFormat(id, codes.get(id))) dates.add(i);
    i++;
  }
  return dates;
}
