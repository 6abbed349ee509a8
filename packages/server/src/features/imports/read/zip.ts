import { StringDecoder } from "node:string_decoder";
import { createInflateRaw } from "node:zlib";
import { AppError } from "../../../errors";
import { fileTooLarge, fileUnreadable } from "./sheet";

/**
 * The few ZIP facts an XLSX needs (PKWARE APPNOTE 6.3.x, sections 4.3.7 local file header, 4.3.12 central
 * directory header, 4.3.16 end of central directory record): the central directory lists each part's
 * name, method (0 stored, 8 deflated), sizes and where its local header is. Parts are unpacked as a
 * stream and counted as they come, so a file that claims little and unpacks to gigabytes is stopped at the
 * limit instead of filling memory.
 */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** As the directory declares it: a hint only, the unpacked bytes are counted. */
  declaredSize: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CEN = 0x02014b50;
const LOC = 0x04034b50;

export function zipEntries(bytes: Buffer): Map<string, ZipEntry> {
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw fileUnreadable("the XLSX file is damaged: its ZIP directory is missing");
  const count = bytes.readUInt16LE(eocd + 10);
  let p = bytes.readUInt32LE(eocd + 16);
  const entries = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== CEN) {
      throw fileUnreadable("the XLSX file is damaged: its ZIP directory is cut short");
    }
    const nameLength = bytes.readUInt16LE(p + 28);
    const entry: ZipEntry = {
      method: bytes.readUInt16LE(p + 10),
      compressedSize: bytes.readUInt32LE(p + 20),
      declaredSize: bytes.readUInt32LE(p + 24),
      localOffset: bytes.readUInt32LE(p + 42),
      name: bytes.toString("utf8", p + 46, p + 46 + nameLength),
    };
    entries.set(entry.name, entry);
    p += 46 + nameLength + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
  }
  return entries;
}

/** Counts unpacked bytes across all parts of one file. */
export class ByteBudget {
  private used = 0;
  constructor(private readonly max: number) {}
  take(n: number): void {
    this.used += n;
    if (this.used > this.max) {
      throw fileTooLarge(
        `the file unpacks to more than ${Math.round(this.max / (1024 * 1024))} MB; a month's e-PPGBM export is far smaller`,
      );
    }
  }
}

/** The part's text, chunk by chunk as it unpacks (UTF-8 characters never split between chunks). */
export async function* partText(
  bytes: Buffer,
  entry: ZipEntry,
  budget: ByteBudget,
): AsyncGenerator<string, void, undefined> {
  const p = entry.localOffset;
  if (p + 30 > bytes.length || bytes.readUInt32LE(p) !== LOC) {
    throw fileUnreadable(`the XLSX file is damaged: part ${entry.name} cannot be found`);
  }
  const start = p + 30 + bytes.readUInt16LE(p + 26) + bytes.readUInt16LE(p + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    budget.take(data.length);
    yield data.toString("utf8");
    return;
  }
  if (entry.method !== 8) {
    throw fileUnreadable(`the XLSX file uses a compression this reader does not know (${entry.method})`);
  }
  const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
  const decoder = new StringDecoder("utf8");
  inflate.end(data);
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      budget.take(chunk.length);
      yield decoder.write(chunk);
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw fileUnreadable(`the XLSX file is damaged: part ${entry.name} cannot be unpacked`);
  } finally {
    inflate.destroy();
  }
  yield decoder.end();
}

/** A small part (workbook, relationships, styles) whole. */
export async function partWhole(bytes: Buffer, entry: ZipEntry, budget: ByteBudget): Promise<string> {
  let out = "";
  for await (const s of partText(bytes, entry, budget)) out += s;
  return out;
}
