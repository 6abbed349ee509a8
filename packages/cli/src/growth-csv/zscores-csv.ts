/**
 * `tumbuh growth zscores`: CSV in, CSV out, streamed in chunks.
 *
 * The file is read in large chunks; the complete records of a chunk are
 * scanned in place (no string per field), decoded straight into the typed
 * input columns of `@tumbuh/growth`'s batch API, computed in one call, and
 * written back as bytes into a large output buffer that is flushed with one
 * write per few megabytes. A bad row never stops the run: its `error` column
 * says what is wrong and its results are empty.
 */
import { closeSync, openSync, readSync, write } from "node:fs";
import {
  computeGrowthBatch,
  createInputColumns,
  createResultColumns,
  type GrowthInputColumns,
  type GrowthResultColumns,
  PERMENKES_BANDS,
} from "@tumbuh/growth";
import { createScanState, fieldText, innerEnd, innerStart, type ScanState, scanRecord } from "./csv-scan";
import { writeAscii, writeNumber } from "./format-number";
import { parseDecimal } from "./parse-number";

/** Output columns, in order. z are unrounded; flags 0/1; empty = not computable. */
export const OUTPUT_COLUMNS = [
  "id",
  "clenhei",
  "cbmi",
  "c9mo",
  "zlen",
  "flen",
  "zwei",
  "fwei",
  "zwfl",
  "fwfl",
  "zbmi",
  "fbmi",
  "zhc",
  "fhc",
  "zac",
  "fac",
  "zhfa",
  "fhfa",
  "zwfa",
  "fwfa",
  "zbfa",
  "fbfa",
  "tbu",
  "bbu",
  "bbtb",
  "imtu",
  "error",
] as const;

/** Input column roles; header names are matched case-insensitively. */
const ROLES = {
  id: ["id"],
  sex: ["sex"],
  ageDays: ["age_days"],
  ageMonths: ["age_months"],
  weight: ["weight_kg"],
  lenhei: ["lenhei_cm"],
  height: ["height_cm"],
  measure: ["measure"],
  oedema: ["oedema"],
  headc: ["headc_cm"],
  muac: ["muac_cm"],
} as const;
type Role = keyof typeof ROLES;

export interface ZscoresCsvSummary {
  rows: number;
  rowsWithError: number;
}

export class CsvInputError extends Error {}

const READ_CHUNK = 8 << 20;
const BATCH = 1 << 16;
const OUT_CAPACITY = 8 << 20;
const ENC = new TextEncoder();
const BAND_BYTES = PERMENKES_BANDS.map((b) => ENC.encode(b.code));

export async function zscoresCsv(inputPath: string, outputPath: string): Promise<ZscoresCsvSummary> {
  const fdIn = openSync(inputPath, "r");
  let fdOut = -1;
  try {
    fdOut = openSync(outputPath, "w");
    return await run(fdIn, fdOut);
  } finally {
    closeSync(fdIn);
    if (fdOut >= 0) closeSync(fdOut);
  }
}

async function run(fdIn: number, fdOut: number): Promise<ZscoresCsvSummary> {
  let buf: Buffer = Buffer.allocUnsafe(READ_CHUNK);
  let filled = 0;
  let eof = false;
  const fill = (): void => {
    while (!eof && filled < buf.length) {
      const n = readSync(fdIn, buf, filled, buf.length - filled, null);
      if (n === 0) eof = true;
      filled += n;
    }
  };

  // Header.
  const headerScan = createScanState(1024);
  fill();
  let pos = 0;
  if (filled >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) pos = 3; // UTF-8 BOM
  let next = scanRecord(buf, pos, filled, eof, headerScan);
  while (next < 0) {
    buf = grow(buf, filled);
    fill();
    next = scanRecord(buf, pos, filled, eof, headerScan);
  }
  if (filled === 0 || next === pos) throw new CsvInputError("input is empty (no header row)");
  const nFields = Math.min(headerScan.count, headerScan.starts.length);
  const col: Record<Role, number> = {
    id: -1,
    sex: -1,
    ageDays: -1,
    ageMonths: -1,
    weight: -1,
    lenhei: -1,
    height: -1,
    measure: -1,
    oedema: -1,
    headc: -1,
    muac: -1,
  };
  const names: string[] = [];
  for (let f = 0; f < nFields; f++) {
    const name = fieldText(buf, headerScan, f).trim().toLowerCase();
    names.push(name);
    for (const role of Object.keys(ROLES) as Role[]) {
      if (col[role] < 0 && (ROLES[role] as readonly string[]).includes(name)) col[role] = f;
    }
  }
  if (col.sex < 0) throw new CsvInputError(`input has no "sex" column (columns: ${names.join(", ")})`);
  pos = next;

  const out = new Output(fdOut);
  for (const [i, name] of OUTPUT_COLUMNS.entries()) {
    if (i > 0) out.byte(44);
    out.ascii(name);
  }
  out.byte(10);

  const st = createScanState(nFields + 1);
  const batch = new Batch(BATCH);
  const summary: ZscoresCsvSummary = { rows: 0, rowsWithError: 0 };
  for (;;) {
    // Scan the complete records in buf[pos, filled), a batch at a time.
    let more = true;
    while (more) {
      more = false;
      while (pos < filled) {
        const end = scanRecord(buf, pos, filled, eof, st);
        if (end < 0) break;
        const blank = st.count === 1 && (st.ends[0] as number) === (st.starts[0] as number);
        pos = end;
        if (!blank) {
          summary.rows++;
          const row = batch.n++;
          decodeRow(buf, st, col, nFields, batch, row, summary.rows);
          if (batch.errors[row] !== undefined) summary.rowsWithError++;
          if (batch.n === batch.capacity) {
            more = true;
            break;
          }
        }
      }
      // Results must be written while the ids still sit in `buf`.
      batch.flush(buf, out);
      // Let finished background writes hand their buffers back (bounds memory).
      await out.settle();
    }
    if (eof && pos >= filled) break;
    // Keep the incomplete tail, read more after it.
    buf.copyWithin(0, pos, filled);
    filled -= pos;
    pos = 0;
    if (filled === buf.length) buf = grow(buf, filled);
    if (eof) {
      // A tail remains only if it could not be scanned, which eof rules out.
      break;
    }
    fill();
  }
  await out.close();
  return summary;
}

function grow(buf: Buffer, filled: number): Buffer {
  const bigger = Buffer.allocUnsafe(buf.length * 2);
  buf.copy(bigger, 0, 0, filled);
  return bigger;
}

/** Typed input/output columns for up to `capacity` rows plus per-row CSV facts. */
class Batch {
  n = 0;
  readonly input: GrowthInputColumns;
  readonly result: GrowthResultColumns;
  readonly idStart: Int32Array;
  readonly idEnd: Int32Array;
  readonly rowNo: Float64Array;
  readonly errors: (string | undefined)[];
  constructor(readonly capacity: number) {
    this.input = createInputColumns(capacity);
    this.result = createResultColumns(capacity);
    this.idStart = new Int32Array(capacity);
    this.idEnd = new Int32Array(capacity);
    this.rowNo = new Float64Array(capacity);
    this.errors = new Array<string | undefined>(capacity).fill(undefined);
  }

  flush(buf: Uint8Array, out: Output): void {
    if (this.n === 0) return;
    computeGrowthBatch(this.input, this.result, 0, this.n);
    writeRows(buf, this, out);
    for (let i = 0; i < this.n; i++) this.errors[i] = undefined;
    this.n = 0;
  }
}

/** Error of the row being decoded (module state, so decoding allocates nothing for good rows). */
let rowError: string | undefined;

/** Fills row `row` of the batch from the scanned record. */
function decodeRow(
  buf: Uint8Array,
  st: ScanState,
  col: Record<Role, number>,
  nFields: number,
  b: Batch,
  row: number,
  rowNo: number,
): void {
  const inp = b.input;
  b.rowNo[row] = rowNo;
  if (col.id >= 0 && col.id < st.count) {
    b.idStart[row] = st.starts[col.id] as number;
    b.idEnd[row] = st.ends[col.id] as number;
  } else {
    b.idStart[row] = -1;
    b.idEnd[row] = -1;
  }
  rowError = undefined;
  if (st.malformed) rowError = "malformed quoted field";
  else if (st.count !== nFields) rowError = `expected ${nFields} fields, found ${st.count}`;

  const sex = rowError === undefined ? sexField(buf, st, col.sex) : 0;
  const ageDays = numField(buf, st, col.ageDays, "age_days");
  const ageMonths = Number.isNaN(ageDays) ? numField(buf, st, col.ageMonths, "age_months") : Number.NaN;
  const weight = numField(buf, st, col.weight, "weight_kg");
  let lenhei = numField(buf, st, col.lenhei, "lenhei_cm");
  if (Number.isNaN(lenhei)) lenhei = numField(buf, st, col.height, "height_cm");
  const headc = numField(buf, st, col.headc, "headc_cm");
  const muac = numField(buf, st, col.muac, "muac_cm");
  // measure: 'l' → 1, 'h' → 2 (the engine's codes).
  const measure = letterField(buf, st, col.measure, 0x6c, 0x68, -1, -1);
  if (measure < 0) setError("measure must be l or h", buf, st, col.measure);
  // oedema (anthro standardize_oedema_var): y/1 → yes, n/2 → no.
  const oedema = letterField(buf, st, col.oedema, 0x79, 0x6e, 0x31, 0x32);
  if (oedema < 0) setError("oedema must be y or n", buf, st, col.oedema);

  if (rowError !== undefined) {
    b.errors[row] = rowError;
    inp.sex[row] = 0;
    inp.ageDays[row] = Number.NaN;
    inp.ageMonths[row] = Number.NaN;
    inp.weightKg[row] = Number.NaN;
    inp.lenheiCm[row] = Number.NaN;
    inp.headcCm[row] = Number.NaN;
    inp.muacCm[row] = Number.NaN;
    inp.measure[row] = 0;
    inp.oedema[row] = 0;
    return;
  }
  inp.sex[row] = sex;
  inp.ageDays[row] = ageDays;
  inp.ageMonths[row] = ageMonths;
  inp.weightKg[row] = weight;
  inp.lenheiCm[row] = lenhei;
  inp.headcCm[row] = headc;
  inp.muacCm[row] = muac;
  inp.measure[row] = measure;
  inp.oedema[row] = oedema === 1 ? 1 : 0;
}

function setError(message: string, buf: Uint8Array, st: ScanState, f: number): void {
  if (rowError === undefined) rowError = `${message}: ${JSON.stringify(fieldText(buf, st, f))}`;
}

/** sex: 1/2 or m/f (any case), also "1.0"/"2.0"; required. */
function sexField(buf: Uint8Array, st: ScanState, f: number): number {
  let s = innerStart(st, f);
  let e = innerEnd(st, f);
  while (s < e && buf[s] === 32) s++;
  while (e > s && buf[e - 1] === 32) e--;
  if (e === s) {
    rowError = "sex is missing";
    return 0;
  }
  if (e - s === 1) {
    const c = (buf[s] as number) | 0x20;
    if (c === 0x31 || c === 0x6d) return 1;
    if (c === 0x32 || c === 0x66) return 2;
  } else {
    const v = parseDecimal(buf, s, e);
    if (v === 1 || v === 2) return v;
  }
  setError("sex must be 1, 2, m or f", buf, st, f);
  return 0;
}

/**
 * A non-negative decimal, NaN when the column is absent or the field blank;
 * sets the row error for anything else. Skipped once the row has an error.
 */
function numField(buf: Uint8Array, st: ScanState, f: number, name: string): number {
  if (f < 0 || rowError !== undefined || f >= st.count) return Number.NaN;
  const s = innerStart(st, f);
  const e = innerEnd(st, f);
  let blank = true;
  for (let i = s; i < e; i++) {
    if (buf[i] !== 32) {
      blank = false;
      break;
    }
  }
  if (blank) return Number.NaN;
  const v = parseDecimal(buf, s, e);
  if (Number.isNaN(v)) {
    setError(`${name} is not a number`, buf, st, f);
    return Number.NaN;
  }
  if (!(v >= 0 && v < Number.POSITIVE_INFINITY)) {
    setError(`${name} must be a non-negative number`, buf, st, f);
    return Number.NaN;
  }
  return v;
}

/**
 * One-letter field (case-insensitive): 0 when absent or blank, 1 for
 * `first`/`firstAlt`, 2 for `second`/`secondAlt`, −1 for anything else.
 */
function letterField(
  buf: Uint8Array,
  st: ScanState,
  f: number,
  first: number,
  second: number,
  firstAlt: number,
  secondAlt: number,
): number {
  if (f < 0 || f >= st.count) return 0;
  let s = innerStart(st, f);
  let e = innerEnd(st, f);
  while (s < e && buf[s] === 32) s++;
  while (e > s && buf[e - 1] === 32) e--;
  if (e === s) return 0;
  if (e - s !== 1) return -1;
  const raw = buf[s] as number;
  const c = raw | 0x20;
  if (c === first || raw === firstAlt) return 1;
  if (c === second || raw === secondAlt) return 2;
  return -1;
}

/**
 * Output in big buffers. A full buffer is written in the background (libuv
 * thread pool, positional writes) while the main thread fills the next, so the
 * ~200 MB of output for 1M rows costs little main-thread time.
 */
class Output {
  buf: Buffer = Buffer.allocUnsafe(OUT_CAPACITY);
  pos = 0;
  private filePos = 0;
  private readonly spare: Buffer[] = [];
  private readonly pending = new Set<Promise<void>>();
  private failure: unknown;
  constructor(private readonly fd: number) {}
  ensure(n: number): void {
    if (this.pos + n > this.buf.length) this.flush();
  }
  /** Starts writing the current buffer and continues in a spare one. */
  flush(): void {
    if (this.pos === 0) return;
    const full = this.buf;
    this.enqueue(full, this.pos, () => {
      if (full.length === OUT_CAPACITY) this.spare.push(full);
    });
    this.buf = this.spare.pop() ?? Buffer.allocUnsafe(OUT_CAPACITY);
    this.pos = 0;
  }
  /** Waits until at most `maxPending` writes are in flight; rethrows a write error. */
  async settle(maxPending = 2): Promise<void> {
    while (this.pending.size > maxPending) await Promise.race(this.pending);
    if (this.failure !== undefined) throw this.failure;
  }
  async close(): Promise<void> {
    this.flush();
    await Promise.all(this.pending);
    if (this.failure !== undefined) throw this.failure;
  }
  byte(c: number): void {
    this.buf[this.pos++] = c;
  }
  ascii(s: string): void {
    this.pos = writeAscii(s, this.buf, this.pos);
  }
  /** Appends bytes; very large ones (a huge id) are copied and written on their own. */
  raw(bytes: Uint8Array): void {
    if (bytes.length > this.buf.length / 2) {
      this.flush();
      this.enqueue(Buffer.from(bytes), bytes.length, () => {});
      return;
    }
    this.ensure(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }
  private enqueue(data: Buffer, length: number, done: () => void): void {
    const at = this.filePos;
    this.filePos += length;
    const p: Promise<void> = writeAt(this.fd, data, length, at).then(done, (e: unknown) => {
      this.failure ??= e;
    });
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p));
  }
}

/** Writes `data[0, length)` at file offset `position`, retrying short writes. */
function writeAt(fd: number, data: Buffer, length: number, position: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const step = (off: number): void => {
      if (off >= length) {
        resolve();
        return;
      }
      write(fd, data, off, length - off, position + off, (err, n) => {
        if (err) reject(err);
        else step(off + n);
      });
    };
    step(0);
  });
}

/** Room for one row without the id and the error text (26 fields, generously). */
const ROW_BYTES = 1024;

function writeRows(inBuf: Uint8Array, b: Batch, out: Output): void {
  const r = b.result;
  const { clenhei, cbmi, c9mo, zlen, zwei, zwfl, zbmi, zhc, zac, zhfa, zwfa, zbfa } = r;
  const { flen, fwei, fwfl, fbmi, fhc, fac, fhfa, fwfa, fbfa, tbu, bbu, bbtb, imtu } = r;
  for (let i = 0; i < b.n; i++) {
    const idS = b.idStart[i] as number;
    const idE = b.idEnd[i] as number;
    // The id is copied as it was written (quotes included), so it stays valid CSV.
    if (idE - idS > OUT_CAPACITY / 4) out.raw(inBuf.subarray(idS, idE));
    else {
      out.ensure(ROW_BYTES + Math.max(0, idE - idS));
      if (idS >= 0) {
        // A byte loop: ids are short, and subarray()+set() cost more per call.
        const o = out.buf;
        let p = out.pos;
        for (let k = idS; k < idE; k++) o[p++] = inBuf[k] as number;
        out.pos = p;
      } else out.pos = writeNumber(b.rowNo[i] as number, out.buf, out.pos);
    }
    out.ensure(ROW_BYTES);
    const err = b.errors[i];
    const o = out.buf;
    let p = out.pos;
    if (err === undefined) {
      p = num(o, p, clenhei[i] as number);
      p = num(o, p, cbmi[i] as number);
      o[p++] = 44;
      o[p++] = 48 + (c9mo[i] as number);
      p = zf(o, p, zlen[i] as number, flen[i] as number);
      p = zf(o, p, zwei[i] as number, fwei[i] as number);
      p = zf(o, p, zwfl[i] as number, fwfl[i] as number);
      p = zf(o, p, zbmi[i] as number, fbmi[i] as number);
      p = zf(o, p, zhc[i] as number, fhc[i] as number);
      p = zf(o, p, zac[i] as number, fac[i] as number);
      p = zf(o, p, zhfa[i] as number, fhfa[i] as number);
      p = zf(o, p, zwfa[i] as number, fwfa[i] as number);
      p = zf(o, p, zbfa[i] as number, fbfa[i] as number);
      p = band(o, p, tbu[i] as number);
      p = band(o, p, bbu[i] as number);
      p = band(o, p, bbtb[i] as number);
      p = band(o, p, imtu[i] as number);
      o[p++] = 44;
      o[p++] = 10;
      out.pos = p;
    } else {
      // 25 empty result fields, then the message, quoted for CSV.
      for (let k = 0; k < 26; k++) o[p++] = 44;
      out.pos = p;
      out.raw(ENC.encode(`"${err.replaceAll('"', '""')}"\n`));
    }
  }
}

function num(o: Uint8Array, p: number, v: number): number {
  o[p++] = 44;
  return Number.isNaN(v) ? p : writeNumber(v, o, p);
}

function zf(o: Uint8Array, p: number, z: number, f: number): number {
  o[p++] = 44;
  if (Number.isNaN(z)) {
    o[p++] = 44;
    return p;
  }
  p = writeNumber(z, o, p);
  o[p++] = 44;
  o[p++] = 48 + f;
  return p;
}

function band(o: Uint8Array, p: number, id: number): number {
  o[p++] = 44;
  if (id === 0) return p;
  const bytes = BAND_BYTES[id - 1] as Uint8Array;
  for (let k = 0; k < bytes.length; k++) o[p + k] = bytes[k] as number;
  return p + bytes.length;
}
