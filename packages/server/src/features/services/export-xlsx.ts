import {
  indicatorsOf,
  periodLabel,
  SCORE_GROUP_LABELS,
  SCORE_GROUPS,
  type ScorecardView,
  type ServiceCatalog,
} from "@tumbuh/core";
import { xlsxBytes } from "../../documents/xlsx-safe";

/**
 * The desa scorecard in the layout KPMs know from the Buku Pendataan dan Pemantauan Layanan 1000 HPK: one
 * sheet per target group, one row per target, one column per indicator (Y / T / TS; a quarter shows the
 * three months' letters "Y Y T"), then Σ Y, Σ T, Σ TS and the % of each target; totals below. A summary
 * sheet gives the convergence % per group and overall.
 */
export async function scorecardXlsx(
  view: ScorecardView,
  catalog: ServiceCatalog,
  /** Names of the posyandu/dusun/desa the targets are registered at (a row shows the name, not the code). */
  placeNames: ReadonlyMap<string, string> = new Map(),
): Promise<Buffer> {
  // Loaded here, not at import: exceljs takes a second to load and most requests never write a workbook.
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  wb.creator = "Tumbuh";
  const title = `Scorecard Konvergensi 1000 HPK — ${view.regionName} — ${periodLabel(view.period)}`;
  const summary = wb.addWorksheet("Ringkasan");
  summary.addRow([title]).font = { bold: true, size: 13 };
  summary.addRow([`Dasar: ${catalog.regulation}`]);
  summary.addRow([]);
  const head = summary.addRow([
    "Kelompok sasaran",
    "Jumlah sasaran",
    "Σ Y",
    "Σ T",
    "Σ TS",
    "Konvergensi (%)",
  ]);
  head.font = { bold: true };
  for (const g of view.totals.groups) {
    summary.addRow([SCORE_GROUP_LABELS[g.group].id, g.targets, g.y, g.t, g.ts, round1(g.percent)]);
  }
  const total = summary.addRow([
    "Total",
    view.totals.targets,
    view.totals.y,
    view.totals.t,
    view.totals.ts,
    round1(view.totals.percent),
  ]);
  total.font = { bold: true };
  summary.addRow([]);
  summary.addRow(["Konvergensi = ΣY ÷ (Σ indikator × sasaran − ΣTS) × 100"]);
  summary.getColumn(1).width = 30;
  for (const c of [2, 3, 4, 5, 6]) summary.getColumn(c).width = 16;

  for (const group of SCORE_GROUPS) {
    const indicators = indicatorsOf(catalog, group);
    const rows = (view.rows ?? []).filter((r) => r.group === group);
    const ws = wb.addWorksheet(SCORE_GROUP_LABELS[group].id.replace(/[/\\?*[\]:]/g, "-").slice(0, 31));
    ws.addRow([`${SCORE_GROUP_LABELS[group].id} — ${view.regionName} — ${periodLabel(view.period)}`]).font = {
      bold: true,
    };
    const header = ws.addRow([
      "No",
      "Nama sasaran",
      "Posyandu / wilayah",
      ...indicators.map((i) => i.short),
      "Σ Y",
      "Σ T",
      "Σ TS",
      "%",
    ]);
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: "top" };
    ws.addRow(["", "", "", ...indicators.map((i) => i.label.id), "", "", "", ""]).alignment = {
      wrapText: true,
      vertical: "top",
    };
    rows.forEach((r, n) => {
      ws.addRow([
        n + 1,
        r.name,
        placeNames.get(r.regionCode) ?? view.regionName,
        ...indicators.map((i) => (r.cells[i.code] ?? []).map((c) => c ?? "–").join(" ")),
        r.y,
        r.t,
        r.ts,
        round1(r.percent),
      ]);
    });
    const g = view.totals.groups.find((x) => x.group === group);
    for (const [label, key] of [
      ["Σ Y", "y"],
      ["Σ T", "t"],
      ["Σ TS", "ts"],
    ] as const) {
      const row = ws.addRow([
        "",
        label,
        "",
        ...indicators.map((i) => g?.indicators[i.code]?.[key] ?? 0),
        key === "y" ? (g?.y ?? 0) : "",
        key === "t" ? (g?.t ?? 0) : "",
        key === "ts" ? (g?.ts ?? 0) : "",
        "",
      ]);
      row.font = { bold: true };
    }
    const pct = ws.addRow([
      "",
      "Konvergensi (%)",
      "",
      ...indicators.map((i) => round1(g?.indicators[i.code]?.percent ?? null)),
      "",
      "",
      "",
      round1(g?.percent ?? null),
    ]);
    pct.font = { bold: true };
    ws.getColumn(1).width = 5;
    ws.getColumn(2).width = 28;
    ws.getColumn(3).width = 20;
    for (let c = 4; c <= 3 + indicators.length + 4; c++) ws.getColumn(c).width = 11;
    ws.views = [{ state: "frozen", xSplit: 2, ySplit: 3 }];
  }
  return xlsxBytes(wb);
}

/** One decimal, as the KPM report prints it; empty when nothing applies. */
export function round1(p: number | null): number | string {
  return p === null ? "" : Math.round(p * 10) / 10;
}
