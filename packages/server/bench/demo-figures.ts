/**
 * npm run bench:figures — the figures the issue-14 closing note asks for, on the 25,000-child demo: the
 * share of weighings that are N, T, O, B and 2T (core's growth engine over each child's weighings), and the
 * regency scorecard % of the last complete month. `--db FILE` reuses a database already holding the demo
 * (else a fresh SQLite file is built and removed).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SYSTEM_ACTOR, shiftMonth } from "@tumbuh/core";
import { faltering, type Weighing } from "@tumbuh/growth";
import { openDatabase } from "../src/db/database";
import { migrateToLatest } from "../src/db/migrate";
import { ensureDemo } from "../src/demo/demo";
import { buildScorecard } from "../src/features/services/scorecard";

const arg = process.argv.indexOf("--db");
const given = arg > 0 ? process.argv[arg + 1] : undefined;
const dir = given ? null : mkdtempSync(join(tmpdir(), "tumbuh-bench-figures-"));
const db = openDatabase(given ?? join(dir as string, "bench.db"));
try {
  await migrateToLatest(db.kysely);
  await ensureDemo(db.kysely);
  const rows = await db.kysely
    .selectFrom("measurements as m")
    .innerJoin("persons as p", "p.id", "m.person_id")
    .select(["m.person_id", "m.measured_on", "m.weight_kg", "m.import_id", "p.birth_date", "p.sex"])
    .where("m.deleted_at", "is", null)
    .where("m.weight_kg", ">", 0)
    .orderBy("m.person_id")
    .orderBy("m.measured_on")
    .execute();
  const counts: Record<string, number> = { N: 0, T: 0, O: 0, B: 0, twoT: 0 };
  let total = 0;
  let i = 0;
  while (i < rows.length) {
    const id = rows[i]?.person_id;
    const history: Weighing[] = [];
    while (i < rows.length && rows[i]?.person_id === id) {
      const r = rows[i++];
      if (r && r.measured_on >= r.birth_date)
        history.push({
          date: r.measured_on,
          weightKg: r.weight_kg as number,
          birthDate: r.birth_date,
          // The sex draws the growth line; an engine without the line rule ignores both fields.
          sex: r.sex === 1 || r.sex === 2 ? r.sex : undefined,
          imported: r.import_id !== null,
        });
    }
    const f = faltering(history);
    for (const e of f.entries) {
      counts[e.status] = (counts[e.status] ?? 0) + 1;
      if (e.twoT) counts.twoT = (counts.twoT ?? 0) + 1;
      total++;
    }
  }
  const pct = (n: number) => `${((n / total) * 100).toFixed(1)} %`;
  console.log(`weighings: ${total.toLocaleString("en")}`);
  for (const k of ["N", "T", "O", "B", "twoT"]) console.log(`  ${k}: ${pct(counts[k] ?? 0)}`);
  const lastMonth = shiftMonth(new Date().toISOString().slice(0, 7), -1);
  const { view } = await buildScorecard(db.kysely, SYSTEM_ACTOR, "64.01", lastMonth);
  console.log(
    `scorecard 64.01 ${lastMonth}: ${view.totals.percent?.toFixed(1)} % (${view.totals.targets} targets)`,
  );
  for (const g of view.totals.groups) {
    const inds = Object.entries(g.indicators)
      .map(([k, v]) => `${k} ${v.percent?.toFixed(0) ?? "–"}`)
      .join(", ");
    console.log(`  ${g.group}: ${g.percent?.toFixed(1)} % — ${inds}`);
  }
} finally {
  await db.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
