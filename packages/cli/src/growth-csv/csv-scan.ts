/**
 * RFC 4180-style record scanner over bytes: comma-separated, fields optionally
 * in double quotes (`""` is a literal quote, quoted fields may hold commas and
 * line breaks), records end with `\n` or `\r\n`. It only records where fields
 * are, so no string is created for a field the caller does not need.
 */

export interface ScanState {
  /** Raw byte range of each field of the last record, quotes included. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** 1 if the field was quoted. */
  readonly quoted: Uint8Array;
  /** Fields seen in the last record (may exceed the arrays' length; extra ones are not stored). */
  count: number;
  /** Set when a quoted field is followed by something other than a separator. */
  malformed: boolean;
}

export function createScanState(maxFields: number): ScanState {
  return {
    starts: new Int32Array(maxFields),
    ends: new Int32Array(maxFields),
    quoted: new Uint8Array(maxFields),
    count: 0,
    malformed: false,
  };
}

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Scans one record starting at `pos`. Returns the position after its line
 * break (or `end` at end of input), or −1 when the record is not complete in
 * `buf[pos, end)` and more input may follow (`eof` false).
 */
export function scanRecord(buf: Uint8Array, pos: number, end: number, eof: boolean, st: ScanState): number {
  const max = st.starts.length;
  let count = 0;
  let malformed = false;
  let i = pos;
  for (;;) {
    // One field.
    const fieldStart = i;
    let isQuoted = 0;
    if (i < end && buf[i] === QUOTE) {
      isQuoted = 1;
      i++;
      for (;;) {
        if (i >= end) {
          if (!eof) return -1;
          malformed = true; // unterminated quote at end of input
          break;
        }
        if (buf[i] === QUOTE) {
          if (i + 1 < end && buf[i + 1] === QUOTE) {
            i += 2;
            continue;
          }
          if (i + 1 >= end && !eof) return -1; // can't tell "" from " yet
          i++;
          break;
        }
        i++;
      }
      // After the closing quote only a separator may follow.
      while (i < end && buf[i] !== COMMA && buf[i] !== LF) {
        if (!(buf[i] === CR && (i + 1 >= end || buf[i + 1] === LF))) malformed = true;
        i++;
      }
    } else {
      while (i < end) {
        const c = buf[i];
        if (c === COMMA || c === LF) break;
        i++;
      }
    }
    if (i >= end && !eof) return -1;
    let fieldEnd = i;
    if (fieldEnd > fieldStart && buf[fieldEnd - 1] === CR && (i >= end || buf[i] === LF)) fieldEnd--;
    if (count < max) {
      st.starts[count] = fieldStart;
      st.ends[count] = fieldEnd;
      st.quoted[count] = isQuoted;
    }
    count++;
    if (i >= end) {
      st.count = count;
      st.malformed = malformed;
      return end;
    }
    if (buf[i] === LF) {
      st.count = count;
      st.malformed = malformed;
      return i + 1;
    }
    i++; // comma
  }
}

/** Start of field `f` of the last record, after an opening quote. */
export function innerStart(st: ScanState, f: number): number {
  const s = st.starts[f] as number;
  return st.quoted[f] === 1 && (st.ends[f] as number) - s >= 2 ? s + 1 : s;
}

/** End of field `f` of the last record, before a closing quote. */
export function innerEnd(st: ScanState, f: number): number {
  const e = st.ends[f] as number;
  return st.quoted[f] === 1 && e - (st.starts[f] as number) >= 2 ? e - 1 : e;
}

/** Decodes field `f` as text (quotes removed, `""` → `"`), for headers and messages. */
export function fieldText(buf: Uint8Array, st: ScanState, f: number): string {
  const text = new TextDecoder().decode(buf.subarray(innerStart(st, f), innerEnd(st, f)));
  return st.quoted[f] === 1 ? text.replaceAll('""', '"') : text;
}
