import type { FileFormat } from "./sheet";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
// The Compound File Binary signature that a BIFF .xls lives in ([MS-CFB] 2.2: D0 CF 11 E0 A1 B1 1A E1).
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, sig: readonly number[]) => sig.every((b, i) => bytes[i] === b);

/**
 * What a file is, from its first bytes (issue 16): SIGIZI's "xls" is most often an HTML table with an .xls
 * name, sometimes a real BIFF workbook, an XLSX (the HTML re-saved by Excel) or a CSV.
 */
export function detectFormat(bytes: Uint8Array): FileFormat {
  if (startsWith(bytes, ZIP)) return "xlsx";
  if (startsWith(bytes, CFB)) return "biff";
  // HTML: the first non-blank character is "<" (after a byte-order mark) and a <table appears early on.
  const head = Buffer.from(bytes.subarray(0, 64 * 1024))
    .toString("latin1")
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, "");
  if (/^\s*</.test(head) && /<table[\s>]/i.test(head)) return "html";
  return "csv";
}
