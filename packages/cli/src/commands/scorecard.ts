import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { isPeriod, SYSTEM_ACTOR } from "@tumbuh/core";
import { buildScorecard, explainScorecardCell, exportScorecard } from "@tumbuh/server";
import { openMigrated } from "../database";
import { badPeriodMessage } from "../period-arg";

const USAGE =
  "Usage: tumbuh scorecard --region CODE --period YYYY-MM|YYYY-Qn|YYYY-Sn|YYYY [--format json|xlsx|pdf] [--output FILE]\n" +
  "       tumbuh scorecard --region CODE --period PERIOD --explain PERSON_ID:INDICATOR   (why each month's cell is Y/T/TS)";

/**
 * The KPM convergence scorecard of a region. JSON (default) goes to standard output with one row per
 * target and the totals; XLSX and PDF are written to --output (default scorecard-CODE-PERIOD.xlsx) and,
 * like every export, audited.
 */
export async function runScorecard(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      region: { type: "string" },
      period: { type: "string" },
      format: { type: "string", default: "json" },
      output: { type: "string" },
      explain: { type: "string" },
    },
  });
  const { region, period, format } = values;
  if (!region || !period) {
    console.error(USAGE);
    return 2;
  }
  if (!isPeriod(period)) {
    console.error(badPeriodMessage(period));
    return 2;
  }
  if (format !== "json" && format !== "xlsx" && format !== "pdf") {
    console.error(`--format: json, xlsx or pdf (got "${format}")\n${USAGE}`);
    return 2;
  }
  const db = await openMigrated();
  try {
    if (values.explain) {
      const [person, indicator] = values.explain.split(":");
      if (!person || !indicator) {
        console.error(`--explain: PERSON_ID:INDICATOR (got "${values.explain}")\n${USAGE}`);
        return 2;
      }
      const cell = await explainScorecardCell(db.kysely, SYSTEM_ACTOR, region, period, person, indicator);
      process.stdout.write(`${JSON.stringify(cell, null, 2)}\n`);
      return 0;
    }
    if (format === "json") {
      const { view } = await buildScorecard(db.kysely, SYSTEM_ACTOR, region, period, { rows: true });
      const json = `${JSON.stringify(view, null, 2)}\n`;
      if (values.output) writeFileSync(values.output, json);
      else process.stdout.write(json);
      return 0;
    }
    const file = await exportScorecard(db.kysely, SYSTEM_ACTOR, region, period, format);
    const out = values.output ?? file.fileName;
    writeFileSync(out, file.body);
    console.error(`Wrote ${out}.`);
    return 0;
  } finally {
    await db.close();
  }
}
