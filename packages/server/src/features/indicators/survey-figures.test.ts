import { expect, it } from "vitest";
import { ensureDemo } from "../../demo/demo";
import { testApi } from "../../testing/api";
import { describeEachDialect } from "../../testing/dialects";

const REGENCY = "64.01";
const DESA = "64.01.05.2003";

// Paser Pasal 6(2): the prevalence targets are judged on survey results (SSGI/SKI); the regency enters the
// survey figure per year beside the registry's own.
describeEachDialect(
  "survey prevalence beside the registry's",
  (db) => {
    it("lets the regency's TPPS enter and revise a year's survey figure, audited; others read it, may not enter", async () => {
      const api = await testApi(db());
      const body = {
        regionCode: REGENCY,
        year: 2024,
        survey: "ski",
        value: 22.4,
        ciLower: 19.1,
        ciUpper: 26,
        source: "SKI 2023 dalam angka",
      };
      const first = await api.request("tpps.paser", {
        method: "POST",
        url: "/api/indicators/survey-figures",
        payload: body,
      });
      expect(first.statusCode, first.body).toBe(201);
      const revised = await api.request("tpps.paser", {
        method: "POST",
        url: "/api/indicators/survey-figures",
        payload: { ...body, value: 21.9, ciLower: null, ciUpper: null },
      });
      expect(revised.statusCode, revised.body).toBe(201);
      expect(revised.json().id).toBe(first.json().id);

      // A desa's KPM reads the regency's figure (where its own desa lies) but may not enter one.
      const read = await api.request("kpm.sandeley", {
        method: "GET",
        url: `/api/indicators/survey-figures?region=${DESA}`,
      });
      expect(read.statusCode, read.body).toBe(200);
      expect(read.json()).toEqual([
        expect.objectContaining({ year: 2024, survey: "ski", value: 21.9, ciLower: null }),
      ]);
      const refused = await api.request("kpm.sandeley", {
        method: "POST",
        url: "/api/indicators/survey-figures",
        payload: body,
      });
      // The regency is outside a desa KPM's scope: answered as if it did not exist.
      expect(refused.statusCode).toBe(404);
      // Half an interval is refused with the field named; nothing stored changes.
      const bad = await api.request("tpps.paser", {
        method: "POST",
        url: "/api/indicators/survey-figures",
        payload: { ...body, ciUpper: null },
      });
      expect(bad.statusCode).toBe(400);

      const audit = await db()
        .kysely.selectFrom("audit_log")
        .select(["action"])
        .where("entity", "=", "survey_figure")
        .execute();
      expect(audit.map((a) => a.action).sort()).toEqual(["survey_figure.enter", "survey_figure.revise"]);

      // The dashboard shows the survey figures beside the registry's prevalence.
      const dash = await api.request("tpps.paser", {
        method: "GET",
        url: `/api/indicators/dashboard?region=${REGENCY}&period=2024`,
      });
      expect(dash.statusCode, dash.body).toBe(200);
      expect(dash.json().surveys).toEqual([expect.objectContaining({ survey: "ski", value: 21.9 })]);
      await api.app.close();
    });
  },
  { seed: async (db) => void (await ensureDemo(db.kysely, { children: 50, desa: [DESA], log: () => {} })) },
);
