// Every refusal names its reason (core ERROR_REASONS) and what the message needs, so the UI words it;
// the developer text in `message` is for logs and tests only.
import { ERROR_REASONS } from "@tumbuh/core";
import { afterEach, beforeEach, expect, it } from "vitest";
import { ensureDemo } from "../demo/demo";
import { testApi } from "../testing/api";
import { describeEachDialect } from "../testing/dialects";

describeEachDialect(
  "error reasons",
  (db) => {
    let api: Awaited<ReturnType<typeof testApi>>;
    beforeEach(async () => {
      api = await testApi(db());
    });
    afterEach(async () => api.app.close());
    const post = (as: string, url: string, payload: object) =>
      api.request(as, { method: "POST", url, payload });
    const known = (reason: unknown) => expect(ERROR_REASONS as readonly unknown[]).toContain(reason);

    it("a refinement's reason: a numerator above its denominator", async () => {
      const res = await post("dinkes", "/api/indicators/values", {
        indicatorId: "annex.A.a.9",
        regionCode: "64.01",
        period: "2026",
        numerator: 600,
        denominator: 500,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: "validation",
        field: "numerator",
        reason: "numerator_above_denominator",
      });
    });

    it("a field left empty is 'required'; a number out of range names its limit", async () => {
      const empty = await post("kpm.sandeley", "/api/persons", {
        regionCode: "64.01.05.2003",
        name: "",
        sex: 2,
        birthDate: "1998-04-12",
      });
      expect(empty.json().error).toMatchObject({ code: "validation", field: "name", reason: "required" });
      const big = await post("dinkes", "/api/indicators/values", {
        indicatorId: "annex.A.a.9",
        regionCode: "64.01",
        period: "2026",
        numerator: -1,
        denominator: 5,
      });
      expect(big.json().error).toMatchObject({ field: "numerator", reason: "too_small", params: { min: 0 } });
      known(big.json().error.reason);
    });

    it("a planning stage refused names the stages it waits for, or the evidence it lacks", async () => {
      const open = await post("desa.sandeley", "/api/planning/cycles", {
        regionCode: "64.01.05.2003",
        year: 2026,
      });
      expect(open.statusCode, open.body).toBe(201);
      const id = open.json().cycle.id as string;
      const early = await post("desa.sandeley", `/api/planning/cycles/${id}/stages/fgd_desa`, {
        status: "berjalan",
      });
      expect(early.statusCode).toBe(409);
      expect(early.json().error).toMatchObject({
        code: "stage_transition",
        reason: "waiting_for",
        params: { stage: "fgd_desa", status: "berjalan" },
      });
      expect(early.json().error.params.stages.length).toBeGreaterThan(0);
      await post("desa.sandeley", `/api/planning/cycles/${id}/stages/sosialisasi`, { status: "berjalan" });
      await post("desa.sandeley", `/api/planning/cycles/${id}/stages/sosialisasi`, { status: "selesai" });
      for (const [stage, status] of [
        ["pemetaan_sosial", "berjalan"],
        ["pemetaan_sosial", "selesai"],
        ["fgd_desa", "berjalan"],
      ] as const) {
        await post("desa.sandeley", `/api/planning/cycles/${id}/stages/${stage}`, { status });
      }
      const bare = await post("desa.sandeley", `/api/planning/cycles/${id}/stages/fgd_desa`, {
        status: "selesai",
      });
      expect(bare.statusCode, bare.body).toBe(409);
      expect(bare.json().error).toMatchObject({
        code: "stage_evidence",
        reason: "missing_evidence",
        params: { stage: "fgd_desa", missing: ["meeting_fgd_desa"] },
      });
    });
  },
  { seed: async (db) => void (await ensureDemo(db.kysely, { children: 0 })) },
);
