import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// Tests open real PDFs with Debian's poppler-utils (pdftotext, pdftoppm), as a reader would.

/** The text of a PDF, page by page in reading order (pdftotext -layout). */
export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), "tumbuh-pdf-"));
  const file = join(dir, "doc.pdf");
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

/** Number of pages (pdftotext separates pages with a form feed). */
export function pdfPageCount(pdf: Buffer): number {
  return pdfText(pdf)
    .split("\f")
    .filter((p) => p.trim() !== "").length;
}

/**
 * Renders every page to PNG under `.tmp/screenshots/<name>-<page>.png` (for a person to look at) and
 * returns the file paths.
 */
export function pdfToPngs(pdf: Buffer, name: string, dpi = 80): string[] {
  const outDir = join(process.cwd(), ".tmp", "screenshots");
  mkdirSync(outDir, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), "tumbuh-pdf-"));
  const file = join(dir, "doc.pdf");
  writeFileSync(file, pdf);
  execFileSync("pdftoppm", ["-png", "-r", String(dpi), file, join(outDir, name)]);
  return readdirSync(outDir)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith(".png"))
    .sort()
    .map((f) => join(outDir, f));
}
