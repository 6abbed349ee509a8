import { type CurveIndicator, sdCurves } from "@tumbuh/growth";
import { derive, type RawMeasurement } from "./growth-derive";
import type { ChartView } from "./registry-views";

const DAYS_PER_MONTH = 30.4375;

/**
 * Growth chart data for one child: the WHO −3…+3 SD lines over the span that matters for this child, and
 * its points. Age charts run in months (0 to at least 24, up to 60); weight-for-length/height runs in cm
 * on the WFL table under 24 months and WFH from 24 months (the table the z-score used).
 */
export function chartFor(
  person: { sex: 1 | 2; birthDate: string },
  indicator: ChartView["indicator"],
  raws: readonly RawMeasurement[],
): ChartView {
  const derived = raws.map((m) => ({ m, d: derive(person, m) }));
  if (indicator === "bbtb") {
    const pts = derived.filter(({ m, d }) => m.weightKg !== null && d.clenhei !== null);
    const older = (derived.at(-1)?.d.ageDays ?? 0) >= 731;
    const table: CurveIndicator = older ? "wfh" : "wfl";
    const [lo, hi] = older ? [65, 120] : [45, 110];
    const xs = pts.map(({ d }) => d.clenhei as number);
    const from = clamp(Math.floor((xs.length ? Math.min(...xs) : lo + 10) - 5), lo, hi - 10);
    const to = clamp(Math.ceil((xs.length ? Math.max(...xs) : lo + 20) + 5), from + 10, hi);
    return {
      indicator,
      sex: person.sex,
      xUnit: "cm",
      yUnit: "kg",
      curves: curves(table, person.sex, from, to, 0.5),
      points: pts.map(({ m, d }) => ({
        x: d.clenhei as number,
        y: m.weightKg as number,
        z: d.zwfl,
        measuredOn: m.measuredOn,
        flagged: d.flags.includes("zwfl"),
      })),
    };
  }
  const table: CurveIndicator = indicator === "tbu" ? "lhfa" : "wfa";
  const pts = derived.filter(({ m, d }) =>
    indicator === "tbu" ? d.clenhei !== null : m.weightKg !== null && d.ageDays < 1827,
  );
  const maxAge = Math.max(0, ...pts.map(({ d }) => d.ageDays / DAYS_PER_MONTH));
  const to = Math.min(60, Math.max(24, Math.ceil((maxAge + 6) / 6) * 6));
  return {
    indicator,
    sex: person.sex,
    xUnit: "month",
    yUnit: indicator === "tbu" ? "cm" : "kg",
    curves: curves(table, person.sex, 0, to, 1, { xUnit: "months" }),
    points: pts
      .filter(({ d }) => d.ageDays / DAYS_PER_MONTH <= 60)
      .map(({ m, d }) => ({
        x: Math.round((d.ageDays / DAYS_PER_MONTH) * 100) / 100,
        y: indicator === "tbu" ? (d.clenhei as number) : (m.weightKg as number),
        z: indicator === "tbu" ? d.zlen : d.zwei,
        measuredOn: m.measuredOn,
        flagged: d.flags.includes(indicator === "tbu" ? "zlen" : "zwei"),
      })),
  };
}

function curves(
  table: CurveIndicator,
  sex: 1 | 2,
  from: number,
  to: number,
  step: number,
  options?: { xUnit: "months" },
): ChartView["curves"] {
  // 60 months × 30.4375 = 1826.25 days rounds to 1826, the table's last day.
  return sdCurves(table, sex, from, to, step, options).map((p) => ({
    x: p.x,
    sd: [p.sdm3, p.sdm2, p.sdm1, p.sd0, p.sd1, p.sd2, p.sd3].map(
      (v) => Math.round(v * 1000) / 1000,
    ) as ChartView["curves"][number]["sd"],
  }));
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
