import { detectFormat } from "./read/detect-format";
import { fileTooLarge, SHEET_LIMITS } from "./read/sheet";
import { zipEntries } from "./read/zip";

/**
 * What can be refused before a job is queued, in a few milliseconds: an XLSX whose ZIP directory already
 * declares more than the unpack limit (the honest kind of bomb; a lying one is stopped while unpacking in
 * the job). A damaged directory is a 400 naming it.
 */
export function checkUpload(bytes: Buffer): void {
  if (detectFormat(bytes) !== "xlsx") return;
  let declared = 0;
  for (const e of zipEntries(bytes).values()) declared += e.declaredSize;
  if (declared > SHEET_LIMITS.maxUnpackedBytes) {
    throw fileTooLarge(
      `the file unpacks to ${Math.round(declared / (1024 * 1024))} MB (more than ${Math.round(SHEET_LIMITS.maxUnpackedBytes / (1024 * 1024))} MB); a month's e-PPGBM export is far smaller`,
    );
  }
}
