import {
  ASSESSMENT_DEFAULT,
  type AssessmentMethod,
  type AssessmentView,
  type PublicAchievements,
  resetClock,
  setClock,
} from "@tumbuh/core";
import { afterEach, beforeEach, expect, it } from "vitest";
import { ensureDemo } from "../../demo/demo";
import { testApi } from "../../testing/api";
import { describeEachDialect } from "../../testing/dialects";

const YEAR = 2026;
/** A Kuaro village with an APB Desa in the demo, not the first by its stunting share. */
const ON_TIME = "64.01.05.2002";

describeEachDialect(
  "the assessment method edited through the API",
  (db) => {
    let api: Awaited<ReturnType<typeof testApi>>;
    beforeEach(async () => {
      setClock("2026-11-22T03:00:00Z");
      api = await testApi(db());
    });
    afterEach(async () => {
      resetClock();
      await api.app.close();
    });
    const req = (as: string, method: "GET" | "POST" | "PUT" | "PATCH", url: string, payload?: object) =>
      api.request(as, { method, url, ...(payload ? { payload } : {}) });
    const ranking = async () =>
      (await req("tpps.paser", "GET", `/api/assessments?region=64.01&year=${YEAR}`)).json() as AssessmentView;

    /**
     * By hand, from each village's raw figures: percent → raw ÷ 100, target → min(1, raw ÷ target), minmax →
     * (raw − lowest) ÷ (highest − lowest) over the villages with a figure; no figure → 0; score = Σ weight ×
     * that ÷ Σ weight × 100, rounded to 2 decimals; higher first, equal scores by code.
     */
    function byHand(method: AssessmentMethod, units: AssessmentView["desa"]) {
      const total = method.components.reduce((s, c) => s + c.weight, 0);
      const rawOf = (u: AssessmentView["desa"][number], code: string) =>
        u.breakdown.find((b) => b.code === code)?.raw ?? null;
      const scored = units.map((u) => {
        let sum = 0;
        for (const c of method.components) {
          const raw = rawOf(u, c.code);
          if (raw === null) continue;
          const all = units.map((v) => rawOf(v, c.code)).filter((v): v is number => v !== null);
          const [lo, hi] = [Math.min(...all), Math.max(...all)];
          const n =
            c.normalisation.kind === "percent"
              ? raw / 100
              : c.normalisation.kind === "target"
                ? Math.min(1, raw / c.normalisation.target)
                : hi === lo
                  ? 1
                  : (raw - lo) / (hi - lo);
          sum += (c.weight / total) * n;
        }
        return { code: u.code, score: Math.round(sum * 10000) / 100 };
      });
      return scored.sort((a, b) => b.score - a.score || (a.code < b.code ? -1 : 1));
    }

    it("refuses weights that do not add up to 100, unknown components and other roles; a new weight reorders the draft as computed by hand", async () => {
      const put = (as: string, method: object, year = YEAR) =>
        req(as, "PUT", `/api/assessments/method?region=64.01&year=${year}`, method);
      const wrongSum = await put("tpps.paser", {
        ...ASSESSMENT_DEFAULT,
        components: ASSESSMENT_DEFAULT.components.map((c) =>
          c.code === "convergence" ? { ...c, weight: 29 } : c,
        ),
      });
      expect(wrongSum.statusCode).toBe(400);
      expect(wrongSum.json().error).toMatchObject({ code: "validation", reason: "weights_sum" });
      const unknown = await put("tpps.paser", {
        note: "",
        components: [{ code: "posyandu_visits", weight: 100, normalisation: { kind: "percent" } }],
      });
      expect(unknown.statusCode).toBe(400);
      const twice = await put("tpps.paser", {
        note: "",
        components: [
          { code: "convergence", weight: 50, normalisation: { kind: "percent" } },
          { code: "convergence", weight: 50, normalisation: { kind: "percent" } },
        ],
      });
      expect(twice.json().error).toMatchObject({ reason: "component_twice" });
      // A regency agency reads the method but does not set it; a kecamatan team does not reach the regency's.
      expect((await put("dinkes", ASSESSMENT_DEFAULT)).statusCode).toBe(403);
      expect((await put("tpps.kuaro", ASSESSMENT_DEFAULT)).statusCode).toBe(404);

      // One village sent October's monthly report on 5 November, before its due day (10 November); the
      // regency admin writes it here (it holds every village's powers).
      setClock("2026-11-05T03:00:00Z");
      const draft = (
        await req("admin", "POST", "/api/reports", {
          kind: "desa_monthly",
          regionCode: ON_TIME,
          period: "2026-10",
        })
      ).json();
      await req("admin", "PATCH", `/api/reports/${draft.id}`, {
        signatures: [
          { position: "Kader Pembangunan Manusia (KPM)", name: "Siti Rahmah" },
          { position: "Wali Desa", name: "H. Abdul Karim" },
        ],
      });
      expect((await req("admin", "POST", `/api/reports/${draft.id}/issue`, {})).statusCode).toBe(200);
      await api.jobs.idle();
      setClock("2026-11-22T03:00:00Z");

      await req("tpps.paser", "POST", "/api/assessments", { region: "64.01", year: YEAR });
      await api.jobs.idle();
      const before = await ranking();
      expect(before.status).toBe("draft");
      expect(before.desa.map((u) => u.code)).toEqual(
        byHand(ASSESSMENT_DEFAULT, before.desa).map((u) => u.code),
      );

      // The APB Desa share no longer counts (15 → 0), reports on time count more (10 → 25).
      const heavier: AssessmentMethod = {
        note: "Laporan tepat waktu diutamakan tahun ini.",
        components: ASSESSMENT_DEFAULT.components.map((c) =>
          c.code === "reports_on_time"
            ? { ...c, weight: 25 }
            : c.code === "apb_stunting_share"
              ? { ...c, weight: 0 }
              : c,
        ),
      };
      const saved = await put("tpps.paser", heavier);
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toMatchObject({ method: heavier, jobId: expect.any(String) });
      await api.jobs.idle();
      const after = await ranking();
      expect(after.method).toEqual(heavier);
      const expected = byHand(heavier, before.desa);
      expect(after.desa.map((u) => u.code)).toEqual(expected.map((u) => u.code));
      for (const [i, u] of after.desa.entries()) expect(u.score).toBeCloseTo(expected[i]?.score ?? -1, 2);
      // …a different order from before: the village with a report on time comes first.
      expect(before.desa[0]?.code).not.toBe(ON_TIME);
      expect(after.desa[0]?.code).toBe(ON_TIME);
      expect(after.desa.map((u) => u.code)).not.toEqual(before.desa.map((u) => u.code));
      expect((await req("dinkes", "GET", "/api/assessments/method?region=64.01")).json()).toEqual(heavier);

      // Audited with the method it replaced; once published, a new method leaves that year alone.
      const audit = await db()
        .kysely.selectFrom("audit_log")
        .select(["action", "before_json", "after_json"])
        .where("action", "=", "assessment.method")
        .execute();
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0]?.before_json ?? "null")).toEqual(ASSESSMENT_DEFAULT);
      // The public page shows nothing of the draft; once published, the ranking as stored and no component figure.
      const pub = async () =>
        (
          await api.app.inject({ method: "GET", url: `/api/public/achievements/${YEAR}` })
        ).json() as PublicAchievements;
      expect(await pub()).toMatchObject({ published: false, desa: [], indicators: [] });
      expect((await req("tpps.paser", "POST", `/api/assessments/${after.id}/publish`, {})).statusCode).toBe(
        200,
      );
      const shown = await pub();
      expect(shown).toMatchObject({ published: true, regency: { code: "64.01", name: "Kabupaten Paser" } });
      expect(shown.desa.map((u) => [u.rank, u.code, u.score])).toEqual(
        after.desa.map((u) => [u.rank, u.code, u.score]),
      );
      expect(shown.desa.find((u) => u.code === ON_TIME)?.parentName).toBe("Kuaro");
      expect(shown.kecamatan).toHaveLength(10);
      expect(shown.weights).toEqual(heavier.components.map((c) => ({ code: c.code, weight: c.weight })));
      expect(JSON.stringify(shown)).not.toContain("breakdown");
      expect(shown.indicators.length).toBeGreaterThan(50);
      for (const f of shown.indicators)
        if (f.numerator !== null) expect(f.numerator === 0 || f.numerator >= 5, f.indicatorId).toBe(true);
      const later = await put("tpps.paser", ASSESSMENT_DEFAULT);
      expect(later.json()).toMatchObject({ jobId: null });
      expect((await ranking()).method).toEqual(heavier);
    }, 120_000);
  },
  { seed: async (db) => void (await ensureDemo(db.kysely, { children: 0 })) },
);
