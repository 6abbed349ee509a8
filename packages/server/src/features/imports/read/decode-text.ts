/**
 * Text files (CSV, HTML) as exported: UTF-8 (with or without a byte-order mark), else Windows-1252, the
 * code page an Indonesian Windows Excel saves CSV in. A file that is not valid UTF-8 is never read as
 * UTF-8 with replacement characters.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder("utf-8").decode(bytes.subarray(3));
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}
