import { completedMonths, indicatorsApi, LATRINE_TYPES, monthEnd, WATER_SOURCES } from "@tumbuh/core";
import ExcelJS from "exceljs";
import { expect, it } from "vitest";
import { ensureDemo } from "../../demo/demo";
import { testApi } from "../../testing/api";
import { describeEachDialect } from "../../testing/dialects";
import { pdfText } from "../../testing/pdf";

const TODAY = new Date().toISOString().slice(0, 10);
// The demo weighs the 24 months before this one: the dashboard is read for last month.
const MONTH = new Date(Date.UTC(Number(TODAY.slice(0, 4)), Number(TODAY.slice(5, 7)) - 2, 1))
  .toISOString()
  .slice(0, 7);
const YEAR = TODAY.slice(0, 4);
const DESA = ["64.01.05.2003", "64.01.05.2002", "64.01.05.1001", "64.01.03.2003"];

describeEachDialect(
  "indicator API",
  (db) => {
    it("shows the regency dashboard: prevalence with interval beside coverage, kecamatan rows, trends", async () => {
      const api = await testApi(db());
      const res = await api.request("tpps.paser", {
        method: "GET",
        url: `/api/indicators/dashboard?region=64.01&period=${MONTH}`,
      });
      expect(res.statusCode).toBe(200);
      const v = res.json();
      expect(v.region).toMatchObject({ code: "64.01", level: "kabupaten" });
      expect(v.panel.coverage.denominator).toBeGreaterThan(100);
      expect(v.panel.stunting.denominator).toBeGreaterThan(0);
      const s = v.panel.stunting;
      expect(s.ci.lower).toBeLessThanOrEqual(s.value);
      expect(s.ci.upper).toBeGreaterThanOrEqual(s.value);
      expect(v.rows.map((r: { region: { code: string } }) => r.region.code)).toContain("64.01.05");
      // Kecamatan rows add up to the regency.
      const sum = v.rows.reduce(
        (a: number, r: { panel: { coverage: { numerator: number } } }) => a + r.panel.coverage.numerator,
        0,
      );
      expect(sum).toBe(v.panel.coverage.numerator);
      expect(v.trends.stunting_prevalence).toHaveLength(24);
      expect(v.trends.stunting_prevalence.at(-1).period).toBe(MONTH);
      const water = v.indicators.find(
        (f: { computation: string }) => f.computation === "household_safe_water",
      );
      expect(water.status).toMatch(/green|amber|red/);
      expect(water.target).toBe(87);
      // Recounted here from the raw households: "layak" sources of BPS over all live households.
      const hh = await db()
        .kysely.selectFrom("households")
        .select(["water_source", "latrine_type"])
        .where("deleted_at", "is", null)
        .execute();
      expect(water.denominator).toBe(hh.length);
      expect(water.numerator).toBe(
        hh.filter((h) => WATER_SOURCES[h.water_source as keyof typeof WATER_SOURCES].layak).length,
      );
      const sanitation = v.indicators.find(
        (f: { computation: string }) => f.computation === "household_proper_sanitation",
      );
      expect(sanitation.numerator).toBe(
        hh.filter((h) => LATRINE_TYPES[h.latrine_type as keyof typeof LATRINE_TYPES].layak).length,
      );
    });

    it("counts a desa's stunting as a plain recount of its raw rows does", async () => {
      const api = await testApi(db());
      const v = (
        await api.request("kpm.sandeley", {
          method: "GET",
          url: `/api/indicators/dashboard?region=64.01.05.2003&period=${MONTH}`,
        })
      ).json();
      const rows = await db()
        .kysely.selectFrom("measurements as m")
        .innerJoin("persons as p", "p.id", "m.person_id")
        .select([
          "m.person_id",
          "m.measured_on",
          "m.weight_kg",
          "m.zlen",
          "m.flagged",
          "m.age_days",
          "p.birth_date",
        ])
        .where("p.region_code", "like", "64.01.05.2003%")
        .where("p.deleted_at", "is", null)
        .where("p.merged_into", "is", null)
        .where("m.deleted_at", "is", null)
        .where("m.measured_on", "like", `${MONTH}-%`)
        .orderBy("m.measured_on")
        .execute();
      // Latest usable length-for-age per child (flagged values outside ±6 SD left out) of the SKDN's S:
      // 0–59 completed months at the month's end; D (coverage) = weighed in the month.
      const latest = new Map<string, number>();
      const measured = new Set<string>();
      for (const r of rows) {
        // The system's one age convention (month-end birthdays as the growth engine counts them).
        const months = completedMonths(r.birth_date, monthEnd(MONTH));
        if (months > 59) continue;
        if (r.weight_kg !== null) measured.add(r.person_id);
        if (r.zlen !== null && !(r.flagged && Math.abs(r.zlen) > 6)) latest.set(r.person_id, r.zlen);
      }
      expect(v.panel.stunting.denominator).toBe(latest.size);
      expect(v.panel.stunting.numerator).toBe([...latest.values()].filter((z) => z < -2).length);
      expect(v.panel.coverage.numerator).toBe(measured.size);
      expect(latest.size).toBeGreaterThan(5);
    });

    it("drills down to a desa, and keeps a kecamatan user inside the kecamatan", async () => {
      const api = await testApi(db());
      const kuaro = await api.request("tpps.kuaro", {
        method: "GET",
        url: `/api/indicators/dashboard?region=64.01.05&period=${MONTH}`,
      });
      expect(kuaro.statusCode).toBe(200);
      expect(kuaro.json().rows.length).toBeGreaterThan(3);
      const desa = await api.request("tpps.kuaro", {
        method: "GET",
        url: `/api/indicators/dashboard?region=64.01.05.2003&period=${YEAR}`,
      });
      expect(desa.statusCode).toBe(200);
      expect(desa.json().path.map((p: { code: string }) => p.code)).toEqual(["64.01.05", "64.01.05.2003"]);
      expect(
        (
          await api.request("tpps.kuaro", {
            method: "GET",
            url: `/api/indicators/dashboard?region=64.01&period=${MONTH}`,
          })
        ).statusCode,
      ).toBe(404);
      expect(
        (
          await api.request("tpps.kuaro", {
            method: "GET",
            url: `/api/indicators/dashboard?region=64.01.03&period=${MONTH}`,
          })
        ).statusCode,
      ).toBe(404);
      const bad = await api.request("tpps.kuaro", {
        method: "GET",
        url: "/api/indicators/dashboard?region=64.01.05&period=2025-13",
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.message).toMatch(/period/);
      expect(
        (
          await api.request(null, {
            method: "GET",
            url: `/api/indicators/dashboard?region=64.01&period=${MONTH}`,
          })
        ).statusCode,
      ).toBe(401);
    });

    it("filters to one responsible agency", async () => {
      const api = await testApi(db());
      const v = (
        await api.request("dinkes", {
          method: "GET",
          url: `/api/indicators/dashboard?region=64.01&period=${MONTH}&agency=Dinas%20PUTR`,
        })
      ).json();
      expect(v.indicators.length).toBeGreaterThan(0);
      for (const f of v.indicators) expect(f.responsible).toContain("Dinas PUTR");
      expect(v.agencies).toContain("Dinas Kesehatan");
    });

    it("lets the agency enter a value and revise it, keeps the history, audits both; refuses the read-only and out of scope", async () => {
      const api = await testApi(db());
      const body = {
        indicatorId: "annex.A.a.9",
        regionCode: "64.01",
        period: YEAR,
        numerator: 450,
        denominator: 500,
        note: "Laporan imunisasi",
      };
      const first = await api.request("dinkes", {
        method: "POST",
        url: "/api/indicators/values",
        payload: body,
      });
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({ value: 90, enteredBy: "dinkes" });
      const second = await api.request("dinkes", {
        method: "POST",
        url: "/api/indicators/values",
        payload: { ...body, numerator: 410 },
      });
      expect(second.statusCode).toBe(201);
      const history = await api.request("dinkes", {
        method: "GET",
        url: `/api/indicators/values/history?indicatorId=annex.A.a.9&regionCode=64.01&period=${YEAR}`,
      });
      const h = history.json();
      expect(h).toHaveLength(2);
      expect(h[0]).toMatchObject({ value: 82, supersededAt: null });
      expect(h[1].supersededAt).not.toBeNull();
      const dash = (
        await api.request("peninjau", {
          method: "GET",
          url: `/api/indicators/dashboard?region=64.01&period=${MONTH}`,
        })
      ).json();
      const fig = dash.indicators.find((f: { indicatorId: string }) => f.indicatorId === "annex.A.a.9");
      // 82% of a 90% target: within 10% of it.
      expect(fig).toMatchObject({ value: 82, status: "amber", mode: "entered" });
      expect(fig.entered.enteredBy).toBe("dinkes");
      const audit = await db()
        .kysely.selectFrom("audit_log")
        .select("action")
        .where("entity", "=", "indicator_value")
        .where("actor_name", "=", "dinkes")
        .execute();
      expect(audit.map((a) => a.action).sort()).toEqual(["indicator_value.enter", "indicator_value.revise"]);

      expect(
        (await api.request("peninjau", { method: "POST", url: "/api/indicators/values", payload: body }))
          .statusCode,
      ).toBe(403);
      expect(
        (
          await api.request("kpm.sandeley", {
            method: "POST",
            url: "/api/indicators/values",
            payload: { ...body, regionCode: "64.01.05.2003" },
          })
        ).statusCode,
      ).toBe(403);
      expect(
        (
          await api.request("tpps.kuaro", {
            method: "POST",
            url: "/api/indicators/values",
            payload: { ...body, regionCode: "64.01.03" },
          })
        ).statusCode,
      ).toBe(404);
      const computed = await api.request("dinkes", {
        method: "POST",
        url: "/api/indicators/values",
        payload: { ...body, indicatorId: "pasal7.l" },
      });
      expect(computed.statusCode).toBe(400);
      expect(computed.json().error.field).toBe("indicatorId");
      const half = await api.request("dinkes", {
        method: "POST",
        url: "/api/indicators/values",
        payload: { ...body, denominator: undefined },
      });
      expect(half.statusCode).toBe(400);
      expect(half.json().error.message).toMatch(/denominator/);
    });

    it("downloads every figure as CSV and XLSX, audited", async () => {
      const api = await testApi(db());
      const csv = await api.request("peninjau", {
        method: "GET",
        url: `/api/indicators/dashboard/export?region=64.01.05&period=${MONTH}&format=csv&figure=wilayah`,
      });
      expect(csv.statusCode).toBe(200);
      expect(csv.headers["content-disposition"]).toMatch(/indikator-kecamatan-kuaro-.*-wilayah\.csv/);
      const lines = csv.body
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\r\n");
      // Headers in Indonesian words, the place by name and the month in words; no region code.
      expect(lines[0]).toMatch(/^Wilayah,Periode,Balita terdaftar,Balita ditimbang,Cakupan \(%\)/);
      expect(lines.some((l) => /^Sandeley,[A-Z][a-z]+ \d{4},/.test(l))).toBe(true);
      expect(lines.slice(1).some((l) => l.includes("64.01"))).toBe(false);
      const xlsx = await api.request("peninjau", {
        method: "GET",
        url: `/api/indicators/dashboard/export?region=64.01&period=${MONTH}&format=xlsx`,
      });
      expect(xlsx.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(["indikator", "wilayah", "tren"]);
      expect(wb.getWorksheet("tren")?.rowCount).toBe(25);
      expect(wb.getWorksheet("tren")?.getRow(1).getCell(2).value).toBe("Prevalensi stunting (%)");
      // A user who reads English gets English headers (the web's language cookie).
      const en = await api.request("peninjau", {
        method: "GET",
        url: `/api/indicators/dashboard/export?region=64.01&period=${MONTH}&format=xlsx`,
        cookies: { tumbuh_lang: "en" },
      });
      const wbEn = new ExcelJS.Workbook();
      await wbEn.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
      expect(wbEn.getWorksheet("wilayah")?.getRow(1).getCell(3).value).toBe("Under-fives registered");
      expect(wbEn.getWorksheet("indikator")?.getRow(1).getCell(4).value).toBe("Indicator");
      const audit = await db()
        .kysely.selectFrom("audit_log")
        .selectAll()
        .where("action", "=", "indicator.export")
        .execute();
      expect(audit.length).toBe(3);
    });

    it("publishes the year's figures without login, never a count of 1–4, with CSV and PDF", async () => {
      const api = await testApi(db());
      const res = await api.request(null, { method: "GET", url: `/api/public/publication/${YEAR}` });
      expect(res.statusCode).toBe(200);
      const v = res.json();
      expect(v.rows[0]).toMatchObject({ code: "64.01", level: "kabupaten" });
      const counts = v.rows.flatMap((r: Record<string, number | null>) => [
        r.registered,
        r.measured,
        r.stunted,
        r.wasted,
        r.underweight,
      ]);
      for (const c of counts) if (c !== null) expect(c === 0 || c >= 5).toBe(true);
      // The demo has desa with few wasted children: something is suppressed, and never alone under a shown kecamatan.
      expect(counts.filter((c: number | null) => c === null).length).toBeGreaterThan(0);
      for (const col of ["registered", "measured", "stunted", "wasted", "underweight"]) {
        for (const kec of v.rows.filter((r: { level: string }) => r.level === "kecamatan")) {
          const hidden = v.rows.filter(
            (r: Record<string, unknown>) => r.parent === kec.code && r[col] === null,
          );
          if (kec[col] !== null) expect(hidden.length === 0 || hidden.length >= 2).toBe(true);
        }
      }
      // Nor a difference of two counts shown in one row (registered − weighed = children not weighed).
      for (const r of v.rows as Record<string, number | null>[]) {
        for (const [whole, part] of [
          ["registered", "measured"],
          ["measured", "stunted"],
          ["measured", "wasted"],
          ["measured", "underweight"],
        ] as const) {
          const [a, b] = [r[whole], r[part]];
          if (a != null && b != null)
            expect(a - b === 0 || a - b >= 5, `${r.code} ${whole}−${part}`).toBe(true);
        }
      }
      const csv = await api.request(null, { method: "GET", url: `/api/public/publication/${YEAR}/csv` });
      expect(csv.statusCode).toBe(200);
      expect(csv.body).toContain("<5");
      expect(csv.body).not.toMatch(/NIK|nama_anak/);
      const pdf = await api.request(null, { method: "GET", url: `/api/public/publication/${YEAR}/pdf` });
      expect(pdf.headers["content-type"]).toBe("application/pdf");
      const text = pdfText(pdf.rawPayload);
      expect(text).toContain(`Publikasi Data Stunting Kabupaten Paser Tahun ${YEAR}`);
      expect(text).toContain("Sandeley");
      expect(
        (await api.request(null, { method: "GET", url: "/api/public/publication/1999" })).statusCode,
      ).toBe(400);
      expect(
        (await api.request(null, { method: "GET", url: "/api/public/publication/2090" })).statusCode,
      ).toBe(404);
    });

    it("lists its endpoints in the OpenAPI document, each JSON answer with its response schema", async () => {
      const api = await testApi(db());
      const doc = (await api.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
      for (const ep of Object.values(indicatorsApi)) {
        const op = doc.paths[ep.path.replace(/:(\w+)/g, "{$1}")]?.[ep.method.toLowerCase()];
        expect(op?.tags, ep.path).toEqual([ep.tag]);
        const schema = op.responses[ep.status ?? 200].content["application/json"].schema;
        if (ep.kind !== "file") expect(schema.type, ep.path).toMatch(/^(object|array)$/);
      }
    });
  },
  {
    once: true,
    seed: async (db) => void (await ensureDemo(db.kysely, { children: 400, desa: DESA, log: () => {} })),
  },
);
