import { type DashboardView, type PublicationView, periodLabel, toCsv as writeCsv } from "@tumbuh/core";
import { type DocLanguage, headerRow, say, type Words, words } from "../../documents/words";
import { xlsxBytes } from "../../documents/xlsx-safe";

/** A figure as a plain table: what the CSV and XLSX downloads contain (one table = one CSV = one sheet). */
export interface Table {
  name: string;
  columns: string[];
  rows: (string | number | null)[][];
}

const STATUS: Record<string, Words> = {
  green: words("tercapai", "reached"),
  amber: words("mendekati", "close"),
  red: words("belum tercapai", "not reached"),
  none: words("-", "-"),
};
/** The trend lines the dashboard draws, by name (other computations keep their catalog name). */
const TREND_WORDS: Record<string, Words> = {
  stunting_prevalence: words("Prevalensi stunting", "Stunting prevalence"),
  measurement_coverage: words("Cakupan penimbangan", "Weighing coverage"),
  wasting_prevalence: words("Prevalensi wasting", "Wasting prevalence"),
  underweight_prevalence: words("Prevalensi underweight", "Underweight prevalence"),
};
const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
const pct = (lang: DocLanguage) => words("(%)", "(%)")[lang];

/**
 * The three figures of a dashboard: indicators against target, the drill-down rows, the monthly trends.
 * Headers in the user's language, places by name, periods in words ("Juni 2026"); numbers stay numbers
 * (the spreadsheet shows them with the reader's own separators).
 */
export function dashboardTables(v: DashboardView, lang: DocLanguage = "id"): Table[] {
  const period = periodLabel(v.period, lang);
  const indicators: Table = {
    name: "indikator",
    columns: headerRow(lang, [
      words("Wilayah", "Area"),
      words("Periode", "Period"),
      words("No.", "No."),
      words("Indikator", "Indicator"),
      words("Sumber nilai", "Source of the value"),
      words("Nilai", "Value"),
      words("Pembilang", "Numerator"),
      words("Penyebut", "Denominator"),
      words("IK 95% bawah", "95% CI lower"),
      words("IK 95% atas", "95% CI upper"),
      words("Target", "Target"),
      words("Target tertulis", "Target as written"),
      words("Status", "Status"),
      words("Penanggung jawab", "Responsible"),
    ]),
    rows: v.indicators.map((f) => [
      v.region.name,
      period,
      f.indicatorId,
      f.text,
      say(
        lang,
        f.mode === "computed" ? words("dihitung Tumbuh", "computed by Tumbuh") : words("diisi", "entered"),
      ),
      round1(f.value),
      f.numerator,
      f.denominator,
      round1(f.ci?.lower ?? null),
      round1(f.ci?.upper ?? null),
      f.target,
      f.targetOriginal,
      say(lang, STATUS[f.status] ?? (STATUS.none as Words)),
      f.responsible.join("; "),
    ]),
  };
  const regionRows = [{ region: v.region, panel: v.panel }, ...v.rows];
  const rows: Table = {
    name: "wilayah",
    columns: headerRow(lang, [
      words("Wilayah", "Area"),
      words("Periode", "Period"),
      words("Balita terdaftar", "Under-fives registered"),
      words("Balita ditimbang", "Under-fives weighed"),
      words("Cakupan (%)", "Coverage (%)"),
      words("Stunting", "Stunted"),
      words("Diukur TB/U", "Measured for height"),
      words("Prevalensi stunting (%)", "Stunting prevalence (%)"),
      words("IK 95% bawah", "95% CI lower"),
      words("IK 95% atas", "95% CI upper"),
      words("Wasting", "Wasted"),
      words("Prevalensi wasting (%)", "Wasting prevalence (%)"),
      words("Underweight", "Underweight"),
      words("Prevalensi underweight (%)", "Underweight prevalence (%)"),
      words("Nilai di luar batas WHO", "Values outside WHO limits"),
    ]),
    rows: regionRows.map((r) => [
      r.region.name,
      period,
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
  const name = (c: string) => TREND_WORDS[c]?.[lang] ?? c;
  const trends: Table = {
    name: "tren",
    columns: [
      say(lang, words("Bulan", "Month")),
      ...computations.flatMap((c) => [
        `${name(c)} ${pct(lang)}`,
        `${name(c)} — ${say(lang, words("pembilang", "numerator"))}`,
        `${name(c)} — ${say(lang, words("penyebut", "denominator"))}`,
      ]),
    ],
    rows: months.map((m, i) => [
      periodLabel(m, lang),
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
