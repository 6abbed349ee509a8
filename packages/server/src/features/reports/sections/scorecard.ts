import { catalogForRegion, indicatorsOf, type ReportSectionView, SCORE_GROUP_LABELS } from "@tumbuh/core";
import { fig, type SectionContext } from "./context";

/**
 * Convergence of the 1000-HPK service packages (PALI Pasal 37 and 40(3)): the KPM scorecard of the
 * region and period exactly as features/services computes it (`tumbuh scorecard` prints the same totals).
 */
export async function scorecardSection(ctx: SectionContext): Promise<ReportSectionView> {
  const s = await ctx.scorecard();
  const figures = [
    fig("convergence_percent", "Tingkat konvergensi layanan 1000 HPK", "percent", s.totals.percent),
    fig("targets", "Jumlah sasaran 1000 HPK dinilai", "count", s.totals.targets),
    fig("y", "Layanan diterima (Y)", "count", s.totals.y),
    fig("t", "Layanan tidak diterima (T)", "count", s.totals.t),
    fig("ts", "Tidak berlaku (TS)", "count", s.totals.ts),
  ];
  for (const g of s.totals.groups) {
    figures.push(
      fig(`group.${g.group}.percent`, `Konvergensi ${SCORE_GROUP_LABELS[g.group].id}`, "percent", g.percent),
    );
  }
  const catalog = catalogForRegion(ctx.region.code);
  const rows = s.totals.groups.flatMap((g) => {
    const labels = new Map(indicatorsOf(catalog, g.group).map((i) => [i.code, i.label.id]));
    return Object.entries(g.indicators).map(([code, t]) => [
      SCORE_GROUP_LABELS[g.group].id,
      labels.get(code) ?? code,
      t.y,
      t.t,
      t.ts,
      t.percent,
    ]);
  });
  return {
    code: "scorecard",
    title: "Tingkat konvergensi layanan 1000 HPK (kartu skor)",
    source: `Perbup PALI 64/2021 Pasal 37 dan Pasal 40 ayat (3); ${s.catalog.regulation}`,
    note: null,
    figures,
    tables: [
      {
        key: "indicators",
        title: "Per indikator layanan",
        columns: ["Sasaran", "Indikator", "Y", "T", "TS", "Konvergensi"],
        units: ["text", "text", "count", "count", "count", "percent"],
        rows,
      },
    ],
  };
}

/** The same scorecard one level down (posyandu of a desa, desa of a kecamatan, kecamatan of the regency). */
export async function scorecardAreasSection(ctx: SectionContext): Promise<ReportSectionView> {
  const s = await ctx.scorecard();
  return {
    code: "scorecard_areas",
    title: "Konvergensi per wilayah",
    source: "Kartu skor konvergensi per wilayah satu tingkat di bawah",
    note: s.areas.length === 0 ? "Tidak ada wilayah di bawahnya." : null,
    figures: [],
    tables: [
      {
        key: "areas",
        title: "Per wilayah",
        columns: ["Kode", "Wilayah", "Sasaran", "Y", "T", "TS", "Konvergensi"],
        units: ["text", "text", "count", "count", "count", "count", "percent"],
        rows: s.areas.map((a) => [
          a.code,
          a.name,
          a.totals.targets,
          a.totals.y,
          a.totals.t,
          a.totals.ts,
          a.totals.percent,
        ]),
      },
    ],
  };
}
