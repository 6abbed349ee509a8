import {
  type Actor,
  formatPercent,
  periodLabel,
  readScopes,
  type SkdnFigures,
  type SkdnView,
} from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { bulanTahun } from "../../documents/dates-id";
import { downloadName } from "../../documents/file-name";
import { type Content, renderPdf, type TableCell } from "../../documents/pdf";
import { type DocLanguage, headerRow, say, type Words, words } from "../../documents/words";
import { xlsxBytes } from "../../documents/xlsx-safe";
import type { DownloadFile } from "../../http/download";
import { appendAudit } from "../audit/service";
import { skdnFigures } from "./service";

/**
 * The columns: the SKDN letters are the programme's own names (Buku KIA, Kemenkes), the same in both
 * languages; the place column and the words around the table follow the user's language in the XLSX.
 * The PDF is the report filed with the puskesmas, always in Indonesian (documents/words.ts).
 */
const LETTERS = ["S", "K", "D", "N", "T", "2T", "O", "B", "BGM", "K/S", "D/S", "N/D"];
const HEAD_WORDS: Words[] = [words("Wilayah", "Area"), ...LETTERS.map((l) => words(l, l))];
const HEAD = headerRow("id", HEAD_WORDS);
const TOTAL = words("Jumlah", "Total");
const TITLE = words("Laporan SKDN", "SKDN report");

/** The counts of a row, in the columns' order (both documents print them as they are). */
const counts = (f: SkdnFigures): number[] => [f.s, f.k, f.d, f.n, f.t, f.twoT, f.o, f.b, f.bgm];

function cells(f: SkdnFigures): (string | number)[] {
  return [...counts(f), formatPercent(f.ks), formatPercent(f.ds), formatPercent(f.nd)];
}

const NOTE_WORDS = words(
  "S: balita terdaftar · K: memiliki KMS/catatan penimbangan · D: ditimbang bulan ini (N+T+O+B) · N: naik · " +
    "T: tidak naik · 2T: tidak naik 2 kali berturut-turut · O: tidak ditimbang bulan lalu · B: baru pertama kali " +
    "ditimbang · BGM: di bawah garis merah. N dan T menurut Buku KIA (garis pertumbuhan, lalu KBM).",
  "S: children under five registered · K: with a KMS/weighing record · D: weighed this month (N+T+O+B) · " +
    "N: gained weight · T: did not gain · 2T: did not gain twice in a row · O: not weighed last month · " +
    "B: weighed for the first time · BGM: below the red line. N and T as the Buku KIA rules them (growth " +
    "line, then minimum weight gain KBM).",
);
const NOTE = NOTE_WORDS.id;

async function xlsx(view: SkdnView, lang: DocLanguage): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  wb.creator = "Tumbuh";
  const ws = wb.addWorksheet("SKDN");
  ws.addRow([`${say(lang, TITLE)} — ${view.regionName} — ${periodLabel(view.month, lang)}`]).font = {
    bold: true,
    size: 13,
  };
  ws.addRow([]);
  ws.addRow(headerRow(lang, HEAD_WORDS)).font = { bold: true };
  // Numbers as numbers (a spreadsheet sums them); ratios as percentages with one decimal.
  const row = (name: string, f: SkdnFigures) => [
    name,
    ...counts(f),
    round1(f.ks),
    round1(f.ds),
    round1(f.nd),
  ];
  for (const r of view.rows) ws.addRow(row(r.name, r.figures));
  ws.addRow(row(say(lang, TOTAL), view.total)).font = { bold: true };
  ws.addRow([]);
  ws.addRow([say(lang, NOTE_WORDS)]);
  ws.getColumn(1).width = 28;
  return xlsxBytes(wb);
}

function round1(x: number | null): number | null {
  return x === null ? null : Math.round(x * 10) / 10;
}

async function pdf(view: SkdnView): Promise<Buffer> {
  const body: TableCell[][] = [HEAD.map((h) => ({ text: h, bold: true }))];
  for (const r of view.rows) body.push([r.name, ...cells(r.figures).map(String)]);
  body.push([
    { text: "Jumlah", bold: true },
    ...cells(view.total).map((c) => ({ text: String(c), bold: true })),
  ]);
  const content: Content[] = [
    { text: "Laporan Bulanan Penimbangan Balita (SKDN)", style: "title" },
    { text: `${view.regionName} — ${bulanTahun(view.month)}`, margin: [0, 2, 0, 10] },
    {
      table: { headerRows: 1, widths: ["*", ...HEAD.slice(1).map(() => "auto")], body },
      layout: "lightHorizontalLines",
      fontSize: 8,
    },
    { text: NOTE, fontSize: 7, color: "#555", margin: [0, 10, 0, 0] },
  ];
  return renderPdf({
    info: { title: `SKDN ${view.regionName} ${view.month}` },
    pageOrientation: "landscape",
    content,
    styles: { title: { fontSize: 14, bold: true } },
  });
}

/** The SKDN report as a file (the XLSX in the user's language); every download is audited. */
export async function exportSkdn(
  db: Kysely<Database>,
  actor: Actor,
  regionCode: string,
  month: string,
  format: "xlsx" | "pdf",
  lang: DocLanguage = "id",
): Promise<DownloadFile> {
  const view = await skdnFigures(db, readScopes(actor), regionCode, month);
  const body = format === "xlsx" ? await xlsx(view, lang) : await pdf(view);
  await appendAudit(db, actor, {
    action: "skdn.export",
    entity: "skdn",
    entityId: null,
    regionCode: view.regionCode,
    after: { month, format },
  });
  return {
    fileName: downloadName(lang, {
      what: "skdn",
      place: { kind: view.regionLevel, name: view.regionName },
      period: month,
      ext: format,
    }),
    contentType:
      format === "xlsx"
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "application/pdf",
    body,
  };
}
