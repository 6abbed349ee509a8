import { NARRATIVE_LABELS, periodLabel, REPORT_KINDS, type ReportView } from "@tumbuh/core";
import { xlsxBytes } from "../../documents/xlsx-safe";

/**
 * The report's figures as a workbook: a cover sheet (article, region, period, version, narrative,
 * signatures), then one sheet per section with its figures and tables as numbers (percent as 0–100, rupiah
 * whole), so a regency can recompute from them.
 */
export async function reportXlsx(r: ReportView): Promise<Buffer> {
  // Loaded here, not at import: exceljs takes a second to load.
  const { default: ExcelJS } = await import("exceljs");
  const def = REPORT_KINDS[r.kind];
  const wb = new ExcelJS.Workbook();
  wb.creator = "Tumbuh";
  const cover = wb.addWorksheet("Laporan");
  cover.addRow([def.title.id]).font = { bold: true, size: 13 };
  cover.addRow(["Wilayah", r.regionName]);
  cover.addRow(["Periode", periodLabel(r.period)]);
  cover.addRow(["Versi", r.version]);
  cover.addRow(["Dasar", def.source]);
  cover.addRow(["Kepada", r.recipientName ?? def.recipientTitle]);
  cover.addRow([]);
  for (const f of def.narrative) {
    const text = r.narrative[f];
    if (text) cover.addRow([NARRATIVE_LABELS[f].id, text]);
  }
  cover.addRow([]);
  for (const s of r.signatures) cover.addRow([s.position, s.name]);
  cover.getColumn(1).width = 40;
  cover.getColumn(2).width = 80;
  r.figures.sections.forEach((s, i) => {
    // Sheet names: at most 31 characters, unique.
    const ws = wb.addWorksheet(`${i + 1} ${s.title}`.slice(0, 31).replace(/[\\/?*[\]:]/g, " "));
    ws.addRow([s.title]).font = { bold: true };
    ws.addRow([s.source]);
    if (s.note) ws.addRow([s.note]);
    ws.addRow([]);
    for (const f of s.figures)
      ws.addRow([f.label, f.value ?? f.text ?? "", f.value !== null ? (f.text ?? "") : ""]);
    for (const t of s.tables) {
      ws.addRow([]);
      ws.addRow([t.title]).font = { bold: true };
      ws.addRow(t.columns).font = { bold: true };
      for (const row of t.rows) ws.addRow(row.map((c) => c ?? ""));
    }
    ws.getColumn(1).width = 45;
    ws.getColumn(2).width = 30;
  });
  return xlsxBytes(wb);
}
