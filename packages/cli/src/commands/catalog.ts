/**
 * `tumbuh catalog indicators` — print the indicator catalog (Paser Pasal 6, Pasal 7 and the Lampiran's
 * strategy matrix, or another regency's file) as JSON or CSV. Works on files only: no server, no database
 * (this module must not import @tumbuh/server).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
  catalogCsvRow,
  formatCatalogError,
  type IndicatorDef,
  parseCatalog,
  sourceLabel,
  toCsv,
} from "@tumbuh/core";

/** The catalog shipped with Tumbuh: Peraturan Bupati Paser Nomor 47 Tahun 2024. */
export const SHIPPED_CATALOG = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "..",
  "..",
  "data",
  "indicators",
  "paser-47-2024.json",
);

const USAGE = `Usage: tumbuh catalog indicators [--format json|csv] [--file PATH]

Prints the indicator catalog: the stunting prevalence targets (Pasal 6), the performance indicators
(Pasal 7 a–t) and every row of the strategy annex (Lampiran A and pillars 1–5), each with its source,
text, target (kind, value, text as printed), year, urusan, responsible and supporting agencies.

Options:
  --format json|csv   output format (default json: an array with one object per indicator)
  --file PATH         a regency's own catalog file, validated first (default: the shipped
                      Peraturan Bupati Paser Nomor 47 Tahun 2024 catalog)
  -h, --help          show this help

Exit codes: 0 printed, 2 bad arguments or an invalid catalog file (each error names the indicator
and the field).
`;

/** The JSON object of one indicator: the catalog row with a readable source label next to its source. */
export function indicatorJson(def: IndicatorDef): Record<string, unknown> {
  const { id, source, ...rest } = def;
  return { id, source, label: sourceLabel(source), ...rest };
}

/** Runs `tumbuh catalog <args>`; returns the process exit code. */
export async function runCatalog(args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (e) {
    process.stderr.write(`tumbuh catalog: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length !== 1 || positionals[0] !== "indicators") {
    const what = positionals.length === 0 ? "missing command" : `unknown command: ${positionals.join(" ")}`;
    process.stderr.write(`tumbuh catalog: ${what}\n\n${USAGE}`);
    return 2;
  }
  const format = values.format ?? "json";
  if (format !== "json" && format !== "csv") {
    process.stderr.write(`tumbuh catalog indicators: --format must be json or csv, not "${format}"\n`);
    return 2;
  }
  const file = values.file ?? SHIPPED_CATALOG;
  if (!existsSync(file)) {
    process.stderr.write(`tumbuh catalog indicators: no such file: ${file}\n`);
    return 2;
  }
  const result = parseCatalog(readFileSync(file, "utf8"));
  if (!result.ok) {
    process.stderr.write(
      `tumbuh catalog indicators: ${file} is not a valid catalog (${result.errors.length} error${
        result.errors.length === 1 ? "" : "s"
      }):\n${result.errors.map((e) => `  ${formatCatalogError(e)}\n`).join("")}`,
    );
    return 2;
  }
  const indicators = result.catalog.indicators;
  if (format === "json") {
    process.stdout.write(`${JSON.stringify(indicators.map(indicatorJson), null, 2)}\n`);
  } else {
    const rows = indicators.map(catalogCsvRow);
    const header = Object.keys(catalogCsvRow(indicators[0] ?? PLACEHOLDER));
    process.stdout.write(toCsv([header, ...rows.map((r) => header.map((h) => r[h] ?? ""))]));
  }
  return 0;
}

/** Only used for the CSV header of an empty catalog. */
const PLACEHOLDER: IndicatorDef = {
  id: "x",
  source: { kind: "pasal7", letter: "a" },
  activity: null,
  text: "x",
  target: { kind: "none", value: null, original: "", direction: "up", per: null },
  year: null,
  urusan: null,
  responsible: [],
  supporting: [],
  measure: { mode: "entered" },
};

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: "string" },
      file: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
}
