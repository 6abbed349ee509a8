import { type DashboardView, type PublicationView, toCsv as writeCsv } from "@tumbuh/core";
import { xlsxBytes } from "../../documents/xlsx-safe";

/** A figure as a plain table: what the CSV and XLSX downloads contain (one table = one CSV = one sheet). */
export interface Table {
  name: string;
  columns: string[];
  rows: (string | number | null)[][];
}

const STATUS: Record<string, string> = {
  green: "tercapai",
  amber: "mendekati",
  red: "belum tercapai",
  none: "-",
};
const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

/** The three figures of a dashboard: indicators against target, the drill-down rows, the monthly trends. */
export function dashboardTables(v: DashboardView): Table[] {
  const indicators: Table = {
    name: "indikator",
    columns: [
      "wilayah",
      "periode",
      "id",
      "indikator",
      "cara",
      "nilai",
      "pembilang",
      "penyebut",
      "ik95_bawah",
      "ik95_atas",
      "target",
      "target_tertulis",
      "status",
      "penanggung_jawab",
    ],
    rows: v.indicators.map((f) => [
      v.region.name,
      v.period,
      f.indicatorId,
      f.text,
      f.mode === "computed" ? `dihitung: ${f.computation}` : "diisi",
      round1(f.value),
      f.numerator,
      f.denominator,
      round1(f.ci?.lower ?? null),
      round1(f.ci?.upper ?? null),
      f.target,
      f.targetOriginal,
      STATUS[f.status] ?? f.status,
      f.responsible.join("; "),
    ]),
  };
  const regionRows = [{ region: v.region, panel: v.panel }, ...v.rows];
  const rows: Table = {
    name: "wilayah",
    columns: [
      "kode",
      "wilayah",
      "periode",
      "balita_terdaftar",
      "balita_ditimbang",
      "cakupan_persen",
      "stunting",
      "diukur_tbu",
      "prevalensi_stunting_persen",
      "ik95_bawah",
      "ik95_atas",
      "wasting",
      "prevalensi_wasting_persen",
      "underweight",
      "prevalensi_underweight_persen",
      "nilai_di_luar_batas_who",
    ],
    rows: regionRows.map((r) => [
      r.region.code,
      r.region.name,
      v.period,
      r.panel.coverage.denominator,
      r.panel.coverage.numerator,
      round1(r.panel.coverage.value),
      r.panel.stunting.numerator,
      r.panel.stunting.denominator,
      round1(r.panel.stunting.value),
      round1(r.panel.stunting.ci?.lower ?? null),
      round1(r.panel.stunting.ci?.upper ?? null),
      r.panel.wasting.numerator,
      round1(r.panel.wasting.value),
      r.panel.underweight.numerator,
      round1(r.panel.underweight.value),
      r.panel.flagged,
    ]),
  };
  const computations = Object.keys(v.trends);
  const months = v.trends[computations[0] ?? ""]?.map((p) => p.period) ?? [];
  const trends: Table = {
    name: "tren",
    columns: ["bulan", ...computations.flatMap((c) => [`${c}_persen`, `${c}_pembilang`, `${c}_penyebut`])],
    rows: months.map((m, i) => [
      m,
      ...computations.flatMap((c) => {
        const p = v.trends[c]?.[i];
        return [round1(p?.value ?? null), p?.numerator ?? 0, p?.denominator ?? 0];
      }),
    ]),
  };
  return [indicators, rows, trends];
}

/** How a suppressed count is printed (Indonesian statistics practice: "<5"). */
export const SUPPRESSED = "<5";
const count = (c: number | null) => (c === null ? SUPPRESSED : c);

export function publicationTable(v: PublicationView): Table {
  return {
    name: `publikasi-stunting-${v.year}`,
    columns: [
      "kode",
      "wilayah",
      "tingkat",
      "balita_terdaftar",
      "balita_ditimbang",
      "cakupan_persen",
      "balita_stunting",
      "prevalensi_stunting_persen",
      "balita_wasting",
      "prevalensi_wasting_persen",
      "balita_underweight",
      "prevalensi_underweight_persen",
    ],
    rows: v.rows.map((r) => [
      r.code,
      r.name,
      r.level,
      count(r.registered),
      count(r.measured),
      round1(r.coverage),
      count(r.stunted),
      round1(r.stunting),
      count(r.wasted),
      round1(r.wasting),
      count(r.underweight),
      round1(r.underweightPct),
    ]),
  };
}

/** The table as CSV; a missing figure is `empty` (publications write a suppressed count as "<5"). */
export function toCsv(t: Table, empty = ""): string {
  return writeCsv([t.columns, ...t.rows.map((r) => r.map((c) => c ?? empty))]);
}

export async function toXlsx(tables: readonly Table[]): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  wb.creator = "Tumbuh";
  for (const t of tables) {
    const ws = wb.addWorksheet(t.name.slice(0, 31));
    ws.addRow(t.columns).font = { bold: true };
    for (const r of t.rows) ws.addRow(r);
    ws.columns.forEach((c, i) => {
      c.width = Math.min(60, Math.max(10, t.columns[i]?.length ?? 10));
    });
  }
  return xlsxBytes(wb);
}
