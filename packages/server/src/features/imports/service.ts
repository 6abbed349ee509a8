import { createHash } from "node:crypto";
import {
  type Actor,
  alignRow,
  type CellError,
  type EppgbmRow,
  findHeaderRow,
  type ImportResult,
  type ImportRowError,
  mapHeaders,
  nowIso,
  readEppgbmRow,
  todayIso,
} from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { uuidv7 } from "../../util/ids";
import { RowPlanner } from "./plan-rows";
import { readSheet } from "./read/read-file";
import { SHEET_LIMITS, type SheetLimits, type SheetRow } from "./read/sheet";
import { Reconciler } from "./reconcile";
import type { ImportItem } from "./slices";
import { ImportStore } from "./store";

export interface ImportOptions {
  fileName: string;
  dryRun?: boolean;
  allOrNothing?: boolean;
  today?: string;
  limits?: SheetLimits;
  /** Rows done so far (a background job shows it); called often, cheap. */
  progress?: (done: number, total: number) => void;
  /** Rows checked at a time (CHUNK_ROWS; tests make it small to hold chunks to the whole file's result). */
  chunkRows?: number;
}

/**
 * Rows checked at a time: only a chunk of checked rows is held (the rest of the file stays cells until its
 * turn), and the registry and the growth engine are asked a few times per chunk, not per row. Chunks are
 * small, so what one makes is garbage before the next is made (a 30k-row import did ~9 % less work with
 * chunks of 500 than of 5,000, most of it in the garbage collector and in growing large arrays), and they do
 * not each commit: a slice of the store goes on from chunk to chunk (./slices.ts).
 */
const CHUNK_ROWS = 500;

/** How many of a file's first rows may hold its header (title rows above it). */
const HEADER_SCAN = 20;

/**
 * Import an e-PPGBM / SIGIZI "by name by address" export (HTML .xls, BIFF .xls, XLSX or CSV, detected by
 * content): the header row is found below any title rows, children are matched to the registry (by NIK,
 * else by sound-alike name + birth date + parent in the same desa) or registered, and each row's
 * measurement is stored with its growth results and e-PPGBM's own values, which the reconciliation
 * compares with Tumbuh's. Every rejected row is reported with line, column and reason; good rows are
 * stored unless `allOrNothing`. A row already in the database (same child, same day) creates nothing, so
 * importing a file twice changes nothing. The rows are checked in chunks, each stored (./store.ts: in
 * slices, all or nothing) before the next is checked — except with `allOrNothing`, where nothing is stored
 * before every row is checked.
 */
export async function importMeasurements(
  db: Kysely<Database>,
  actor: Actor,
  bytes: Buffer,
  options: ImportOptions,
): Promise<ImportResult> {
  const today = options.today ?? todayIso();
  const progress = options.progress ?? (() => {});
  const at = nowIso();
  const importId = uuidv7();
  let rowsOfFile: RowReader | null = null;
  /** The rows the file holds, as far as they are known (an estimate until the file is read to its end). */
  const total = () => (rowsOfFile ? rowsOfFile.total : 0);
  let store: ImportStore | null = null;
  try {
    const { report, rows } = await readRows(bytes, options, today);
    if (rows === null) return report;
    if (!options.dryRun) {
      store = new ImportStore(
        db,
        actor,
        {
          id: importId,
          kind: "eppgbm",
          file_name: options.fileName,
          sha256: createHash("sha256").update(bytes).digest("hex"),
          created_at: at,
          created_by: actor.userId,
          status: "writing",
          summary_json: "{}",
        },
        (done) => progress(Math.min(done, total()), total()),
      );
    }
    rowsOfFile = rows;
    progress(0, total());
    const planner = await RowPlanner.open(db, actor, report, { importId, at });
    const reconciler = new Reconciler();
    const stored = { persons: 0, measurements: 0 };
    /** The next chunk planned (its reads through `conn`), or null at the end of the file. */
    const nextChunk = async (conn: Kysely<Database>): Promise<ImportItem[] | null> => {
      if (rows.done) return null;
      const planned = await planner.plan(rows.take(options.chunkRows ?? CHUNK_ROWS), conn);
      const items: ImportItem[] = [];
      for (const { row, item } of planned) {
        reconciler.add({ row, measurement: item.measurement });
        items.push(item);
        if (item.person) stored.persons++;
      }
      stored.measurements += items.length;
      return items;
    };
    // All or nothing: nothing is stored before every row is checked. A dry run stores nothing.
    const held: ImportItem[] | null = store && report.allOrNothing ? [] : null;
    if (store && !held) await store.writeAll(nextChunk);
    else {
      for (let items = await nextChunk(db); items !== null; items = await nextChunk(db)) {
        if (held) for (const item of items) held.push(item);
      }
    }
    report.reconciliation = reconciler.result();
    report.stored = stored;
    report.rejected.sort((a, b) => a.line - b.line);
    report.warnings.sort((a, b) => a.line - b.line);
    if (report.allOrNothing && report.rejected.length > 0) {
      report.stored = { persons: 0, measurements: 0 };
      await store?.abort();
      return report;
    }
    if (!store) return report;
    if (held) await store.add(held);
    const desas = [...planner.desas];
    await store.finish({
      summary: {
        format: report.format,
        rows: report.rows,
        stored: report.stored,
        alreadyPresent: report.alreadyPresent,
        rejected: report.rejected.length,
        reconciliation: report.reconciliation.counts,
      },
      audit: {
        // Nothing placed (every row refused): the importer's own region, so its admin sees the attempt.
        regionCode:
          (desas.length === 1 ? (desas[0] as string) : commonPrefix(desas)) ??
          actor.assignments[0]?.scope ??
          null,
        after: { fileName: options.fileName, stored: report.stored, rejected: report.rejected.length },
      },
    });
    progress(total(), total());
    return report;
  } catch (err) {
    await store?.abort();
    throw err;
  }
}

/** The file's data rows, checked cell by cell as they are taken (every bad row rejected into the report). */
interface RowReader {
  /**
   * How many data rows are below the header (blank ones included), for progress: estimated from how much of
   * the file the rows read so far took, exact once it is read to its end.
   */
  readonly total: number;
  readonly done: boolean;
  /** The next `count` data rows, checked; the rows of cells they came from are let go. */
  take(count: number): EppgbmRow[];
}

/**
 * The file's sheet and header. Rows are checked as they are taken, a chunk at a time (issue 16), and each
 * row of cells — every cell of the file as text — is let go once checked, not held through matching and
 * storing (peak memory).
 */
async function readRows(
  bytes: Buffer,
  options: ImportOptions,
  today: string,
): Promise<{ report: ImportResult; rows: RowReader | null }> {
  const sheet = await readSheet(bytes, options.limits ?? SHEET_LIMITS);
  // The header is among the first rows (below any title rows); the rest are read as they are taken.
  const head: SheetRow[] = [];
  for (let r = sheet.rows.next(); r !== null; r = head.length < HEADER_SCAN ? sheet.rows.next() : null) {
    head.push(r);
  }
  const headerAt = findHeaderRow(
    head.map((r) => r.cells),
    HEADER_SCAN,
  );
  const headerRow = headerAt === null ? undefined : head[headerAt];
  const report: ImportResult = {
    fileName: options.fileName,
    format: sheet.format,
    headerLine: headerRow?.line ?? null,
    dryRun: options.dryRun ?? false,
    allOrNothing: options.allOrNothing ?? false,
    rows: 0,
    stored: { persons: 0, measurements: 0 },
    alreadyPresent: 0,
    rejected: [],
    warnings: [],
    reconciliation: new Reconciler().result(),
  };
  const map = mapHeaders((headerRow?.cells ?? head[0]?.cells ?? []).map((c) => String(c ?? "")));
  if (map.missing.length > 0) {
    report.rejected.push({
      line: headerRow?.line ?? 1,
      column: null,
      code: "missing_columns",
      params: { columns: map.missing.join(", ") },
    });
    return { report, rows: null };
  }
  // Data rows read and not yet taken: those of the first rows below the header, then one row read ahead,
  // so that the file is known to be at its end as soon as its last row is taken.
  const ahead = headerAt === null ? [] : head.slice(headerAt + 1);
  let ended = headerAt === null || head.length < HEADER_SCAN;
  const readAhead = () => {
    if (ahead.length > 0 || ended) return;
    const r = sheet.rows.next();
    if (r === null) ended = true;
    else ahead.push(r);
  };
  readAhead();
  let given = 0;
  const nextRow = (): SheetRow | null => {
    const r = ahead.shift() ?? null;
    if (r !== null) given++;
    readAhead();
    return r;
  };

  const reject = (e: CellError | ImportRowError) => report.rejected.push(e);
  const take = (count: number): EppgbmRow[] => {
    const rows: EppgbmRow[] = [];
    for (let i = 0; i < count; i++) {
      const r = nextRow();
      if (r === null) break;
      // Blank rows (and a footer of empty cells) are not data.
      if (r.cells.every((c) => c === null || c === undefined || String(c).trim() === "")) continue;
      report.rows++;
      const aligned = alignRow(r.cells, map, sheet.exactWidth);
      if ("reject" in aligned) {
        reject({ line: r.line, column: null, ...aligned.reject });
        continue;
      }
      if (aligned.realigned) {
        report.warnings.push({ line: r.line, column: "Total Pengukuran", code: "row_realigned", params: {} });
      }
      const res = readEppgbmRow(r.line, aligned.cells, map, today);
      if (res.row) rows.push(res.row);
      else for (const e of res.errors) reject(e);
    }
    return rows;
  };
  return {
    report,
    rows: {
      get total() {
        const read = given + ahead.length;
        return ended ? read : Math.max(read, Math.round(read / Math.max(sheet.rows.fraction, 1e-9)));
      },
      get done() {
        return ahead.length === 0;
      },
      take,
    },
  };
}

function commonPrefix(codes: readonly string[]): string | null {
  if (codes.length === 0) return null;
  let parts = (codes[0] as string).split(".");
  for (const c of codes) {
    const p = c.split(".");
    let i = 0;
    while (i < parts.length && parts[i] === p[i]) i++;
    parts = parts.slice(0, i);
  }
  return parts.length ? parts.join(".") : null;
}
