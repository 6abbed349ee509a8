/**
 * Generates `src/tables/*.generated.ts` from the WHO LMS CSV files.
 *
 *   npx tsx packages/growth/scripts/generate-tables.ts [csvDir]
 *
 * `csvDir` defaults to the repository's `data/who-growth` (see its README). The CSVs are plain exports of the internal
 * data of WHO's R packages (see their README): `anthro` commit
 * b776d8a12b1c97369c748b561159fd2ec4f4db58 (WHO Child Growth Standards 2006/2007,
 * by day and by 0.1 cm) and `anthroplus` commit
 * 799a7deaf7dff57f2abef5781f74b243f0aa6194 (WHO Reference 2007, by month).
 *
 * The output keeps each value as the exact double the CSV text parses to
 * (printed with JavaScript's shortest round-trip formatting), so the tables are
 * bit-identical to the CSVs; `src/tables/tables.test.ts` re-reads the CSVs and
 * fails if a generated file is stale.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, "../../..");
const csvDir = resolve(process.argv[2] ?? join(repoRoot, "data/who-growth"));
const outDir = resolve(here, "../src/tables");

interface Spec {
  /** Exported constant name. */
  readonly constName: string;
  readonly file: string;
  readonly name: string;
  readonly keyColumn: string;
  readonly keyUnit: "day" | "month" | "mm";
  readonly measureUnit: "cm" | "kg" | "mm" | "kg/m2";
  readonly what: string;
  readonly rPackageTable: string;
}

const WHO2006_AGE: Spec[] = [
  spec(
    "LHFA_2006",
    "who2006_lhfa_by_day.csv",
    "lhfa",
    "age_days",
    "day",
    "cm",
    "length/height-for-age",
    "anthro lenanthro",
  ),
  spec(
    "WFA_2006",
    "who2006_wfa_by_day.csv",
    "wfa",
    "age_days",
    "day",
    "kg",
    "weight-for-age",
    "anthro weianthro",
  ),
  spec(
    "BFA_2006",
    "who2006_bfa_by_day.csv",
    "bfa",
    "age_days",
    "day",
    "kg/m2",
    "BMI-for-age",
    "anthro bmianthro",
  ),
  spec(
    "HCFA_2006",
    "who2006_hcfa_by_day.csv",
    "hcfa",
    "age_days",
    "day",
    "cm",
    "head circumference-for-age",
    "anthro hcanthro",
  ),
  spec(
    "ACFA_2006",
    "who2006_acfa_by_day.csv",
    "acfa",
    "age_days",
    "day",
    "cm",
    "arm circumference-for-age",
    "anthro acanthro",
  ),
  spec(
    "TSFA_2006",
    "who2006_tsfa_by_day.csv",
    "tsfa",
    "age_days",
    "day",
    "mm",
    "triceps skinfold-for-age",
    "anthro tsanthro",
  ),
  spec(
    "SSFA_2006",
    "who2006_ssfa_by_day.csv",
    "ssfa",
    "age_days",
    "day",
    "mm",
    "subscapular skinfold-for-age",
    "anthro ssanthro",
  ),
];
const WHO2006_LENHEI: Spec[] = [
  spec(
    "WFL_2006",
    "who2006_wfl_by_length.csv",
    "wfl",
    "length_cm",
    "mm",
    "kg",
    "weight-for-length (45–110 cm)",
    "anthro wflanthro",
  ),
  spec(
    "WFH_2006",
    "who2006_wfh_by_height.csv",
    "wfh",
    "height_cm",
    "mm",
    "kg",
    "weight-for-height (65–120 cm)",
    "anthro wfhanthro",
  ),
];
const WHO2007: Spec[] = [
  spec(
    "HFA_2007",
    "who2007_hfa_by_month.csv",
    "hfa",
    "age_months",
    "month",
    "cm",
    "height-for-age 5–19 y",
    "anthroplus hfa_growth_standards",
  ),
  spec(
    "BFA_2007",
    "who2007_bfa_by_month.csv",
    "bfa",
    "age_months",
    "month",
    "kg/m2",
    "BMI-for-age 5–19 y",
    "anthroplus bfa_growth_standards",
  ),
  spec(
    "WFA_2007",
    "who2007_wfa_by_month.csv",
    "wfa",
    "age_months",
    "month",
    "kg",
    "weight-for-age 5–10 y",
    "anthroplus wfa_growth_standards",
  ),
];

function spec(
  constName: string,
  file: string,
  name: string,
  keyColumn: string,
  keyUnit: Spec["keyUnit"],
  measureUnit: Spec["measureUnit"],
  what: string,
  rPackageTable: string,
): Spec {
  return { constName, file, name, keyColumn, keyUnit, measureUnit, what, rPackageTable };
}

interface Parsed {
  readonly first: number;
  readonly count: number;
  readonly lms: number[];
}

/** Reads one CSV and checks it is a complete, contiguous grid for both sexes. */
function parse(s: Spec): Parsed {
  const text = readFileSync(join(csvDir, s.file), "utf8");
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const header = (lines.shift() ?? "").split(",").map((h) => h.replace(/"/g, "").trim());
  const col = (n: string): number => {
    const i = header.indexOf(n);
    if (i < 0) throw new Error(`${s.file}: no column ${n}`);
    return i;
  };
  const [iSex, iKey, iL, iM, iS] = [col("sex"), col(s.keyColumn), col("l"), col("m"), col("s")];
  const bySex: [number, number, number, number][][] = [[], []];
  for (const line of lines) {
    const f = line.split(",").map((x) => x.replace(/"/g, "").trim());
    const sex = Number(f[iSex]);
    const rawKey = Number(f[iKey]);
    // Length keys are tenths of a cm; anthro joins on trunc(x*10)/10, which is
    // the double nearest k/10, so the CSV value must be exactly that double.
    const key = s.keyUnit === "mm" ? Math.round(rawKey * 10) : rawKey;
    if (s.keyUnit === "mm" && key / 10 !== rawKey)
      throw new Error(`${s.file}: key ${rawKey} is off the 0.1 grid`);
    if (!Number.isInteger(key)) throw new Error(`${s.file}: non-integer key ${rawKey}`);
    const row: [number, number, number, number] = [key, Number(f[iL]), Number(f[iM]), Number(f[iS])];
    if (row.some((v) => !Number.isFinite(v))) throw new Error(`${s.file}: bad row ${line}`);
    if (sex !== 1 && sex !== 2) throw new Error(`${s.file}: bad sex in ${line}`);
    bySex[sex - 1]?.push(row);
  }
  const [males, females] = bySex as [(typeof bySex)[0], (typeof bySex)[0]];
  const first = males[0]?.[0];
  if (first === undefined || males.length !== females.length) throw new Error(`${s.file}: sexes differ`);
  const lms: number[] = [];
  for (const rows of [males, females]) {
    rows.forEach((r, i) => {
      if (r[0] !== first + i) throw new Error(`${s.file}: keys not contiguous at ${r[0]}`);
      lms.push(r[1], r[2], r[3]);
    });
  }
  return { first, count: males.length, lms };
}

function render(title: string, specs: Spec[], source: string): string {
  const out: string[] = [
    "// GENERATED by packages/growth/scripts/generate-tables.ts — do not edit by hand.",
    `// ${title}`,
    `// Source: ${source}`,
    "// Copied as plain CSV into data/who-growth (see its README). Values are the exact",
    "// doubles of the CSV text. Layout: see ./types.ts (L, M, S interleaved, sex 1 then sex 2).",
    'import type { LmsTable } from "./types";',
    "",
  ];
  for (const s of specs) {
    const p = parse(s);
    const rows: string[] = [];
    for (let i = 0; i < p.lms.length; i += 3) rows.push(`${p.lms[i]},${p.lms[i + 1]},${p.lms[i + 2]},`);
    out.push(
      `/** ${s.what}; ${s.file} (${s.rPackageTable}); key ${s.keyUnit} ${p.first}…${p.first + p.count - 1}. */`,
      `export const ${s.constName}: LmsTable = {`,
      `  name: ${JSON.stringify(s.name)},`,
      `  keyUnit: ${JSON.stringify(s.keyUnit)},`,
      `  measureUnit: ${JSON.stringify(s.measureUnit)},`,
      `  first: ${p.first},`,
      `  count: ${p.count},`,
      "  lms: new Float64Array([",
      rows.join("\n"),
      "  ]),",
      "};",
      "",
    );
  }
  return out.join("\n");
}

const ANTHRO =
  "WHO R package `anthro` (github.com/WorldHealthOrganization/anthro) v1.1.0.9000, commit b776d8a12b1c97369c748b561159fd2ec4f4db58, R/sysdata.rda (growthstandards_*), from data-raw/growthstandards/*.txt.";
const ANTHROPLUS =
  "WHO R package `anthroplus` (github.com/WorldHealthOrganization/anthroplus) v1.0.0.9000, commit 799a7deaf7dff57f2abef5781f74b243f0aa6194, R/sysdata.rda (*_growth_standards), from data-raw/growthstandards/*who2007.txt.";

const files: [string, string][] = [
  [
    "who2006-age.generated.ts",
    render("WHO Child Growth Standards (2006/2007), LMS by age in days, 0–1826 days.", WHO2006_AGE, ANTHRO),
  ],
  [
    "who2006-lenhei.generated.ts",
    render(
      "WHO Child Growth Standards (2006), weight-for-length/height, LMS by 0.1 cm.",
      WHO2006_LENHEI,
      ANTHRO,
    ),
  ],
  [
    "who2007.generated.ts",
    render("WHO Reference 2007 (5–19 years), LMS by age in whole months.", WHO2007, ANTHROPLUS),
  ],
];
for (const [name, text] of files) {
  writeFileSync(join(outDir, name), text);
  console.log(`wrote ${join(outDir, name)} (${text.length} chars)`);
}
