import {
  type Cell,
  cellText,
  type EppgbmColumn,
  type EppgbmSourceColumn,
  type HeaderMap,
  isPlaceholder,
  readDate,
  readMeasure,
  readNumber,
} from "./eppgbm";
import type { ReasonOf } from "./import-reasons";

/**
 * Some SIGIZI exports leave the `Total Pengukuran` cell out of data rows while the header has it (36 cells
 * under 37, issue 16), so every later value sits one column to the left. A value read from a shifted column
 * is wrong (a date read as a weight, a weight as a height), so such a row is either put back in line — only
 * when exactly one reading fits the columns' kinds — or rejected saying why. Never guessed.
 */
export type Alignment = { cells: readonly Cell[]; realigned: boolean } | { reject: ReasonOf };

type Kind = "date" | "number" | "count" | "age" | "label" | "measure" | "naik";

/** What each typed column holds, to tell a shifted row from a row in line. */
const KINDS: [EppgbmColumn | EppgbmSourceColumn, Kind][] = [
  ["totalPengukuran", "count"],
  ["usiaSaatUkur", "age"],
  ["tanggalPengukuran", "date"],
  ["berat", "number"],
  ["tinggi", "number"],
  ["caraUkur", "measure"],
  ["lila", "number"],
  ["bbu", "label"],
  ["zsBbu", "number"],
  ["tbu", "label"],
  ["zsTbu", "number"],
  ["bbtb", "label"],
  ["zsBbtb", "number"],
  ["naikBeratBadan", "naik"],
];

function fits(kind: Kind, c: Cell): boolean {
  const t = cellText(c);
  if (t === "" || t === "-") return true;
  switch (kind) {
    case "date":
      return readDate(c) !== "invalid";
    case "number":
      return isPlaceholder(c) || readNumber(c) !== "invalid";
    case "count":
      // One to three digits (t is not empty here).
      return t.length <= 3 && allDigits(t);
    case "age":
      // "1 Tahun - 3 Bulan - 12 Hari"
      return /tahun|bulan|hari|thn|bln|hr/i.test(t);
    case "label":
      return readNumber(c) === "invalid" && readDate(c) === "invalid";
    case "measure":
      return readMeasure(c) !== "invalid";
    case "naik":
      return /^[NTOB]$/i.test(t);
  }
}

/** Only ASCII digits (what \d matches). */
function allDigits(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function columnIndex(map: HeaderMap, col: EppgbmColumn | EppgbmSourceColumn): number | undefined {
  return col in map.index ? map.index[col as EppgbmColumn] : map.source[col as EppgbmSourceColumn];
}

/**
 * The typed columns a header has, where they are: found once per file, not for every row (issue 16). A
 * HeaderMap is never changed once mapHeaders has made it, so it can key them.
 */
const typedColumnsOf = new WeakMap<HeaderMap, { at: number; kind: Kind }[]>();

function typedColumns(map: HeaderMap): { at: number; kind: Kind }[] {
  let typed = typedColumnsOf.get(map);
  if (typed === undefined) {
    typed = [];
    for (const [col, kind] of KINDS) {
      const at = columnIndex(map, col);
      if (at !== undefined) typed.push({ at, kind });
    }
    typedColumnsOf.set(map, typed);
  }
  return typed;
}

/** Typed cells from column `from` on that do not hold what their column holds. */
function misfits(cells: readonly Cell[], map: HeaderMap, from: number): number {
  let n = 0;
  const typed = typedColumns(map);
  for (let k = 0; k < typed.length; k++) {
    const { at, kind } = typed[k] as { at: number; kind: Kind };
    if (at >= from && !fits(kind, cells[at])) n++;
  }
  return n;
}

/**
 * `exactWidth`: the reader knows how many cells the row really has (HTML and CSV rows); an XLSX or BIFF
 * row stores cells at their columns, so a missing cell shows only as values of the wrong kind.
 */
export function alignRow(cells: readonly Cell[], map: HeaderMap, exactWidth: boolean): Alignment {
  const k = map.source.totalPengukuran;
  const width = exactWidth ? cells.length : map.width;
  if (exactWidth && width < map.width - 1) {
    return { reject: { code: "row_too_short", params: { cells: width, header: map.width } } };
  }
  if (k === undefined) return { cells, realigned: false };
  const short = width === map.width - 1;
  const asIs = misfits(cells, map, k);
  if (!short && asIs === 0) return { cells, realigned: false };
  const shifted = [...cells.slice(0, k), null, ...cells.slice(k)];
  const afterShift = misfits(shifted, map, k);
  const lastEmpty = cellText(cells[map.width - 1]) === "";
  if (afterShift === 0 && asIs > 0 && (short || lastEmpty)) return { cells: shifted, realigned: true };
  if (short && asIs === 0) return { cells, realigned: false };
  if (short) {
    return { reject: { code: "row_misaligned", params: { cells: width, header: map.width } } };
  }
  return { cells, realigned: false };
}
