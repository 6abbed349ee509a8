import type { FlatRows } from "../../db/bulk-insert";
import type { WriteStep } from "./slices";

/**
 * Steps as they travel to the import's writer thread (./store-thread.ts), column by column: a column with one
 * value in every row is sent once (an import's id, its time, the nulls of columns a file never fills — a
 * third of a measurement's), a column of numbers as a Float64Array moved, not copied, a column of text as one
 * string. Why not the plain rows: the structured clone of ~1.3M values of a 30k-row month cost more than
 * writing them, and JSON still ~0.25 s to read back in the writer — on the path every row waits on.
 *
 * Exact: text and numbers come back as they went, null as null. A number column's null travels as NaN (a
 * NaN itself comes back as null, as SQLite stores it). A column of mixed kinds, or of text holding the
 * separator, travels as it is (cloned value by value: rare, so its cost does not matter).
 */
export interface EncodedSteps {
  steps: { persons: EncodedRows; measurements: EncodedRows; sources: EncodedRows; count: number }[];
  /** What to hand postMessage as moved (the number columns' buffers). */
  transfer: ArrayBuffer[];
}

interface EncodedRows {
  columns: readonly string[];
  rows: number;
  data: Column[];
}

type Column =
  | { same: string | number | null }
  | { numbers: Float64Array }
  | { text: string; nulls: Uint8Array | null }
  | { mixed: unknown[] };

const SEP = "\u0000";

export function encodeSteps(steps: readonly WriteStep[]): EncodedSteps {
  const transfer: ArrayBuffer[] = [];
  const rows = (r: FlatRows): EncodedRows => {
    const width = r.columns.length;
    const count = width === 0 ? 0 : r.values.length / width;
    const data = r.columns.map((_, c) => encodeColumn(r.values, width, c, count, transfer));
    return { columns: r.columns, rows: count, data };
  };
  return {
    steps: steps.map((s) => ({
      persons: rows(s.persons),
      measurements: rows(s.measurements),
      sources: rows(s.sources),
      count: s.count,
    })),
    transfer,
  };
}

export function decodeSteps(encoded: EncodedSteps["steps"]): WriteStep[] {
  return encoded.map((s) => ({
    persons: decodeRows(s.persons),
    measurements: decodeRows(s.measurements),
    sources: decodeRows(s.sources),
    count: s.count,
  }));
}

function encodeColumn(
  values: readonly unknown[],
  width: number,
  c: number,
  count: number,
  transfer: ArrayBuffer[],
): Column {
  const first = values[c] ?? null;
  let same = true;
  let numbers = true;
  let text = true;
  let nulls = false;
  for (let r = 0; r < count; r++) {
    const v = values[r * width + c] ?? null;
    if (v !== first) same = false;
    if (v === null) nulls = true;
    else if (typeof v === "number") text = false;
    else if (typeof v === "string") {
      numbers = false;
      if (v.includes(SEP)) text = false;
    } else {
      numbers = false;
      text = false;
    }
  }
  if (same && (first === null || typeof first === "number" || typeof first === "string")) {
    // NaN !== NaN: a column of NaN is never "same", so `first` here is exact.
    return { same: first };
  }
  if (numbers) {
    const out = new Float64Array(count);
    for (let r = 0; r < count; r++) out[r] = (values[r * width + c] as number | null) ?? Number.NaN;
    transfer.push(out.buffer as ArrayBuffer);
    return { numbers: out };
  }
  const column = new Array<unknown>(count);
  for (let r = 0; r < count; r++) column[r] = values[r * width + c] ?? null;
  if (text) {
    const flags = nulls ? new Uint8Array(count) : null;
    if (flags) for (let r = 0; r < count; r++) if (column[r] === null) flags[r] = 1;
    return { text: column.map((v) => v ?? "").join(SEP), nulls: flags };
  }
  return { mixed: column };
}

function decodeRows(e: EncodedRows): FlatRows {
  const width = e.columns.length;
  const values = new Array<unknown>(e.rows * width);
  e.data.forEach((col, c) => {
    if ("same" in col) {
      for (let r = 0; r < e.rows; r++) values[r * width + c] = col.same;
    } else if ("numbers" in col) {
      const n = col.numbers;
      for (let r = 0; r < e.rows; r++) {
        const v = n[r] as number;
        values[r * width + c] = Number.isNaN(v) ? null : v;
      }
    } else if ("text" in col) {
      const parts = col.text.split(SEP);
      const nulls = col.nulls;
      for (let r = 0; r < e.rows; r++) values[r * width + c] = nulls?.[r] ? null : parts[r];
    } else {
      for (let r = 0; r < e.rows; r++) values[r * width + c] = col.mixed[r];
    }
  });
  return { columns: e.columns, values };
}
