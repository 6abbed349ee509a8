import { parseArgs } from "node:util";
import { type DashboardView, formatPercent, Period, SYSTEM_ACTOR } from "@tumbuh/core";
import { getDashboard } from "@tumbuh/server";
import { openMigrated } from "../database";

const USAGE =
  "Usage: tumbuh indicators --region CODE --period YYYY-MM|YYYY-Qn|YYYY-Sn|YYYY [--agency NAME] [--format json|table]";

/** Achievement of every indicator of the catalog at a region and period (Paser Pasal 6–7 and the annex). */
export async function runIndicators(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      region: { type: "string" },
      period: { type: "string" },
      agency: { type: "string" },
      format: { type: "string", default: "table" },
    },
  });
  const period = Period.safeParse(values.period);
  if (!values.region || !period.success || !["json", "table"].includes(values.format ?? "")) {
    if (values.period !== undefined && !period.success)
      console.error(
        "--period: expected YYYY-MM, YYYY-Qn, YYYY-Sn or YYYY (e.g. 2025-06, 2025-Q3, 2025-S1, 2025)",
      );
    console.error(USAGE);
    return 2;
  }
  const db = await openMigrated();
  try {
    const view = await getDashboard(db.kysely, SYSTEM_ACTOR, {
      region: values.region,
      period: period.data,
      agency: values.agency,
    });
    console.log(values.format === "json" ? JSON.stringify(asJson(view), null, 2) : asTable(view));
    return 0;
  } finally {
    await db.close();
  }
}

/** The JSON output: achievement per indicator and the child panel (no trends or drill-down rows). */
function asJson(v: DashboardView) {
  return {
    region: v.region,
    period: v.period,
    catalog: v.catalog,
    panel: v.panel,
    indicators: v.indicators.map((f) => ({
      id: f.indicatorId,
      text: f.text,
      mode: f.mode,
      computation: f.computation,
      value: f.value,
      numerator: f.numerator,
      denominator: f.denominator,
      ci95: f.ci,
      target: f.target,
      direction: f.direction,
      ratio: f.ratio,
      status: f.status,
      responsible: f.responsible,
    })),
  };
}

// Figures as the English CLI prints them: one decimal, always ("12.0%"), so the columns line up.
const pct = (v: number | null) => formatPercent(v, "en", { decimals: 1 });

function asTable(v: DashboardView): string {
  const p = v.panel;
  const lines = [
    `${v.region.name} (${v.region.code}) · ${v.period} · ${v.catalog.regulation}`,
    `stunting ${pct(p.stunting.value)} (${p.stunting.numerator}/${p.stunting.denominator}, 95% CI ${pct(p.stunting.ci?.lower ?? null)}–${pct(p.stunting.ci?.upper ?? null)}) · ` +
      `wasting ${pct(p.wasting.value)} · underweight ${pct(p.underweight.value)} · coverage ${pct(p.coverage.value)} (${p.coverage.numerator}/${p.coverage.denominator})`,
    "",
  ];
  for (const f of v.indicators) {
    const value = f.value === null ? "–" : f.targetKind === "percent" ? pct(f.value) : String(f.value);
    lines.push(
      `${f.status.padEnd(5)}  ${value.padStart(7)}  target ${String(f.target ?? "–").padStart(5)}  ${f.indicatorId}  ${f.text}`,
    );
  }
  return lines.join("\n");
}
