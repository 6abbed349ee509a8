import ExcelJS from "exceljs";
import { afterEach, beforeEach, expect, it } from "vitest";
import type { Db } from "../../db/database";
import { ensureDemo } from "../../demo/demo";
import { testApi } from "../../testing/api";
import { describeEachDialect } from "../../testing/dialects";
import { pdfText, pdfToPngs } from "../../testing/pdf";
import { seedHandDesa } from "../services/fixture-desa";

/*
 * Desa Sandeley, September 2025, counted by hand (the services fixture plus two children):
 *   P01: Andi (8 months; 8.1 kg in Jul, Aug and Sep: flat → B, T, T = 2T) · Citra (40 months, never weighed)
 *        · Eko (18 months; 9.0 kg in Aug, 9.2 kg in Sep: +200 g ≥ KBM 200 g → N)
 *   P02: Bunga (1 month; first weighing 20 Sep → B) · Dedi (31 months, never weighed)
 *        · Fani (20 months; first weighing 5 Sep at 6.0 kg: BB/U below −3 SD → B and BGM)
 *   P01: S 3, K 2, D 2, N 1, T 1, 2T 1.   P02: S 3, K 2, D 2, B 2, BGM 1.
 *   Desa: S 6, K 4, D 4, N 1, T 1, O 0, B 2, 2T 1, BGM 1; K/S 66.7 %, D/S 66.7 %, N/D 25 %.
 */
async function seed(db: Db): Promise<void> {
  await ensureDemo(db.kysely, { children: 0 });
  const api = await testApi(db);
  const request = (as: string, opts: Parameters<typeof api.request>[1]) => api.request(as, opts);
  await seedHandDesa(db, request);
  const post = async (url: string, payload: object) => {
    const res = await api.request("kpm.sandeley", { method: "POST", url, payload });
    if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json() as { person: { id: string } };
  };
  const child = async (name: string, sex: 1 | 2, birthDate: string, regionCode: string) =>
    (await post("/api/persons", { regionCode, name, sex, birthDate })).person.id;
  const eko = await child("Eko Prasetyo", 1, "2024-03-01", "64.01.05.2003.P01");
  const fani = await child("Fani Rahma", 2, "2024-01-01", "64.01.05.2003.P02");
  await post("/api/measurements", { personId: eko, measuredOn: "2025-08-10", weightKg: 9.0 });
  await post("/api/measurements", { personId: eko, measuredOn: "2025-09-10", weightKg: 9.2 });
  await post("/api/measurements", { personId: fani, measuredOn: "2025-09-05", weightKg: 6.0 });
  await api.app.close();
}

describeEachDialect(
  "the SKDN monthly report",
  (db) => {
    let api: Awaited<ReturnType<typeof testApi>>;
    const get = (as: string, url: string) => api.request(as, { method: "GET", url });
    beforeEach(async () => {
      api = await testApi(db());
    });
    afterEach(async () => api.app.close());

    it("counts S, K, D, N, T, 2T, O, B and BGM per posyandu and for the desa, as counted by hand", async () => {
      const res = await get("kpm.sandeley", "/api/regions/64.01.05.2003/skdn?month=2025-09");
      expect(res.statusCode, res.body).toBe(200);
      const view = res.json();
      const byCode = Object.fromEntries(
        view.rows.map((r: { code: string; figures: object }) => [r.code, r.figures]),
      );
      expect(byCode["64.01.05.2003.P01"]).toMatchObject({
        s: 3,
        k: 2,
        d: 2,
        n: 1,
        t: 1,
        twoT: 1,
        o: 0,
        b: 0,
        bgm: 0,
      });
      expect(byCode["64.01.05.2003.P02"]).toMatchObject({ s: 3, k: 2, d: 2, n: 0, t: 0, b: 2, bgm: 1 });
      expect(view.total).toMatchObject({ s: 6, k: 4, d: 4, n: 1, t: 1, o: 0, b: 2, twoT: 1, bgm: 1, nd: 25 });
      expect(view.total.ks).toBeCloseTo(66.667, 2);
      expect(view.total.ds).toBeCloseTo(66.667, 2);
      // A posyandu alone: its own row; the kecamatan: one row per desa with the same totals.
      const p01 = (await get("kader.melati", "/api/regions/64.01.05.2003.P01/skdn?month=2025-09")).json();
      expect(p01.total).toMatchObject({ s: 3, d: 2, n: 1 });
      const kec = (await get("tpps.kuaro", "/api/regions/64.01.05/skdn?month=2025-09")).json();
      expect(kec.rows.find((r: { code: string }) => r.code === "64.01.05.2003").figures).toMatchObject({
        s: 6,
        d: 4,
      });
    });

    it("an earlier month counts what was known then; a bad month is a 400; another desa is a 404", async () => {
      const aug = (await get("kpm.sandeley", "/api/regions/64.01.05.2003/skdn?month=2025-08")).json();
      // August: Andi T (flat), Eko B; Bunga born 10 Aug is counted but not weighed yet.
      expect(aug.total).toMatchObject({ d: 2, t: 1, b: 1, n: 0 });
      expect((await get("kpm.sandeley", "/api/regions/64.01.05.2003/skdn?month=2025-13")).statusCode).toBe(
        400,
      );
      expect((await get("kpm.sandeley", "/api/regions/64.01.05.2004/skdn?month=2025-09")).statusCode).toBe(
        404,
      );
    });

    it("the XLSX speaks the user's language (tumbuh_lang cookie): headers, total, title and note", async () => {
      const url = "/api/regions/64.01.05.2003/skdn/export?month=2025-09&format=xlsx";
      const sheet = async (lang: "id" | "en") => {
        const res = await api.request("kpm.sandeley", { method: "GET", url, cookies: { tumbuh_lang: lang } });
        expect(res.statusCode).toBe(200);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
        const ws = wb.getWorksheet("SKDN");
        if (!ws) throw new Error("no SKDN sheet");
        const cells: string[] = [];
        ws.eachRow((row) => {
          for (const v of (row.values as unknown[]).slice(1)) if (typeof v === "string") cells.push(v);
        });
        return { ws, cells, name: res.headers["content-disposition"] };
      };
      const en = await sheet("en");
      expect(en.ws.getRow(1).getCell(1).value).toBe("SKDN report — Sandeley — September 2025");
      expect(en.ws.getRow(3).getCell(1).value).toBe("Area");
      expect(en.cells).toContain("Total");
      expect(en.cells.some((c) => c.startsWith("S: children under five registered"))).toBe(true);
      for (const word of ["Wilayah", "Jumlah", "Laporan", "balita terdaftar"])
        expect(en.cells.join(" ")).not.toContain(word);
      expect(en.name).toContain("skdn-desa-sandeley-september-2025.xlsx");
      const id = await sheet("id");
      expect(id.ws.getRow(3).getCell(1).value).toBe("Wilayah");
      expect(id.cells).toContain("Jumlah");
    });

    it("the XLSX and the PDF carry the same figures, and each download is audited", async () => {
      const x = await get("kpm.sandeley", "/api/regions/64.01.05.2003/skdn/export?month=2025-09&format=xlsx");
      expect(x.statusCode).toBe(200);
      expect(x.headers["content-disposition"]).toContain("skdn-desa-sandeley-september-2025.xlsx");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
      const ws = wb.getWorksheet("SKDN");
      if (!ws) throw new Error("no SKDN sheet");
      expect(ws.getRow(1).getCell(1).value).toBe("Laporan SKDN — Sandeley — September 2025");
      expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual([
        "Wilayah",
        "S",
        "K",
        "D",
        "N",
        "T",
        "2T",
        "O",
        "B",
        "BGM",
        "K/S",
        "D/S",
        "N/D",
      ]);
      const total = ws.getRows(4, 10)?.find((r) => r.getCell(1).value === "Jumlah");
      if (!total) throw new Error("no total row");
      expect((total.values as unknown[]).slice(2)).toEqual([6, 4, 4, 1, 1, 1, 0, 2, 1, 66.7, 66.7, 25]);

      const p = await get("desa.sandeley", "/api/regions/64.01.05.2003/skdn/export?month=2025-09&format=pdf");
      expect(p.statusCode).toBe(200);
      const text = pdfText(p.rawPayload);
      expect(text).toContain("Laporan Bulanan Penimbangan Balita (SKDN)");
      expect(text).toContain("Sandeley — September 2025");
      expect(text).toMatch(/Jumlah\s+6\s+4\s+4\s+1\s+1\s+1\s+0\s+2\s+1\s+66,7%\s+66,7%\s+25%/);
      pdfToPngs(p.rawPayload, "skdn-sandeley-2025-09");
      const audit = await db()
        .kysely.selectFrom("audit_log")
        .select(["action", "after_json"])
        .where("action", "=", "skdn.export")
        .execute();
      expect(audit.map((a) => JSON.parse(a.after_json ?? "{}").format).sort()).toEqual(["pdf", "xlsx"]);
    });
  },
  { seed },
);
