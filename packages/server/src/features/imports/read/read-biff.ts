import type { Cell } from "@tumbuh/core";
import * as CFB from "cfb";
import { isDateFormat, serialToDate } from "./number-format";
import { fileUnreadable, RowBudget, rowsOf, type Sheet, type SheetLimits } from "./sheet";

/**
 * A real Excel 97–2003 workbook (BIFF8), first worksheet. The compound-file container is opened with the
 * `cfb` package; the records of its Workbook stream are read here, after Microsoft's [MS-XLS] (Excel
 * Binary File Format), v20230214, section numbers below. A record is a 2-byte type, a 2-byte length and
 * its data (2.1.4). Only what a data export needs is read: cell values, the shared strings and which
 * cells are dates.
 */
const R = {
  BOF: 0x0809, // 2.4.21: vers (0x0600 = BIFF8), dt (0x0005 globals, 0x0010 worksheet)
  EOF: 0x000a, // 2.4.103
  FILEPASS: 0x002f, // 2.4.117: the workbook is encrypted
  BOUNDSHEET: 0x0085, // 2.4.28 BoundSheet8: lbPlyPos (4), hsState (1), dt (1), stName
  DATEMODE: 0x0022, // 2.4.77: f1904
  FORMAT: 0x041e, // 2.4.126: ifmt (2), stFormat XLUnicodeString
  XF: 0x00e0, // 2.4.353: ifnt (2), ifmt (2), …
  SST: 0x00fc, // 2.4.265: cstTotal (4), cstUnique (4), rgb XLUnicodeRichExtendedString[]
  CONTINUE: 0x003c, // 2.4.58
  LABELSST: 0x00fd, // 2.4.149: Cell (rw 2, col 2, ixfe 2), isst (4)
  LABEL: 0x0204, // 2.4.148: Cell, XLUnicodeString
  NUMBER: 0x0203, // 2.4.180: Cell, num (8, IEEE 754)
  RK: 0x027e, // 2.4.220: rw, col, RkRec (ixfe 2, RK 4)
  MULRK: 0x00bd, // 2.4.175: rw, colFirst, RkRec[], colLast
  FORMULA: 0x0006, // 2.4.127: Cell, FormulaValue (8), flags (2), chn (4), formula
  STRING: 0x0207, // 2.4.268: the string result of the FORMULA before it (XLUnicodeString)
  BOOLERR: 0x0205, // 2.4.24: Cell, bBoolErr (1), fError (1)
} as const;

interface Rec {
  type: number;
  data: Buffer;
  /** Offset of the record's header in the stream (BoundSheet8.lbPlyPos points at one). */
  at: number;
}

function* records(stream: Buffer, from: number): Generator<Rec> {
  let p = from;
  while (p + 4 <= stream.length) {
    const type = stream.readUInt16LE(p);
    const len = stream.readUInt16LE(p + 2);
    if (p + 4 + len > stream.length) throw fileUnreadable("the .xls file is damaged: a record is cut short");
    yield { type, data: stream.subarray(p + 4, p + 4 + len), at: p };
    p += 4 + len;
  }
}

/**
 * Reads across an SST record and its CONTINUE records. Where a string's characters run on into a CONTINUE,
 * that record starts with one byte giving fHighByte for the rest of them (2.5.293); anything else (the next
 * string's header, formatting runs, phonetic data) continues without it.
 */
class ContinuedReader {
  private seg = 0;
  private off = 0;
  constructor(private readonly segments: readonly Buffer[]) {}

  private current(): Buffer {
    while (this.seg < this.segments.length && this.off >= (this.segments[this.seg] as Buffer).length) {
      this.seg++;
      this.off = 0;
    }
    const b = this.segments[this.seg];
    if (!b) throw fileUnreadable("the .xls file is damaged: its string table is cut short");
    return b;
  }
  u8(): number {
    const b = this.current();
    return b.readUInt8(this.off++);
  }
  u16(): number {
    return this.u8() | (this.u8() << 8);
  }
  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }
  skip(n: number): void {
    let left = n;
    while (left > 0) {
      const b = this.current();
      const step = Math.min(left, b.length - this.off);
      this.off += step;
      left -= step;
    }
  }
  chars(cch: number, highByte: boolean): string {
    let out = "";
    let left = cch;
    let wide = highByte;
    while (left > 0) {
      let b = this.segments[this.seg];
      if (!b || this.off >= b.length) {
        // The characters go on in the next CONTINUE, which begins with its own fHighByte byte.
        this.seg++;
        this.off = 0;
        b = this.segments[this.seg];
        if (!b) throw fileUnreadable("the .xls file is damaged: a text is cut short");
        wide = (b.readUInt8(this.off++) & 0x01) === 1;
      }
      const size = wide ? 2 : 1;
      const n = Math.min(left, Math.floor((b.length - this.off) / size));
      out += b.toString(wide ? "utf16le" : "latin1", this.off, this.off + n * size);
      this.off += n * size;
      left -= n;
    }
    return out;
  }
}

/** XLUnicodeRichExtendedString (2.5.293): cch, flags (fHighByte 0x01, fExtSt 0x04, fRichSt 0x08), … */
function richExtendedString(r: ContinuedReader): string {
  const cch = r.u16();
  const flags = r.u8();
  const runs = flags & 0x08 ? r.u16() : 0;
  const ext = flags & 0x04 ? r.u32() : 0;
  const s = r.chars(cch, (flags & 0x01) === 1);
  r.skip(runs * 4 + ext);
  return s;
}

/** XLUnicodeString (2.5.294) at `p`: cch (2), fHighByte (1), characters. */
function unicodeString(b: Buffer, p: number): string {
  const cch = b.readUInt16LE(p);
  const wide = (b.readUInt8(p + 2) & 0x01) === 1;
  return b.toString(wide ? "utf16le" : "latin1", p + 3, p + 3 + cch * (wide ? 2 : 1));
}

/** RkNumber (2.5.217): bit 0 fX100 (divide by 100), bit 1 fInt (30-bit signed integer, else the top 30 bits of a double). */
export function rkValue(rk: number): number {
  let v: number;
  if (rk & 0x02) v = rk >> 2;
  else {
    const b = Buffer.alloc(8);
    b.writeUInt32LE(0, 0);
    b.writeUInt32LE((rk & 0xfffffffc) >>> 0, 4);
    v = b.readDoubleLE(0);
  }
  return rk & 0x01 ? v / 100 : v;
}

export function readBiff(bytes: Buffer, limits: SheetLimits): Sheet {
  let stream: Buffer;
  try {
    const container = CFB.read(bytes, { type: "buffer" });
    const entry = CFB.find(container, "Workbook") ?? CFB.find(container, "Book");
    if (!entry) throw new Error("no workbook");
    stream = Buffer.from(entry.content as Uint8Array);
  } catch {
    throw fileUnreadable("the .xls file is damaged or is not an Excel workbook");
  }

  // Workbook globals: strings, date mode, formats, the first worksheet's position.
  let strings: string[] = [];
  let date1904 = false;
  const formats = new Map<number, string>();
  const xfFormat: number[] = [];
  let sheetAt: number | null = null;
  const it = records(stream, 0);
  const first = it.next();
  if (first.done || first.value.type !== R.BOF) throw fileUnreadable("the .xls file has no workbook header");
  if (first.value.data.readUInt16LE(0) !== 0x0600) {
    throw fileUnreadable("this .xls file is from Excel 95 or older; save it as .xlsx or Excel 97–2003 .xls");
  }
  let sstSegments: Buffer[] | null = null;
  for (const rec of it) {
    if (sstSegments && rec.type !== R.CONTINUE) {
      strings = readSst(sstSegments);
      sstSegments = null;
    }
    if (rec.type === R.EOF) break;
    const d = rec.data;
    switch (rec.type) {
      case R.FILEPASS:
        throw fileUnreadable("the .xls file is password-protected; save it without a password");
      case R.DATEMODE:
        date1904 = d.readUInt16LE(0) === 1;
        break;
      case R.FORMAT:
        formats.set(d.readUInt16LE(0), unicodeString(d, 2));
        break;
      case R.XF:
        xfFormat.push(d.readUInt16LE(2));
        break;
      case R.BOUNDSHEET:
        if (sheetAt === null && d.readUInt8(5) === 0) sheetAt = d.readUInt32LE(0);
        break;
      case R.SST:
        sstSegments = [d];
        break;
      case R.CONTINUE:
        sstSegments?.push(d);
        break;
    }
  }
  if (sstSegments) strings = readSst(sstSegments);
  if (sheetAt === null) throw fileUnreadable("the .xls workbook has no worksheet");
  const isDate = (ixfe: number) => {
    const ifmt = xfFormat[ixfe];
    return ifmt !== undefined && isDateFormat(ifmt, formats.get(ifmt));
  };
  const number = (n: number, ixfe: number): Cell => (isDate(ixfe) ? serialToDate(n, date1904) : n);

  const byRow = new Map<number, Cell[]>();
  const put = (rw: number, col: number, value: Cell) => {
    let row = byRow.get(rw);
    if (!row) {
      row = [];
      byRow.set(rw, row);
    }
    row[col] = value;
  };
  let pendingString: { rw: number; col: number } | null = null;
  const sheet = records(stream, sheetAt);
  const bof = sheet.next();
  if (bof.done || bof.value.type !== R.BOF) throw fileUnreadable("the .xls worksheet has no header");
  for (const { type, data: d } of sheet) {
    if (type === R.EOF) break;
    if (d.length < 6 && type !== R.STRING) continue;
    switch (type) {
      case R.LABELSST: {
        const s = strings[d.readUInt32LE(6)];
        if (s === undefined) {
          throw fileUnreadable(`row ${d.readUInt16LE(0) + 1}: a cell refers to a text that does not exist`);
        }
        put(d.readUInt16LE(0), d.readUInt16LE(2), s);
        break;
      }
      case R.LABEL:
        put(d.readUInt16LE(0), d.readUInt16LE(2), unicodeString(d, 6));
        break;
      case R.NUMBER:
        put(d.readUInt16LE(0), d.readUInt16LE(2), number(d.readDoubleLE(6), d.readUInt16LE(4)));
        break;
      case R.RK:
        put(d.readUInt16LE(0), d.readUInt16LE(2), number(rkValue(d.readInt32LE(6)), d.readUInt16LE(4)));
        break;
      case R.MULRK: {
        const rw = d.readUInt16LE(0);
        const colFirst = d.readUInt16LE(2);
        const n = (d.length - 6) / 6;
        for (let i = 0; i < n; i++) {
          const p = 4 + i * 6;
          put(rw, colFirst + i, number(rkValue(d.readInt32LE(p + 2)), d.readUInt16LE(p)));
        }
        break;
      }
      case R.FORMULA: {
        const rw = d.readUInt16LE(0);
        const col = d.readUInt16LE(2);
        // FormulaValue (2.5.133): fExprO 0xFFFF in bytes 6–7 marks a non-number; byte 0 says which.
        if (d.readUInt16LE(12) !== 0xffff) put(rw, col, number(d.readDoubleLE(6), d.readUInt16LE(4)));
        else if (d[6] === 0x00) pendingString = { rw, col };
        else if (d[6] === 0x01) put(rw, col, d[8] ? "true" : "false");
        else put(rw, col, d[6] === 0x03 ? "" : null);
        break;
      }
      case R.STRING:
        if (pendingString) put(pendingString.rw, pendingString.col, unicodeString(d, 0));
        pendingString = null;
        break;
      case R.BOOLERR:
        put(d.readUInt16LE(0), d.readUInt16LE(2), d[7] ? null : d[6] ? "true" : "false");
        break;
    }
  }
  const budget = new RowBudget(limits);
  const rows = [...byRow.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([rw, cells]) => {
      budget.take(cells.length);
      return { line: rw + 1, cells };
    });
  return { format: "biff", rows: rowsOf(rows), exactWidth: false };
}

function readSst(segments: Buffer[]): string[] {
  const r = new ContinuedReader(segments);
  r.u32(); // cstTotal
  const unique = r.u32();
  const out: string[] = [];
  for (let i = 0; i < unique; i++) out.push(richExtendedString(r));
  return out;
}
