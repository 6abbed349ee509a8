import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { fromAnyPeriodForm, Period, SYSTEM_ACTOR } from "@tumbuh/core";
import {
  buildDhis2Export,
  buildSatuData,
  describeSummary,
  fhirBundle,
  loadDhis2Mapping,
  pushDataValues,
} from "@tumbuh/server";
import { openMigrated } from "../database";

const USAGE = `Usage:
  tumbuh export dhis2 --period 2025-09|2025Q3|2025 --mapping MAPPING.json [--format json|csv|adx]
                      [--region CODE] [--dry-run] [--output FILE] [--push URL --token TOKEN]
  tumbuh export fhir --region CODE --period 2025-09|2025Q3 [--date YYYY-MM-DD] [--output FILE]
  tumbuh export satu-data --period 2025|2025-09 [--region CODE] --output DIR`;

/** Data for the national systems: DHIS2 aggregates (file or push) and FHIR bundles. Every export is audited. */
export async function runExport(argv: string[]): Promise<number> {
  const [target, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      period: { type: "string" },
      mapping: { type: "string" },
      format: { type: "string", default: "json" },
      region: { type: "string" },
      date: { type: "string" },
      output: { type: "string" },
      push: { type: "string" },
      token: { type: "string" },
      "dry-run": { type: "boolean", default: false },
    },
  });
  const period = values.period ? fromAnyPeriodForm(values.period) : null;
  if (target === "satu-data") return satuData(values.period, values.region, values.output);
  if (!period || (target !== "dhis2" && target !== "fhir")) {
    if (values.period && !period) console.error("--period: expected 2025-09, 202509, 2025Q3, 2025S1 or 2025");
    console.error(USAGE);
    return 2;
  }
  const db = await openMigrated();
  try {
    if (target === "fhir") {
      if (!values.region) {
        console.error(USAGE);
        return 2;
      }
      const file = await fhirBundle(db.kysely, SYSTEM_ACTOR, {
        region: values.region,
        period,
        date: values.date,
      });
      return emit(file.body, values.output ?? file.fileName);
    }
    const format = values.format as "json" | "csv" | "adx";
    if (!values.mapping || !["json", "csv", "adx"].includes(format) || (values.push && !values.token)) {
      console.error(USAGE);
      return 2;
    }
    const mapping = loadDhis2Mapping(values.mapping);
    const {
      file,
      values: dataValues,
      orgUnits,
    } = await buildDhis2Export(db.kysely, SYSTEM_ACTOR, { region: values.region, period, format }, mapping);
    console.error(`${dataValues.length} data values for ${orgUnits.length} org units; the counts add up.`);
    if (values.push) {
      const common = {
        url: values.push,
        token: values.token as string,
        contentType: file.contentType,
        idScheme: mapping.idScheme,
      };
      // DHIS2 validates first (dryRun=true); only a clean dry run is followed by the real import.
      const dry = await pushDataValues(file.body, { ...common, dryRun: true });
      console.log(`DHIS2 dry run — ${describeSummary(dry)}`);
      if (values["dry-run"] || dry.status === "ERROR" || (dry.conflicts ?? []).length > 0)
        return dry.status === "ERROR" ? 1 : 0;
      const real = await pushDataValues(file.body, { ...common, dryRun: false });
      console.log(`DHIS2 import — ${describeSummary(real)}`);
      return real.status === "ERROR" ? 1 : 0;
    }
    if (values["dry-run"]) return 0;
    return emit(file.body, values.output ?? file.fileName);
  } finally {
    await db.close();
  }
}

/**
 * One CSV and one MS-Ind metadata JSON per indicator into DIR, for the regency's Walidata to upload to the
 * Satu Data portal. Without --region: every regency of the deployment. Audited like the download.
 */
async function satuData(period: string | undefined, region: string | undefined, output: string | undefined) {
  if (!period || !Period.safeParse(period).success || !output) {
    if (period) console.error("--period: expected a year (2025) or a month (2025-09)");
    console.error(USAGE);
    return 2;
  }
  const db = await openMigrated();
  try {
    const regions = region
      ? [region]
      : (await db.kysely.selectFrom("regions").select("code").where("level", "=", "kabupaten").execute()).map(
          (r) => r.code,
        );
    mkdirSync(output, { recursive: true });
    for (const code of regions) {
      for (const f of await buildSatuData(db.kysely, SYSTEM_ACTOR, { region: code, period })) {
        for (const file of [f.data, f.metadata]) writeFileSync(join(output, file.fileName), file.body);
        console.error(`Written ${join(output, f.data.fileName)} (+ metadata)`);
      }
    }
    return 0;
  } finally {
    await db.close();
  }
}

function emit(body: string, output: string): number {
  if (output === "-") process.stdout.write(body);
  else {
    writeFileSync(output, body);
    console.error(`Written ${output}`);
  }
  return 0;
}
