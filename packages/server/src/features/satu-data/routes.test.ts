import {
  type DashboardView,
  parseCsv,
  periodLabel,
  SATU_DATA_COLUMNS,
  SATU_DATA_DATASETS,
} from "@tumbuh/core";
import { expect, it } from "vitest";
import { ensureDemo } from "../../demo/demo";
import { slug } from "../../documents/file-name";
import { testApi } from "../../testing/api";
import { describeEachDialect } from "../../testing/dialects";

const TODAY = new Date().toISOString().slice(0, 10);
// The demo weighs the months before this one: export last month.
const MONTH = new Date(Date.UTC(Number(TODAY.slice(0, 4)), Number(TODAY.slice(5, 7)) - 2, 1))
  .toISOString()
  .slice(0, 7);
const DESA = ["64.01.05.2003", "64.01.05.2002", "64.01.05.1001", "64.01.03.2003"];
const PANEL = {
  "prevalensi-stunting": "stunting",
  "prevalensi-wasting": "wasting",
  "prevalensi-underweight": "underweight",
  "cakupan-penimbangan": "coverage",
} as const;

describeEachDialect(
  "Satu Data export",
  (db) => {
    it("writes one CSV per indicator whose shown counts are the dashboard's, small cells hidden", async () => {
      const api = await testApi(db());
      const get = async (url: string) => {
        const res = await api.request("tpps.paser", { method: "GET", url });
        expect(res.statusCode, res.body).toBe(200);
        return res;
      };
      // The dashboard's figures of every region: the regency, its kecamatan, their desa.
      const dash = (
        await get(`/api/indicators/dashboard?region=64.01&period=${MONTH}`)
      ).json() as DashboardView;
      const panels = new Map([[dash.region.code, dash.panel]]);
      for (const k of dash.rows) {
        panels.set(k.region.code, k.panel);
        const kec = (
          await get(`/api/indicators/dashboard?region=${k.region.code}&period=${MONTH}`)
        ).json() as DashboardView;
        for (const d of kec.rows) panels.set(d.region.code, d.panel);
      }
      let hidden = 0;
      let compared = 0;
      for (const d of SATU_DATA_DATASETS) {
        const res = await get(`/api/satu-data/export?region=64.01&period=${MONTH}&dataset=${d.slug}`);
        expect(res.headers["content-disposition"]).toContain(
          `satu-data-${d.slug}-kabupaten-paser-${slug(periodLabel(MONTH))}.csv`,
        );
        const [header, ...rows] = parseCsv(res.body).map((r) => r.fields);
        expect(header).toEqual([...SATU_DATA_COLUMNS]);
        // Every region of the dashboard's drill-down, once, regency first.
        expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(panels.keys()));
        expect(rows).toHaveLength(panels.size);
        expect(rows[0]?.[0]).toBe("64.01");
        for (const [code, name, level, period, num, den, value, unit, , note] of rows as string[][]) {
          const p = panels.get(code as string)?.[PANEL[d.slug as keyof typeof PANEL]];
          expect(p, code).toBeDefined();
          expect(name).not.toBe("");
          expect(["kabupaten", "kecamatan", "desa"]).toContain(level);
          expect(period).toBe(MONTH);
          expect(unit).toBe("persen");
          if (num !== "") {
            expect(Number(num), `${d.slug} ${code}`).toBe(p?.numerator);
            compared++;
          }
          if (den !== "") expect(Number(den), `${d.slug} ${code}`).toBe(p?.denominator);
          for (const shown of [num, den, num !== "" && den !== "" ? String(Number(den) - Number(num)) : ""])
            if (shown !== "")
              expect(Number(shown) === 0 || Number(shown) >= 5, `${d.slug} ${code}`).toBe(true);
          if (num === "" || den === "") {
            hidden++;
            expect(value).toBe("");
            expect(note).toContain("Disamarkan");
          } else if (Number(den) > 0) {
            // One decimal, rounded.
            expect(Math.abs(Number(value) - (100 * Number(num)) / Number(den))).toBeLessThanOrEqual(
              0.0500001,
            );
          }
        }
      }
      expect(compared).toBeGreaterThan(10);
      expect(hidden).toBeGreaterThan(0);
      const audit = await db()
        .kysely.selectFrom("audit_log")
        .select(["action", "region_code"])
        .where("action", "=", "satu_data.export")
        .execute();
      expect(audit).toHaveLength(SATU_DATA_DATASETS.length);
    });

    it("gives the MS-Ind metadata filled from the catalog", async () => {
      const api = await testApi(db());
      const res = await api.request("tpps.paser", {
        method: "GET",
        url: `/api/satu-data/export?region=64.01&period=2025&dataset=prevalensi-stunting&part=metadata`,
      });
      expect(res.statusCode, res.body).toBe(200);
      const m = res.json();
      for (const field of [
        "nama_indikator",
        "konsep",
        "definisi",
        "metode_rumus_penghitungan",
        "ukuran",
        "satuan",
        "klasifikasi_penyajian",
        "apakah_indikator_komposit",
        "publikasi_ketersediaan",
        "level_estimasi",
        "apakah_dapat_diakses_umum",
      ])
        expect(m[field], field).toBeTruthy();
      expect(m.frekuensi).toBe("Tahunan");
      expect(m.level_estimasi).toEqual(["Kabupaten", "Kecamatan", "Desa/Kelurahan"]);
      // Paser Pasal 6 (1) sets the stunting target per year: the period's year's row is cited.
      expect(m.rujukan_katalog.map((r: { sumber: string }) => r.sumber).join(" ")).toContain(
        "Pasal 6 ayat (1)",
      );
    });

    it("is a 404 outside the caller's region and a 400 for an unknown dataset", async () => {
      const api = await testApi(db());
      const other = await api.request("tpps.kuaro", {
        method: "GET",
        url: `/api/satu-data/export?region=64.01.03&period=${MONTH}&dataset=prevalensi-stunting`,
      });
      expect(other.statusCode).toBe(404);
      const bad = await api.request("tpps.paser", {
        method: "GET",
        url: `/api/satu-data/export?region=64.01&period=${MONTH}&dataset=rahasia`,
      });
      expect(bad.statusCode).toBe(400);
      const anonymous = await api.request(null, {
        method: "GET",
        url: `/api/satu-data/export?region=64.01&period=${MONTH}&dataset=prevalensi-stunting`,
      });
      expect(anonymous.statusCode).toBe(401);
    });
  },
  {
    once: true,
    seed: async (db) => void (await ensureDemo(db.kysely, { children: 400, desa: DESA, log: () => {} })),
  },
);
