import { SYSTEM_ACTOR } from "@tumbuh/core";
import { describe, expect, it } from "vitest";
import { ensureDemo } from "../../demo/demo";
import { freshDatabase } from "../../testing/dialects";
import { buildScorecard } from "./scorecard";

const TODAY = "2026-11-22";

async function demoRecords() {
  const db = await freshDatabase("sqlite");
  await ensureDemo(db.kysely, { children: 400, desa: ["64.01.05.2003"], today: TODAY, log: () => {} });
  const rows = await db.kysely
    .selectFrom("service_records")
    .select(["id", "person_id", "service", "given_on", "detail", "received"])
    .orderBy("id")
    .execute();
  return { db, rows };
}

describe("demo service records", () => {
  it("are deterministic and give Sandeley's scorecard a mix of Y, T and TS", async () => {
    const a = await demoRecords();
    const b = await demoRecords();
    try {
      expect(a.rows.length).toBeGreaterThan(1000);
      expect(b.rows).toEqual(a.rows);
      expect(a.rows.every((r) => r.given_on <= TODAY)).toBe(true);
      const { view } = await buildScorecard(a.db.kysely, SYSTEM_ACTOR, "64.01.05.2003", "2026-Q3");
      const { y, t, ts, percent } = view.totals;
      expect(y).toBeGreaterThan(0);
      expect(t).toBeGreaterThan(0);
      expect(ts).toBeGreaterThan(0);
      expect(percent).toBeGreaterThan(30);
      expect(percent).toBeLessThan(90);
      for (const g of view.totals.groups) expect(g.targets).toBeGreaterThan(0);
    } finally {
      await a.db.close();
      await b.db.close();
    }
  });
});
