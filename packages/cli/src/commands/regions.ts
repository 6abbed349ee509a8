import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { SYSTEM_ACTOR } from "@tumbuh/core";
import { importRegions } from "@tumbuh/server";
import { openMigrated } from "../database";

export async function runRegions(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { "all-or-nothing": { type: "boolean", default: false }, report: { type: "string" } },
  });
  const file = positionals[0];
  if (sub !== "import" || !file) {
    console.error("Usage: tumbuh regions import FILE [--all-or-nothing] [--report REPORT.json]");
    return 2;
  }
  const db = await openMigrated();
  try {
    const report = await importRegions(db.kysely, SYSTEM_ACTOR, readFileSync(file, "utf8"), {
      allOrNothing: values["all-or-nothing"],
    });
    if (values.report) writeFileSync(values.report, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`Imported ${report.imported} regions; rejected ${report.errors.length} rows.`);
    for (const e of report.errors.slice(0, 20))
      console.log(`  line ${e.line}${e.column ? ` [${e.column}]` : ""}: ${e.reason}`);
    if (report.errors.length > 20) console.log(`  … and ${report.errors.length - 20} more (see --report)`);
    return report.errors.length > 0 ? 1 : 0;
  } finally {
    await db.close();
  }
}
