import { expect, it } from "vitest";
import { ensureDemo } from "../../demo/demo";
import { testApi } from "../../testing/api";
import { describeEachDialect } from "../../testing/dialects";
import { createDemoPlanning, PLANNING_DEMO_DESA } from "./demo";

describeEachDialect("demo planning year", (db) => {
  it("seeds the whole regency quickly with a spread of stages, late villages and budgets, and leaves Sandeley at the start", async () => {
    await ensureDemo(db().kysely, { children: 0 }); // seeds Kuaro only
    await db().kysely.deleteFrom("planning_reviews").execute();
    for (const t of [
      "planning_campaigns",
      "planning_proposals",
      "planning_meetings",
      "planning_stages",
      "planning_cycles",
      "planning_members",
      "planning_kpm",
    ] as const)
      await db().kysely.deleteFrom(t).execute();
    await db().kysely.deleteFrom("planning_institutions").execute();
    // Its speed is measured by the benchmarks, not asserted here (shared machines make timed tests flaky).
    const { cycles } = await createDemoPlanning(db().kysely, { today: "2026-11-22" });
    expect(cycles).toBeGreaterThan(110);
    expect(cycles).toBeLessThan(144);
    const api = await testApi(db());
    const o = (
      await api.request("tpps.paser", { method: "GET", url: "/api/planning/overview?region=64.01&year=2026" })
    ).json();
    const sandeley = o.rows.find((r: { regionCode: string }) => r.regionCode === PLANNING_DEMO_DESA);
    expect(sandeley).toMatchObject({ cycleId: null, currentStage: "sosialisasi" });
    const current = new Set(o.rows.map((r: { currentStage: string | null }) => r.currentStage));
    for (const s of ["sosialisasi", "rembuk", "apb_desa", null]) expect(current.has(s), String(s)).toBe(true);
    expect(o.total.late).toBeGreaterThan(10);
    expect(o.total.late).toBeLessThan(o.total.villages);
    expect(o.total.stuntingShare).toBeGreaterThan(0);
    expect(o.total.stuntingShare).toBeLessThan(100);
    // Deterministic: the same date gives the same statuses.
    const again = o.rows.map(
      (r: { regionCode: string; currentStage: string }) => `${r.regionCode}:${r.currentStage}`,
    );
    for (const t of [
      "planning_reviews",
      "planning_campaigns",
      "planning_proposals",
      "planning_meetings",
      "planning_stages",
      "planning_cycles",
      "planning_members",
      "planning_kpm",
      "planning_institutions",
    ] as const)
      await db().kysely.deleteFrom(t).execute();
    await createDemoPlanning(db().kysely, { today: "2026-11-22" });
    const o2 = (
      await api.request("tpps.paser", { method: "GET", url: "/api/planning/overview?region=64.01&year=2026" })
    ).json();
    expect(
      o2.rows.map((r: { regionCode: string; currentStage: string }) => `${r.regionCode}:${r.currentStage}`),
    ).toEqual(again);
    await api.app.close();
  });
});
