import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { isPeriod, SYSTEM_ACTOR } from "@tumbuh/core";
import { exportTika, tikaCountsOf } from "@tumbuh/server";
import { openMigrated } from "../database";
import { badPeriodMessage } from "../period-arg";

const USAGE =
  "Usage: tumbuh tika --region CODE --period YYYY-MM|YYYY-Qn|YYYY-Sn|YYYY [--format json|csv] [--output FILE]";

/**
 * Tika pertumbuhan counts of a region and period (PALI 64/2021 Pasal 40 ayat (2) d–f, (4)): children 0–23
 * months terindikasi / berisiko / tidak stunting, per area one level down — the figures the tika page and
 * the desa reports show. JSON (default) to standard output or --output; CSV is an export, so it is audited.
 */
export async function runTika(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      region: { type: "string" },
      period: { type: "string" },
      format: { type: "string", default: "json" },
      output: { type: "string" },
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
  if (format !== "json" && format !== "csv") {
    console.error(`--format: json or csv (got "${format}")\n${USAGE}`);
    return 2;
  }
  const db = await openMigrated();
  try {
    const body =
      format === "json"
        ? `${JSON.stringify(await tikaCountsOf(db.kysely, [""], region, period), null, 2)}\n`
        : (await exportTika(db.kysely, SYSTEM_ACTOR, region, period)).body;
    if (values.output) writeFileSync(values.output, body);
    else process.stdout.write(body);
    return 0;
  } finally {
    await db.close();
  }
}
