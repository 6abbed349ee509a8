import type { AssessmentView, AwardRegister } from "@tumbuh/core";
import { afterEach, beforeEach, expect, it } from "vitest";
import { ensureDemo } from "../../demo/demo";
import { testApi } from "../../testing/api";
import { describeEachDialect } from "../../testing/dialects";

const YEAR = 2026;

describeEachDialect(
  "assessment published by the TPPS, awards with candidates",
  (db) => {
    let api: Awaited<ReturnType<typeof testApi>>;
    beforeEach(async () => {
      api = await testApi(db());
    });
    afterEach(async () => api.app.close());
    const req = (as: string, method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
      api.request(as, { method, url, ...(payload ? { payload } : {}) });

    it("computes in a job, is confirmed by the TPPS, and suggests the top villages for an award", async () => {
      const none = (await req("tpps.paser", "GET", `/api/assessments?region=64.01&year=${YEAR}`)).json();
      expect(none).toMatchObject({ status: "none", desa: [] });
      // A regency agency reads the regency but does not compute its assessment (the TPPS does).
      expect(
        (await req("dinkes", "POST", "/api/assessments", { region: "64.01", year: YEAR })).statusCode,
      ).toBe(403);
      const started = await req("tpps.paser", "POST", "/api/assessments", { region: "64.01", year: YEAR });
      expect(started.statusCode, started.body).toBe(200);
      await api.jobs.idle();
      const draft = (
        await req("tpps.paser", "GET", `/api/assessments?region=64.01&year=${YEAR}`)
      ).json() as AssessmentView;
      expect(draft.status).toBe("draft");
      expect(draft.desa).toHaveLength(144);
      expect(draft.kecamatan).toHaveLength(10);
      expect(
        (await req("tpps.paser", "GET", `/api/awards?region=64.01&year=${YEAR}`)).json().candidates,
      ).toEqual([]);

      const published = await req("tpps.paser", "POST", `/api/assessments/${draft.id}/publish`, {});
      expect(published.json()).toMatchObject({ status: "published" });
      const register = (
        await req("admin", "GET", `/api/awards?region=64.01&year=${YEAR}`)
      ).json() as AwardRegister;
      expect(register.candidates.map((c) => c.regionCode)).toEqual([
        ...draft.kecamatan.slice(0, 3).map((u) => u.code),
        ...draft.desa.slice(0, 10).map((u) => u.code),
      ]);

      // Pasal 49(4): an incentive is for a kader posyandu, with its amount.
      const wrong = await req("admin", "POST", "/api/awards", {
        year: YEAR,
        regionCode: "64.01.05.2003",
        recipientKind: "kpm",
        recipientName: "Siti Rahmah",
        forms: ["insentif"],
        amount: 500000,
        skNumber: "188.45/123/2026",
        skDate: "2026-11-10",
        reason: "",
      });
      expect(wrong.json().error).toMatchObject({ code: "validation", field: "forms" });
      const ok = await req("admin", "POST", "/api/awards", {
        year: YEAR,
        regionCode: "64.01.05.2003",
        recipientKind: "kader_posyandu",
        recipientName: "Yohana Lestari",
        forms: ["piagam", "insentif"],
        amount: 500000,
        skNumber: "188.45/123/2026",
        skDate: "2026-11-10",
        reason: "Penimbangan rutin Posyandu Melati",
      });
      expect(ok.statusCode, ok.body).toBe(201);
      const kuaro = (
        await req("tpps.kuaro", "GET", `/api/awards?region=64.01.05&year=${YEAR}`)
      ).json() as AwardRegister;
      expect(kuaro.awards.map((a) => [a.recipientName, a.regionName, a.amount])).toEqual([
        ["Yohana Lestari", "Sandeley", 500000],
      ]);
      const actions = (
        await db()
          .kysely.selectFrom("audit_log")
          .select("action")
          .where("entity", "in", ["assessment", "award"])
          .orderBy("id")
          .execute()
      ).map((r) => r.action);
      expect(actions).toEqual(["assessment.compute", "assessment.publish", "award.add"]);
    }, 120_000);
  },
  { seed: async (db) => void (await ensureDemo(db.kysely, { children: 0 })) },
);
