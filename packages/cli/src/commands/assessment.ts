import { parseArgs } from "node:util";
import { COMPONENT_LABELS, formatPercent, SYSTEM_ACTOR } from "@tumbuh/core";
import { assessmentOf } from "@tumbuh/server";
import { openMigrated } from "../database";

const USAGE = "Usage: tumbuh assessment --region REGENCY --year YYYY [--format json|table]";

/**
 * The yearly performance assessment of every desa and kecamatan of a regency (Paser Pasal 9 huruf o): the
 * stored one when the TPPS has saved it, else computed now by the regency's method; each score with its
 * breakdown per component.
 */
export async function runAssessment(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      region: { type: "string" },
      year: { type: "string" },
      format: { type: "string", default: "table" },
    },
  });
  const year = Number(values.year);
  if (
    !values.region ||
    !Number.isInteger(year) ||
    year < 2020 ||
    !["json", "table"].includes(values.format ?? "")
  ) {
    console.error(USAGE);
    return 2;
  }
  const db = await openMigrated();
  try {
    const started = performance.now();
    const view = await assessmentOf(db.kysely, SYSTEM_ACTOR, values.region, year, { live: true });
    const seconds = (performance.now() - started) / 1000;
    if (values.format === "json") {
      console.log(JSON.stringify(view, null, 2));
      return 0;
    }
    const codes = view.method.components.map((c) => c.code);
    console.log(
      `${view.regencyCode} · ${year} · ${view.status} · ${view.desa.length} desa, ${view.kecamatan.length} kecamatan · ${seconds.toFixed(1)} s`,
    );
    console.log(
      `weights: ${view.method.components.map((c) => `${c.code} ${c.weight} (${c.normalisation.kind})`).join(", ")}`,
    );
    for (const [title, units] of [
      ["KECAMATAN", view.kecamatan],
      ["DESA", view.desa],
    ] as const) {
      console.log(
        `\n${title}\nrank  score  ${codes.map((c) => c.slice(0, 12).padStart(12)).join(" ")}  name`,
      );
      for (const u of units) {
        const cells = u.breakdown.map((b) =>
          `${b.raw === null ? "–" : formatPercent(b.raw, "en", { decimals: 0 })}=${b.points.toFixed(1)}`.padStart(
            12,
          ),
        );
        console.log(
          `${String(u.rank).padStart(4)}  ${u.score.toFixed(2).padStart(5)}  ${cells.join(" ")}  ${u.name} (${u.code})`,
        );
      }
    }
    console.log(
      `\nraw=points per component; ${codes.map((c) => `${c}: ${COMPONENT_LABELS[c].source}`).join("; ")}`,
    );
    return 0;
  } finally {
    await db.close();
  }
}
