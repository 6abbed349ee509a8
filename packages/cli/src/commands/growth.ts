/**
 * `tumbuh growth …` — growth engine commands that work on files, without a
 * server or database (this module must not import @tumbuh/server).
 *
 *   tumbuh growth zscores --input IN.csv --output OUT.csv
 *   tumbuh growth faltering --input IN.csv --output OUT.csv
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import {
  ADDED_COLUMNS,
  FalteringCsvError,
  falteringCsv,
  REQUIRED_COLUMNS,
} from "../growth-csv/faltering-csv";
import { CsvInputError, OUTPUT_COLUMNS, zscoresCsv } from "../growth-csv/zscores-csv";

const USAGE = `Usage: tumbuh growth zscores --input IN.csv --output OUT.csv
       tumbuh growth faltering --input IN.csv --output OUT.csv

Computes WHO z-scores (WHO Child Growth Standards 0–60 months, WHO Reference
2007 5–19 years; same rules as WHO's anthro/anthroplus R packages), flags and
Permenkes 2/2020 categories for every row of a CSV file.

Input columns (header row, any order, case-insensitive, others ignored):
  id                 copied to the output (row number if absent)
  sex                1/2 or m/f (required)
  age_days | age_months
  weight_kg, lenhei_cm (or height_cm), measure (l/h), oedema (y/n),
  headc_cm, muac_cm
Output columns:
  ${OUTPUT_COLUMNS.join(", ")}
  z-scores are unrounded (full precision), flags 0/1, empty = not computable;
  tbu/bbu/bbtb/imtu are Permenkes 2/2020 category codes; rows that cannot be
  read get a message in "error" and no results.

faltering: N/T/O/B and 2T of every weighing (Buku KIA 2023, KMS page: N when
the weight follows its growth line or gains at least the KBM; T when it is flat,
falls, or — below its line — gains less than the KBM; O not weighed last month;
B first weighing; 2T two T in a row).
Input columns (any order): ${REQUIRED_COLUMNS.join(", ")}; one row per weighing.
Output: the input columns, then ${ADDED_COLUMNS.join(", ")}.

Options:
  -i, --input FILE    input CSV
  -o, --output FILE   output CSV (overwritten)
  -h, --help          show this help
`;

/** Runs `tumbuh growth <args>`; returns the process exit code. */
export async function runGrowth(args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (e) {
    process.stderr.write(`tumbuh growth: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const [command, ...extra] = positionals;
  if ((command !== "zscores" && command !== "faltering") || extra.length > 0) {
    const what =
      command === undefined ? "missing command" : `unknown command: ${[command, ...extra].join(" ")}`;
    process.stderr.write(`tumbuh growth: ${what}\n\n${USAGE}`);
    return 2;
  }
  if (!values.input || !values.output) {
    process.stderr.write(`tumbuh growth ${command}: --input and --output are required\n\n${USAGE}`);
    return 2;
  }
  if (!existsSync(values.input)) {
    process.stderr.write(`tumbuh growth ${command}: input file not found: ${values.input}\n`);
    return 1;
  }
  if (command === "faltering") return runFaltering(values.input, values.output);
  try {
    const started = performance.now();
    const cpu0 = process.cpuUsage();
    const { rows, rowsWithError } = await zscoresCsv(values.input, values.output);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = ((cpu.user + cpu.system) / 1e6).toFixed(2);
    process.stderr.write(
      `tumbuh growth zscores: ${rows} rows (${rowsWithError} with errors) → ${values.output} in ${seconds} s (CPU ${cpuSeconds} s)\n`,
    );
    return 0;
  } catch (e) {
    const message = e instanceof CsvInputError ? e.message : `${(e as Error).message}`;
    process.stderr.write(`tumbuh growth zscores: ${message}\n`);
    return 1;
  }
}

function runFaltering(input: string, output: string): number {
  try {
    const { csv, rows, rowsWithError } = falteringCsv(readFileSync(input, "utf8"));
    writeFileSync(output, csv);
    process.stderr.write(
      `tumbuh growth faltering: ${rows} weighings (${rowsWithError} with errors) → ${output}\n`,
    );
    return 0;
  } catch (e) {
    if (!(e instanceof FalteringCsvError)) throw e;
    process.stderr.write(`tumbuh growth faltering: ${e.message}\n`);
    return 1;
  }
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      input: { type: "string", short: "i" },
      output: { type: "string", short: "o" },
      help: { type: "boolean", short: "h" },
    },
  });
}
