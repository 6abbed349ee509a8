import {
  formatPercent,
  type IndicatorFigure,
  type Prevalence,
  periodLabel,
  type ReportSectionView,
} from "@tumbuh/core";
import { fig, type SectionContext } from "./context";

const STATUS_ID = {
  green: "Tercapai",
  amber: "Mendekati",
  red: "Belum tercapai",
  none: "Tanpa data",
} as const;

function periodNote(ctx: SectionContext): string | null {
  return ctx.indicatorPeriod === ctx.period
    ? null
    : `Keadaan pada akhir periode (${periodLabel(ctx.indicatorPeriod)}): indikator dihitung per bulan dan per tahun.`;
}

/**
 * Achievement against every catalog indicator and its target (Paser Pasal 44 huruf d; the catalog of Pasal
 * 6–7 and the annex), exactly as features/indicators computes it (`tumbuh indicators` prints the same).
 */
export async function indicatorsSection(ctx: SectionContext): Promise<ReportSectionView> {
  const d = await ctx.dashboard();
  const met = d.indicators.filter((f) => f.status === "green").length;
  const withData = d.indicators.filter((f) => f.status !== "none").length;
  return {
    code: "indicators",
    title: "Capaian indikator dan target",
    source: `Perbup Paser 47/2024 Pasal 44 huruf d; ${d.catalog.regulation}`,
    note: periodNote(ctx),
    figures: [
      fig("indicators_total", "Indikator dalam katalog", "count", d.indicators.length),
      fig("indicators_with_data", "Indikator dengan data", "count", withData),
      fig("indicators_met", "Indikator mencapai target", "count", met),
    ],
    tables: [
      {
        key: "indicators",
        title: "Per indikator",
        columns: ["Kode", "Indikator", "Capaian (% / nilai)", "Target", "Pembilang", "Penyebut", "Status"],
        // Capaian is a percent for fractions, else the entered value in the target's unit: printed as a number.
        units: ["text", "text", "count", "text", "count", "count", "text"],
        rows: d.indicators.map((f) => [
          f.indicatorId,
          f.text,
          f.value,
          f.target === null ? f.targetOriginal || null : String(f.target),
          f.numerator,
          f.denominator,
          STATUS_ID[f.status],
        ]),
      },
    ],
  };
}

const ciText = (p: Prevalence) =>
  p.ci
    ? `${p.numerator}/${p.denominator}; IK 95% ${formatPercent(p.ci.lower, "id", { decimals: 1 })}–${formatPercent(p.ci.upper, "id", { decimals: 1 })}`
    : `${p.numerator}/${p.denominator}`;

/** Prevalence with its 95% interval (Wilson), from the same dashboard. */
export async function prevalenceSection(ctx: SectionContext): Promise<ReportSectionView> {
  const { panel } = await ctx.dashboard();
  return {
    code: "prevalence",
    title: "Prevalensi balita (pengukuran terakhir)",
    source: "Perbup Paser 47/2024 Pasal 6; standar antropometri Permenkes 2/2020",
    note: periodNote(ctx),
    figures: [
      fig("stunting", "Stunting (TB/U < −2 SD)", "percent", panel.stunting.value, ciText(panel.stunting)),
      fig(
        "wasting",
        "Gizi kurang/buruk (BB/TB < −2 SD)",
        "percent",
        panel.wasting.value,
        ciText(panel.wasting),
      ),
      fig(
        "underweight",
        "Berat badan kurang (BB/U < −2 SD)",
        "percent",
        panel.underweight.value,
        ciText(panel.underweight),
      ),
      fig(
        "coverage",
        "Cakupan penimbangan/pengukuran (D/S)",
        "percent",
        panel.coverage.value,
        ciText(panel.coverage),
      ),
      fig("flagged", "Pengukuran ditandai tidak wajar (tidak dihitung)", "count", panel.flagged),
    ],
    tables: [],
  };
}

/** The catalog indicators a section reports on, by their computation (families, catin, case audits). */
function byComputation(figures: readonly IndicatorFigure[], computations: readonly string[]) {
  return figures.filter((f) => f.computation !== null && computations.includes(f.computation));
}

function recordSection(
  code: "families" | "catin" | "case_audits",
  title: string,
  source: string,
  computations: readonly string[],
) {
  return async (ctx: SectionContext): Promise<ReportSectionView> => {
    const d = await ctx.dashboard();
    const found = byComputation(d.indicators, computations);
    return {
      code,
      title,
      source,
      note: found.length === 0 ? "Indikator ini tidak ada dalam katalog wilayah ini." : periodNote(ctx),
      figures: found.map((f) =>
        fig(
          `${f.indicatorId}`,
          f.text,
          "percent",
          f.value,
          f.numerator === null ? null : `${f.numerator}/${f.denominator}; target ${f.target ?? "–"}`,
        ),
      ),
      tables: [],
    };
  };
}

export const familiesSection = recordSection(
  "families",
  "Keluarga berisiko stunting yang didampingi",
  "Perbup Paser 47/2024 Pasal 12–13; Lampiran A.b.7 / Pilar 3 b.1",
  ["family_accompaniment"],
);
export const catinSection = recordSection(
  "catin",
  "Calon pengantin diperiksa dan didampingi",
  "Perbup Paser 47/2024 Lampiran A.b.3 / Pilar 3 b.2",
  ["catin_examined", "catin_screened_in_time"],
);
export const caseAuditsSection = recordSection(
  "case_audits",
  "Audit kasus stunting baduta",
  "Perbup Paser 47/2024 Lampiran Pilar 5 a.8 (target 50%)",
  ["case_audit_share"],
);
