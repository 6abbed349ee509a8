import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  type Actor,
  ancestorCodes,
  type Breakdown,
  breakdownChildren,
  breakdownProblems,
  breakdownTotal,
  type CountedMeasurement,
  type Dhis2Availability,
  type Dhis2DataValue,
  type Dhis2Mapping,
  emptyBreakdown,
  isWithin,
  levelOfCode,
  parseDhis2Mapping,
  parsePeriod,
  readScopes,
  toAdx,
  toDataValueSet,
  toDataValues,
  toDhis2Csv,
} from "@tumbuh/core";
import type { Kysely } from "kysely";
import { DATA_DIR } from "../../data-files";
import type { Database } from "../../db/schema";
import { downloadName } from "../../documents/file-name";
import type { DocLanguage } from "../../documents/words";
import { AppError, errors } from "../../errors";
import { nowIso } from "../../util/ids";
import { appendAudit } from "../audit/service";
import { getDashboard } from "../indicators/service";
import { findRegion, findRegionsByCode } from "../regions/service";
import { type AreaChild, childrenAndMeasurements } from "./repository";

export const EXAMPLE_MAPPING_FILE = join(DATA_DIR, "dhis2", "mapping-example.json");

export type Dhis2Format = "json" | "csv" | "adx";

/** A file to download (the routes and the CLI send or write it as is). */
export interface ExportFile {
  fileName: string;
  contentType: string;
  body: string;
}

export const DHIS2_CONTENT_TYPE: Record<Dhis2Format, string> = {
  json: "application/json",
  csv: "application/csv",
  adx: "application/adx+xml",
};

const mappingError = (message: string) => new AppError(409, "export_mapping", message);

/** Reads and checks a mapping file; every problem of the file is in the message, one per line. */
export function loadDhis2Mapping(path = EXAMPLE_MAPPING_FILE): Dhis2Mapping {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw mappingError(`DHIS2 mapping ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const result = parseDhis2Mapping(json);
  if (!result.ok) throw mappingError(`DHIS2 mapping ${path}:\n${result.errors.join("\n")}`);
  return result.mapping;
}

export interface Dhis2Export {
  file: ExportFile;
  values: Dhis2DataValue[];
  /** The region codes that got values, each with its org unit. */
  orgUnits: { code: string; orgUnit: string }[];
}

/**
 * The DHIS2 data values of a period for every mapped org unit the actor may read (inside `region` when
 * given), in one format. Before anything is written: each cell's severe + moderate + normal must equal its
 * measured, and — for a month or a year — the totals of each area must equal the indicator dashboard's
 * (read through the indicators service), so DHIS2 never receives a figure Tumbuh itself does not show.
 * Audited: aggregate figures leave the system.
 */
export async function buildDhis2Export(
  db: Kysely<Database>,
  actor: Actor,
  input: { region?: string | undefined; period: string; format: Dhis2Format },
  mapping: Dhis2Mapping,
  now = nowIso(),
  lang: DocLanguage = "id",
): Promise<Dhis2Export> {
  const scopes = readScopes(actor);
  const asked = input.region !== undefined ? await findRegion(db, scopes, input.region) : undefined;
  if (input.region !== undefined && !asked) throw errors.notFound();
  const readable = (code: string) => scopes.some((s) => s === "" || isWithin(code, s));
  const mapped = Object.entries(mapping.orgUnits)
    .filter(([code]) => readable(code) && (input.region === undefined || isWithin(code, input.region)))
    .map(([code, orgUnit]) => ({ code, orgUnit }));
  if (mapped.length === 0) {
    throw mappingError(
      input.region === undefined
        ? "No org unit of the DHIS2 mapping lies in your area."
        : `No org unit of the DHIS2 mapping lies in ${input.region}.`,
    );
  }
  if (input.format === "adx" && !mapping.dataSet) throw mappingError("ADX needs the mapping's dataSet.");
  // The areas read: the region asked for, else the outermost mapped codes.
  const areas =
    input.region !== undefined
      ? [input.region]
      : mapped.map((m) => m.code).filter((c, _, all) => !all.some((o) => o !== c && isWithin(c, o)));
  const { children, measurements } = await childrenAndMeasurements(db, areas, input.period);

  const byCode = breakdowns([...mapped.map((m) => m.code), ...areas], children, measurements, input.period);
  const problems = [...byCode].flatMap(([code, b]) => breakdownProblems(b, code));
  for (const area of areas)
    problems.push(...(await dashboardDisagreements(db, actor, area, input.period, byCode)));
  if (problems.length > 0) {
    throw new AppError(
      409,
      "export_check",
      `The counts do not add up; nothing was written:\n${problems.join("\n")}`,
    );
  }

  const counts = new Map(mapped.map((m) => [m.code, byCode.get(m.code) as Breakdown]));
  const values = toDataValues(mapping, input.period, counts);
  // Named for the area asked for, else the first area read (the regency, as a rule).
  const [place] = asked ? [asked] : await findRegionsByCode(db, areas.slice(0, 1));
  const name = (ext: string) =>
    downloadName(lang, { what: "dhis2", place: place ?? null, period: input.period, ext });
  const file: ExportFile =
    input.format === "json"
      ? {
          fileName: name("json"),
          contentType: DHIS2_CONTENT_TYPE.json,
          body: `${JSON.stringify(toDataValueSet(mapping, input.period, values), null, 2)}\n`,
        }
      : input.format === "csv"
        ? { fileName: name("csv"), contentType: DHIS2_CONTENT_TYPE.csv, body: toDhis2Csv(values, now) }
        : {
            fileName: name("adx.xml"),
            contentType: DHIS2_CONTENT_TYPE.adx,
            body: toAdx(mapping, input.period, values, now),
          };
  await appendAudit(db, actor, {
    action: "dhis2.export",
    entity: "dhis2_export",
    entityId: null,
    regionCode: input.region ?? areas[0] ?? null,
    after: { period: input.period, format: input.format, orgUnits: mapped.length, dataValues: values.length },
  });
  return { file, values, orgUnits: mapped };
}

/** The breakdown of each code from the children whose home lies inside it. */
function breakdowns(
  codes: readonly string[],
  children: readonly AreaChild[],
  measurements: readonly CountedMeasurement[],
  period: string,
): Map<string, Breakdown> {
  const byChild = new Map<string, CountedMeasurement[]>();
  for (const m of measurements) {
    const list = byChild.get(m.personId);
    if (list) list.push(m);
    else byChild.set(m.personId, [m]);
  }
  const out = new Map<string, Breakdown>();
  for (const code of new Set(codes)) {
    const own = children.filter((c) => isWithin(c.regionCode, code));
    breakdownChildren(
      own,
      own.flatMap((c) => byChild.get(c.id) ?? []),
      period,
      (out.get(code) ?? out.set(code, emptyBreakdown()).get(code)) as Breakdown,
    );
  }
  return out;
}

/**
 * Compares an area's totals with the dashboard's child panel (months and years only: the dashboard's
 * aggregates are kept per month and year; regency, kecamatan and desa only).
 */
async function dashboardDisagreements(
  db: Kysely<Database>,
  actor: Actor,
  area: string,
  period: string,
  byCode: ReadonlyMap<string, Breakdown>,
): Promise<string[]> {
  const kind = parsePeriod(period)?.kind;
  const level = levelOfCode(area);
  if ((kind !== "month" && kind !== "year") || !level || !["kabupaten", "kecamatan", "desa"].includes(level))
    return [];
  const t = breakdownTotal(byCode.get(area) ?? emptyBreakdown());
  const { panel } = await getDashboard(db, actor, { region: area, period });
  const pairs: [string, number, number][] = [
    ["registered", t.registered, panel.coverage.denominator],
    ["measured", t.measured, panel.coverage.numerator],
    ["tbu measured", t.tbu_measured, panel.stunting.denominator],
    ["stunted", t.tbu_severe + t.tbu_moderate, panel.stunting.numerator],
    ["bbtb measured", t.bbtb_measured, panel.wasting.denominator],
    ["wasted", t.bbtb_severe + t.bbtb_moderate, panel.wasting.numerator],
    ["bbu measured", t.bbu_measured, panel.underweight.denominator],
    ["underweight", t.bbu_severe + t.bbu_moderate, panel.underweight.numerator],
  ];
  return pairs
    .filter(([, mine, theirs]) => mine !== theirs)
    .map(([what, mine, theirs]) => `${area}: ${what} ${mine} here, ${theirs} on the indicator dashboard`);
}

/**
 * What the dashboard offers for DHIS2 in `region` (issue 16: a desa's links answered 409 and the browser
 * dropped the download silently): links only where a mapped org unit lies inside the region; else the
 * nearest mapped area above, so the page can say where the download is. A broken mapping file is said
 * as such (the administrator's task), not as "nothing mapped".
 */
export async function dhis2Availability(
  db: Kysely<Database>,
  actor: Actor,
  region: string,
  mappingFile?: string,
): Promise<Dhis2Availability> {
  const scopes = readScopes(actor);
  if (!(await findRegion(db, scopes, region))) throw errors.notFound();
  let mapping: Dhis2Mapping;
  try {
    mapping = loadDhis2Mapping(mappingFile);
  } catch {
    return { available: false, mappedAbove: null, mappingBroken: true };
  }
  const codes = Object.keys(mapping.orgUnits);
  if (codes.some((c) => isWithin(c, region))) {
    return { available: true, mappedAbove: null, mappingBroken: false };
  }
  const above = ancestorCodes(region)
    .reverse()
    .find((c) => codes.includes(c));
  const [named] = above ? await findRegionsByCode(db, [above]) : [];
  return {
    available: false,
    mappedAbove: named ? { code: named.code, name: named.name, kind: named.kind } : null,
    mappingBroken: false,
  };
}
