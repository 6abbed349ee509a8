import { isMonth, monthsOfPeriod } from "@tumbuh/core";
import type { ComputationDef, DesaFraction } from "./types";

/**
 * Balita weighed ÷ balita registered: the posyandu D/S (Paser Pasal 7 f "partisipasi masyarakat di
 * Posyandu", annex A.a.7 "balita yang dipantau pertumbuhan dan perkembangannya").
 *
 * A month is the SKDN's D/S (core child-counts: S = balita 0–59 months at the month's end, D = weighed in
 * the month; core skdn/figures) — the dashboard and the SKDN report give the same figure. D/S is a monthly
 * participation rate, so a quarter, semester or year is the mean of its months (issue 14): Σ D ÷ Σ S over
 * its months with figures, i.e. the mean monthly D over the mean monthly S — additive over desa, so a
 * regency's figure is its desa's added up. "Children weighed at least once in the year ÷ children of the
 * year" would be a different (much higher) figure, not the D/S the posyandu reports.
 */
export const measurementCoverage: ComputationDef = {
  name: "measurement_coverage",
  describe: "balita ditimbang ÷ balita terdaftar (D/S; periode lebih dari sebulan: rata-rata bulanan)",
  async fractions(ctx, region, periods) {
    const monthsOf = new Map(periods.map((p) => [p, isMonth(p) ? [p] : monthsOfPeriod(p)]));
    const months = [...new Set([...monthsOf.values()].flat())].sort();
    const rows = await ctx.childRows(region, months);
    const byMonth = new Map<string, typeof rows>();
    for (const r of rows) byMonth.set(r.period, [...(byMonth.get(r.period) ?? []), r]);
    const out: DesaFraction[] = [];
    for (const [period, list] of monthsOf) {
      const perDesa = new Map<string, DesaFraction>();
      for (const m of list) {
        for (const r of byMonth.get(m) ?? []) {
          const f = perDesa.get(r.desa_code) ?? { desa: r.desa_code, period, numerator: 0, denominator: 0 };
          f.numerator += r.measured;
          f.denominator += r.registered;
          perDesa.set(r.desa_code, f);
        }
      }
      out.push(...perDesa.values());
    }
    return out;
  },
};
