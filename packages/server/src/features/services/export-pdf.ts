import {
  formatPercent,
  indicatorsOf,
  missingByIndicator,
  periodLabel,
  SCORE_GROUP_LABELS,
  type ScorecardRow,
  type ScorecardView,
  type ServiceCatalog,
} from "@tumbuh/core";
import { type Content, renderPdf, type TableCell } from "../../documents/pdf";

/**
 * The one-page summary for the village head (PALI Pasal 30 huruf b and e: the KPM reports the scorecard
 * to the village head; Paser Pasal 36(2)): convergence per group and indicator, and how many targets miss
 * each service.
 */
export async function scorecardPdf(
  view: ScorecardView,
  catalog: ServiceCatalog,
  rows: readonly ScorecardRow[],
): Promise<Buffer> {
  const missing = new Map(missingByIndicator(catalog, rows).map((m) => [m.indicator.code, m.rows.length]));
  const content: Content[] = [
    { text: "Ringkasan Scorecard Konvergensi 1000 HPK", style: "title" },
    { text: `${view.regionName} — periode ${periodLabel(view.period)}`, margin: [0, 2, 0, 2] },
    { text: `Dasar: ${catalog.regulation}`, fontSize: 8, color: "#555", margin: [0, 0, 0, 10] },
    {
      text: `Tingkat konvergensi: ${formatPercent(view.totals.percent)}  (${view.totals.y} layanan diterima dari ${
        view.totals.y + view.totals.t
      } layanan yang berlaku, ${view.totals.targets} sasaran)`,
      bold: true,
      margin: [0, 0, 0, 10],
    },
  ];
  for (const g of view.totals.groups) {
    if (g.targets === 0) continue;
    const body: TableCell[][] = [
      [
        { text: "Indikator", bold: true },
        { text: "Y", bold: true },
        { text: "T", bold: true },
        { text: "TS", bold: true },
        { text: "%", bold: true },
        { text: "Belum menerima", bold: true },
      ],
    ];
    for (const ind of indicatorsOf(catalog, g.group)) {
      const t = g.indicators[ind.code];
      body.push([
        ind.label.id,
        String(t?.y ?? 0),
        String(t?.t ?? 0),
        String(t?.ts ?? 0),
        formatPercent(t?.percent ?? null),
        `${missing.get(ind.code) ?? 0} sasaran`,
      ]);
    }
    body.push([
      { text: "Jumlah", bold: true },
      { text: String(g.y), bold: true },
      { text: String(g.t), bold: true },
      { text: String(g.ts), bold: true },
      { text: formatPercent(g.percent), bold: true },
      "",
    ]);
    content.push(
      { text: `${SCORE_GROUP_LABELS[g.group].id} — ${g.targets} sasaran`, style: "h2" },
      {
        table: { headerRows: 1, widths: ["*", 30, 30, 30, 45, 75], body },
        layout: "lightHorizontalLines",
        fontSize: 9,
        margin: [0, 0, 0, 10],
      },
    );
  }
  if (view.areas.length > 0) {
    content.push({ text: "Per wilayah", style: "h2" });
    content.push({
      table: {
        headerRows: 1,
        widths: ["*", 50, 60],
        body: [
          [
            { text: "Wilayah", bold: true },
            { text: "Sasaran", bold: true },
            { text: "Konvergensi", bold: true },
          ],
          ...view.areas.map((a) => [a.name, String(a.totals.targets), formatPercent(a.totals.percent)]),
        ],
      },
      layout: "lightHorizontalLines",
      fontSize: 9,
    });
  }
  content.push({
    text: "Konvergensi = ΣY ÷ (Σ indikator × sasaran − ΣTS) × 100. Y: menerima layanan; T: tidak menerima; TS: tidak sasaran.",
    fontSize: 8,
    color: "#555",
    margin: [0, 10, 0, 0],
  });
  return renderPdf({
    info: { title: `Scorecard ${view.regionName} ${periodLabel(view.period)}` },
    content,
    styles: { title: { fontSize: 15, bold: true }, h2: { fontSize: 11, bold: true, margin: [0, 6, 0, 4] } },
  });
}
