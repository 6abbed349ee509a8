// `npm run deps`: checks the dependency rules of .dependency-cruiser.cjs over packages/, then the feature-folder
// cycle rule of .dependency-cruiser-features.cjs over the server's features (see that file for why apart).
// Uses dependency-cruiser's library API rather than its `depcruise` command because the command refuses to
// start on Node 20 (its engines say ^22), while Tumbuh supports Node >= 20.19 and the API runs there fine.
//   node scripts/deps.mjs             check; exit 1 on any violation not in the known-violations file
//   node scripts/deps.mjs --baseline  rewrite the known-violations file with today's violations
//                                     (then `npx biome check --write` it: biome formats JSON too)
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cruise, format } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";

const PASSES = [
  { config: "./.dependency-cruiser.cjs", roots: ["packages"] },
  { config: "./.dependency-cruiser-features.cjs", roots: ["packages/server/src/features"] },
];
const KNOWN = ".dependency-cruiser-known-violations.json";
const writeBaseline = process.argv.includes("--baseline");
const known = !writeBaseline && existsSync(KNOWN) ? JSON.parse(readFileSync(KNOWN, "utf8")) : [];

let exitCode = 0;
const baseline = [];
for (const pass of PASSES) {
  const options = await extractDepcruiseOptions(pass.config);
  // One known-violations file for both passes; each pass gets the entries of its own rules (else the
  // other pass's entries would be reported as stale).
  const rules = new Set(options.ruleSet.forbidden.map((rule) => rule.name));
  options.knownViolations = known.filter((violation) => rules.has(violation.rule.name));
  options.validate = true;
  const result = await cruise(pass.roots, options);
  softenKnownFolderViolations(result.output.folders, options.knownViolations);
  if (writeBaseline) {
    baseline.push(...JSON.parse(String((await format(result.output, { outputType: "baseline" })).output)));
  } else {
    const report = await format(result.output, { outputType: "err" });
    process.stdout.write(`${pass.config}: ${String(report.output).trim() || "no violations"}\n`);
    exitCode = Math.max(exitCode, report.exitCode);
  }
}
if (writeBaseline) {
  writeFileSync(KNOWN, `${JSON.stringify(baseline, null, 2)}\n`);
  process.stdout.write(`${KNOWN}: ${baseline.length} known violations written\n`);
}
process.exitCode = exitCode;

/**
 * dependency-cruiser 18 applies the known-violations file to module and dependency violations only (folder
 * ones are a TODO in its analyze/soften-known-violations.mjs), so known folder violations are softened here
 * the same way, on the folder graph its reporters summarise from: the rule's severity becomes "ignore".
 */
function softenKnownFolderViolations(folders, knownViolations) {
  for (const folder of folders ?? []) {
    for (const dependency of folder.dependencies) {
      dependency.rules = dependency.rules?.map((rule) =>
        knownViolations.some(
          (entry) =>
            entry.type === "folder" &&
            entry.from === folder.name &&
            entry.to === dependency.name &&
            entry.rule.name === rule.name,
        )
          ? { ...rule, severity: "ignore" }
          : rule,
      );
    }
  }
}
