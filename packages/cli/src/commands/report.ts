import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { isPeriod, REPORT_KINDS_LIST, type ReportKind, SYSTEM_ACTOR } from "@tumbuh/core";
import { liveReport, reportPdf, reportXlsx } from "@tumbuh/server";
import { openMigrated } from "../database";

const USAGE = `Usage: tumbuh report --kind KIND --region CODE --period P [--format json|pdf|xlsx] [--output FILE]
  KIND: ${REPORT_KINDS_LIST.join(", ")}
  P: 2025-07 (month), 2025-Q3 (quarter), 2025-S1 (semester), 2025 (year), as the kind requires`;

/**
 * A report of the kind for a region and period with the figures as they stand now (a preview: nothing is
 * stored or sent; issuing is done in the app). JSON carries every figure the PDF prints: the PDF is
 * rendered from exactly that object.
 */
export async function runReport(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      kind: { type: "string" },
      region: { type: "string" },
      period: { type: "string" },
      format: { type: "string", default: "json" },
      output: { type: "string" },
    },
  });
  const { kind, region, period, format } = values;
  if (!kind || !region || !period) {
    console.error(USAGE);
    return 2;
  }
  if (!(REPORT_KINDS_LIST as readonly string[]).includes(kind)) {
    console.error(`--kind: unknown report "${kind}"\n${USAGE}`);
    return 2;
  }
  if (!isPeriod(period)) {
    console.error(`--period: expected YYYY, YYYY-MM, YYYY-Qn or YYYY-Sn (got "${period}")`);
    return 2;
  }
  if (format !== "json" && format !== "pdf" && format !== "xlsx") {
    console.error(`--format: json, pdf or xlsx (got "${format}")\n${USAGE}`);
    return 2;
  }
  const db = await openMigrated();
  try {
    const view = await liveReport(db.kysely, SYSTEM_ACTOR, {
      kind: kind as ReportKind,
      regionCode: region,
      period,
    });
    if (format === "json") {
      const json = `${JSON.stringify(view, null, 2)}\n`;
      if (values.output) writeFileSync(values.output, json);
      else process.stdout.write(json);
      return 0;
    }
    const body = format === "pdf" ? await reportPdf(view) : await reportXlsx(view);
    const out = values.output ?? `laporan-${kind}-${region}-${period}.${format}`;
    writeFileSync(out, body);
    console.error(`Wrote ${out}.`);
    return 0;
  } finally {
    await db.close();
  }
}
