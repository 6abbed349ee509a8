import { ASSESSMENT_DEFAULT, type AssessmentMethod, SYSTEM_ACTOR } from "@tumbuh/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/database";
import { ensureDemo } from "../../demo/demo";
import { freshDatabase } from "../../testing/dialects";
import { computeRanking } from "./service";

const TODAY = "2026-11-22";
const DESA = ["64.01.05.2003", "64.01.05.2001", "64.01.06.2004"];

let db: Db;
beforeAll(async () => {
  db = await freshDatabase("sqlite");
  await ensureDemo(db.kysely, { children: 600, desa: DESA, today: TODAY, log: () => {} });
}, 180_000);
afterAll(async () => db.close());

describe("the yearly assessment of the demo regency", () => {
  it("ranks all 144 villages and 10 kecamatan with a breakdown that adds up; one weight changed reorders them as computed by hand", async () => {
    const before = await computeRanking(db.kysely, SYSTEM_ACTOR, "64.01", 2026, ASSESSMENT_DEFAULT);
    expect(before.desa).toHaveLength(144);
    expect(before.kecamatan).toHaveLength(10);
    for (const u of before.desa) {
      expect(u.breakdown.map((b) => b.code)).toEqual(ASSESSMENT_DEFAULT.components.map((c) => c.code));
      expect(u.breakdown.reduce((s, b) => s + b.points, 0)).toBeCloseTo(u.score, 1);
    }
    // The populated villages have scorecard figures; the rest have none and say so.
    const populated = before.desa.filter((u) => DESA.includes(u.code));
    expect(populated.every((u) => u.breakdown[0]?.raw !== null)).toBe(true);
    expect(before.desa.find((u) => !DESA.includes(u.code))?.missing).toContain("convergence");

    // APB Desa stunting share weight 15 → 60: by hand, score = Σ weight × normalised ÷ Σ weight × 100, using the
    // normalised figures of the first run (no component is scored against the others' weights).
    const heavier: AssessmentMethod = {
      ...ASSESSMENT_DEFAULT,
      components: ASSESSMENT_DEFAULT.components.map((c) =>
        c.code === "apb_stunting_share" ? { ...c, weight: 60 } : c,
      ),
    };
    const total = heavier.components.reduce((s, c) => s + c.weight, 0);
    const byHand = before.desa
      .map((u) => ({
        code: u.code,
        score:
          Math.round(
            heavier.components.reduce(
              (s, c, i) => s + (c.weight / total) * (u.breakdown[i]?.normalised ?? 0),
              0,
            ) * 10000,
          ) / 100,
      }))
      .sort((a, b) => b.score - a.score || (a.code < b.code ? -1 : 1));
    const after = await computeRanking(db.kysely, SYSTEM_ACTOR, "64.01", 2026, heavier);
    expect(after.desa.map((u) => u.code)).toEqual(byHand.map((u) => u.code));
    for (const [i, u] of after.desa.entries()) expect(u.score).toBeCloseTo(byHand[i]?.score ?? -1, 1);
    // …and it is a different order: villages with a larger stunting share of their APB Desa move up.
    const moved = after.desa.filter((u) => before.desa.find((b) => b.code === u.code)?.rank !== u.rank);
    expect(moved.length).toBeGreaterThan(10);
    const top = after.desa[0];
    expect(top?.breakdown.find((b) => b.code === "apb_stunting_share")?.normalised).toBeGreaterThan(0.5);
  }, 180_000);
});
