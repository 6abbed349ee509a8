import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { importReasonText, SYSTEM_ACTOR } from "@tumbuh/core";
import { importMeasurements } from "@tumbuh/server";
import { openMigrated } from "../database";

const USAGE = `Usage: tumbuh import measurements FILE [--dry-run] [--all-or-nothing] [--report REPORT.json]

FILE is an e-PPGBM / SIGIZI Terpadu export as it comes: .xls (an HTML table or a real Excel 97 file),
.xlsx, .csv or .html — the kind is read from the content. The report (--report) holds every rejected row
and the reconciliation with e-PPGBM's own z-scores and statuses. The import runs here, in this process.`;

export async function runImport(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      "dry-run": { type: "boolean", default: false },
      "all-or-nothing": { type: "boolean", default: false },
      report: { type: "string" },
    },
  });
  const file = positionals[0];
  if (sub !== "measurements" || !file) {
    console.error(USAGE);
    return 2;
  }
  const db = await openMigrated();
  try {
    const started = performance.now();
    const report = await importMeasurements(db.kysely, SYSTEM_ACTOR, readFileSync(file), {
      fileName: basename(file),
      dryRun: values["dry-run"],
      allOrNothing: values["all-or-nothing"],
    });
    const seconds = (performance.now() - started) / 1000;
    if (values.report) writeFileSync(values.report, `${JSON.stringify(report, null, 2)}\n`);
    const verb = report.dryRun ? "Would store" : "Stored";
    console.log(
      `${report.rows} rows: ${verb} ${report.stored.persons} new children and ${report.stored.measurements} measurements; ` +
        `${report.alreadyPresent} already present; ${report.rejected.length} rejected; ${report.warnings.length} warnings ` +
        `(${seconds.toFixed(2)} s).`,
    );
    const rec = report.reconciliation;
    console.log(
      `File type ${report.format}, column headings on line ${report.headerLine ?? "-"}. ` +
        `Reconciliation with e-PPGBM (${rec.compared} rows compared): ${rec.counts.zscore} z-scores differ by more than ${rec.tolerance}, ` +
        `${rec.counts.placeholder} placeholders, ${rec.counts.label} different statuses.`,
    );
    for (const p of rec.byPosyandu.slice(0, 10)) {
      if (p.zscore + p.placeholder + p.label === 0) break;
      console.log(
        `  ${p.desa} / ${p.posyandu || "-"}: ${p.zscore} z-score, ${p.placeholder} placeholder, ${p.label} status (of ${p.rows})`,
      );
    }
    for (const e of report.rejected.slice(0, 20))
      console.log(`  baris ${e.line} [${e.column ?? "-"}]: ${importReasonText(e)}`);
    if (report.rejected.length > 20) console.log(`  … ${report.rejected.length - 20} more (see --report)`);
    if (report.allOrNothing && report.rejected.length > 0) console.log("All-or-nothing: nothing was stored.");
    return report.rejected.length > 0 ? 1 : 0;
  } finally {
    await db.close();
  }
}
