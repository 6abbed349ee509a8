import { servicesApi } from "@tumbuh/core";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/database";
import { ensureDemo } from "../../demo/demo";
import { testApi } from "../../testing/api";
import { describeEachDialect } from "../../testing/dialects";
import { pdfText, pdfToPngs } from "../../testing/pdf";
import { uuidv7 } from "../../util/ids";
import { seedHandDesa } from "./fixture-desa";

/*
 * Desa Sandeley, September 2025, by hand (rules in core/services/rules.ts):
 *
 * Wati, pregnant (LMP 1 Mar 2025, day 213 on 30 Sep; KEK), household 1 (water not layak, latrine layak):
 *   ANC T (Paser follows 6 contacts, Permenkes 21/2021: T2 ended 13 Sep with one visit of the 2 due)
 *   TTD Y (tablets this month) · nifas TS (not delivered) · counselling T (2 due by the end of T2, none)
 *   home visit Y (KEK) · water T · latrine Y · JKN Y                                          → Y4 T3 TS1
 * Andi, 8 months, household 2 (water layak, latrine not), measured well-nourished:
 *   immunisation T (only HB-0 and BCG; 8 antigens due) · weighing Y (September) · length Y
 *   counselling Y (the correction) · home visit TS (not gizi buruk/kurang or stunted, BUKU) · water Y
 *   latrine T · birth certificate Y · JKN T · parenting T                                     → Y5 T4 TS1
 * Bunga, 1 month, no household:
 *   immunisation Y (HB-0) · weighing Y · length Y (birth length) · counselling T · home visit TS (no
 *   nutrition status: weight only) · water T · latrine T · birth certificate TS (51 days) · JKN T
 *   parenting T                                                                               → Y3 T5 TS2
 * Citra, 40 months: PAUD Y.  Dedi, 31 months: PAUD T.
 *
 * Pregnant: 4 / 7 = 57.1 %; 0–23 months: 8 / 17 = 47.1 %; 2–6 years: 1 / 2 = 50 %; overall 13 / 26 = 50 %.
 */
let ids: Awaited<ReturnType<typeof seedHandDesa>>;

/** The demo and the hand-computed desa (the same ids in every test's copy of the seeded database). */
async function seed(db: Db): Promise<void> {
  await ensureDemo(db.kysely, { children: 0 });
  const api = await testApi(db);
  ids = await seedHandDesa(db, (as, opts) => api.request(as, opts));
  await api.app.close();
}

describeEachDialect(
  "services and the convergence scorecard",
  (db) => {
    let api: Awaited<ReturnType<typeof testApi>>;
    const get = (as: string, url: string) => api.request(as, { method: "GET", url });

    // Each test has its own copy of the seeded database and its own app on it.
    beforeEach(async () => {
      api = await testApi(db());
    });
    afterEach(async () => api.app.close());

    it("scores the desa month as computed by hand", async () => {
      const res = await get("kpm.sandeley", "/api/regions/64.01.05.2003/scorecard?period=2025-09");
      expect(res.statusCode, res.body).toBe(200);
      const card = res.json();
      const row = (id: string) => card.rows.find((r: { personId: string }) => r.personId === id);
      // Paser follows 6 ANC contacts (Permenkes 21/2021): one T2 visit (5 Jul) when T2 ended 13 Sept is T.
      // Counselling: none by the end of T2 where 2 are due (BUKU "minimal 4 kali", paced).
      expect(row(ids.wati).cells).toEqual({
        bumil_anc: ["T"],
        bumil_ttd: ["Y"],
        bumil_nifas: ["TS"],
        bumil_konseling: ["T"],
        bumil_kunjungan: ["Y"],
        bumil_air: ["T"],
        bumil_jamban: ["Y"],
        bumil_jkn: ["Y"],
      });
      expect(row(ids.andi).cells).toEqual({
        anak_imunisasi: ["T"],
        anak_timbang: ["Y"],
        anak_ukur: ["Y"],
        anak_konseling: ["Y"],
        anak_kunjungan: ["TS"], // measured well-nourished: not a home-visit target (BUKU)
        anak_air: ["Y"],
        anak_jamban: ["T"],
        anak_akta: ["Y"],
        anak_jkn: ["T"],
        anak_pengasuhan: ["T"],
      });
      expect(row(ids.bunga)).toMatchObject({ y: 3, t: 5, ts: 2 });
      expect(row(ids.bunga).cells.anak_akta).toEqual(["TS"]);
      expect(row(ids.citra).cells).toEqual({ paud: ["Y"] });
      expect(row(ids.dedi).cells).toEqual({ paud: ["T"] });
      const g = Object.fromEntries(card.totals.groups.map((x: { group: string }) => [x.group, x]));
      expect(g.ibu_hamil).toMatchObject({ targets: 1, y: 4, t: 3, ts: 1 });
      expect(g.ibu_hamil.percent).toBeCloseTo(57.1429, 3);
      expect(g.anak_0_23).toMatchObject({ targets: 2, y: 8, t: 9, ts: 3 });
      expect(g.anak_0_23.percent).toBeCloseTo(47.0588, 3);
      expect(g.anak_0_23.indicators.anak_akta).toEqual({ y: 1, t: 0, ts: 1, percent: 100 });
      expect(g.anak_2_6).toMatchObject({ targets: 2, y: 1, t: 1, ts: 0, percent: 50 });
      expect(card.totals).toMatchObject({ targets: 5, y: 13, t: 13, ts: 4, percent: 50 });
      // Per posyandu (and the woman registered at the desa itself).
      expect(
        card.areas.map((a: { code: string; totals: { targets: number } }) => [a.code, a.totals.targets]),
      ).toEqual([
        ["64.01.05.2003", 1],
        ["64.01.05.2003.P01", 2],
        ["64.01.05.2003.P02", 2],
      ]);
    });

    it("a quarter uses all three months", async () => {
      const card = (await get("kpm.sandeley", "/api/regions/64.01.05.2003/scorecard?period=2025-Q3")).json();
      expect(card.months).toEqual(["2025-07", "2025-08", "2025-09"]);
      const andi = card.rows.find((r: { personId: string }) => r.personId === ids.andi);
      expect(andi.cells.anak_timbang).toEqual(["Y", "Y", "Y"]); // weighed in each month (BUKU: every month)
      const bunga = card.rows.find((r: { personId: string }) => r.personId === ids.bunga);
      expect(bunga.cells.anak_timbang).toEqual([null, "TS", "Y"]); // born 10 August
      // Cells: Wati 8×3, Andi 10×3, Bunga 10×2, Citra and Dedi 1×3 each.
      expect(card.totals.y + card.totals.t + card.totals.ts).toBe(80);
    });

    it("a tapped cell explains itself: what was due, by when, what was recorded, the rule and its source", async () => {
      const res = await get(
        "kpm.sandeley",
        `/api/regions/64.01.05.2003/scorecard/cell?period=2025-09&person=${ids.wati}&indicator=bumil_anc`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const cell = res.json();
      expect(cell).toMatchObject({ name: "Wati Lestari", indicator: { code: "bumil_anc" } });
      const [sept] = cell.months;
      expect(sept.cell).toBe("T");
      expect(sept.rule.id).toContain("minimal 6 kali");
      expect(sept.source).toContain("Permenkes 21/2021");
      // T1 (1 visit by 31 May) met; T2 (2 visits by 12 Sept) not: one on 5 July.
      expect(sept.due.slice(0, 2)).toEqual([
        { label: { id: "1× di trimester I", en: "1× in T1" }, by: "2025-05-30", met: true },
        { label: { id: "2× di trimester II", en: "2× in T2" }, by: "2025-09-12", met: false },
      ]);
      expect(sept.recorded.map((r: { on: string }) => r.on)).toEqual(["2025-04-10", "2025-07-05"]);
      const bad = await get(
        "kpm.sandeley",
        `/api/regions/64.01.05.2003/scorecard/cell?period=2025-09&person=${ids.wati}&indicator=nope`,
      );
      expect(bad.statusCode).toBe(400);
      const other = await get(
        "kpm.sandeley",
        `/api/regions/64.01.05.2003/scorecard/cell?period=2025-09&person=${ids.dedi}&indicator=bumil_anc`,
      );
      expect(other.statusCode).toBe(200);
      expect(other.json().months[0].cell).toBeNull(); // not a pregnant woman: not in the group
    });

    it("the kecamatan and regency show per-area totals, the same figures", async () => {
      const kec = (await get("tpps.kuaro", "/api/regions/64.01.05/scorecard?period=2025-09")).json();
      expect(kec.rows).toBeNull();
      expect(kec.areas).toHaveLength(1);
      expect(kec.areas[0]).toMatchObject({
        code: "64.01.05.2003",
        name: "Sandeley",
        totals: { y: 13, t: 13 },
      });
      const reg = (await get("tpps.paser", "/api/regions/64.01/scorecard?period=2025-09")).json();
      expect(reg.totals.percent).toBe(50);
    });

    it("the desa XLSX has one row per target, a column per indicator and the hand-computed totals", async () => {
      const res = await get(
        "kpm.sandeley",
        "/api/regions/64.01.05.2003/scorecard/export?period=2025-09&format=xlsx",
      );
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-disposition"]).toContain(
        "scorecard-konvergensi-desa-sandeley-september-2025.xlsx",
      );
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const summary = wb.getWorksheet("Ringkasan");
      const total = summary?.getRows(1, 20)?.find((r) => r.getCell(1).value === "Total");
      expect([2, 3, 4, 5, 6].map((c) => total?.getCell(c).value)).toEqual([5, 13, 13, 4, 50]);
      const kids = wb.getWorksheet("Anak 0–23 bulan");
      expect(kids).toBeDefined();
      const header = kids?.getRow(2).values as unknown[];
      expect(header.slice(1, 14)).toEqual([
        "No",
        "Nama sasaran",
        "Posyandu / wilayah",
        "Imun.",
        "Timbang",
        "Ukur PB",
        "Konseling",
        "Kunj.",
        "Air",
        "Jamban",
        "Akta",
        "JKN",
        "Parenting",
      ]);
      const andi = kids?.getRow(4).values as unknown[];
      expect(andi.slice(2, 18)).toEqual([
        "Andi Saputra",
        "Posyandu Melati", // the place by name, never its code
        "T",
        "Y",
        "Y",
        "Y",
        "TS",
        "Y",
        "T",
        "Y",
        "T",
        "T",
        5,
        4,
        1,
        55.6,
      ]);
      const bunga = kids?.getRow(5).values as unknown[];
      expect(bunga[2]).toBe("Bunga Citra");
      const sumY = kids?.getRow(6).values as unknown[];
      expect(sumY[2]).toBe("Σ Y");
      expect(sumY.slice(4, 14)).toEqual([1, 2, 2, 1, 0, 1, 0, 1, 0, 0]);
      const pct = kids?.getRow(9).values as unknown[];
      expect(pct[2]).toBe("Konvergensi (%)");
      expect(pct[17]).toBe(47.1);
      const audit = await db()
        .kysely.selectFrom("audit_log")
        .select(["actor_name", "after_json"])
        .where("action", "=", "scorecard.export")
        .execute();
      expect(audit.map((a) => [a.actor_name, JSON.parse(a.after_json ?? "{}").format])).toEqual([
        ["kpm.sandeley", "xlsx"],
      ]);
    });

    it("the PDF summary for the village head carries the figures; exports are audited", async () => {
      const res = await get(
        "desa.sandeley",
        "/api/regions/64.01.05.2003/scorecard/export?period=2025-09&format=pdf",
      );
      expect(res.statusCode).toBe(200);
      const pdf = res.rawPayload;
      const text = pdfText(pdf);
      expect(text).toContain("Ringkasan Scorecard Konvergensi 1000 HPK");
      expect(text).toContain("periode September 2025");
      expect(text).not.toContain("64.01.05");
      expect(text).toMatch(/Tingkat konvergensi: 50%/);
      expect(text).toMatch(/Ibu hamil \/ nifas — 1 sasaran/);
      expect(text).toMatch(/Anak 0–23 bulan — 2 sasaran/);
      expect(text).toMatch(/47,1%/);
      pdfToPngs(pdf, "scorecard-sandeley-2025-09");
      const audit = await db()
        .kysely.selectFrom("audit_log")
        .select(["action", "after_json"])
        .where("action", "=", "scorecard.export")
        .execute();
      expect(audit.map((a) => JSON.parse(a.after_json ?? "{}").format)).toEqual(["pdf"]);
    });

    it("a replayed record id is a no-op; a second correction of the same record is refused", async () => {
      const before = await db().kysely.selectFrom("service_records").select("id").execute();
      const replay = await api.request("kpm.sandeley", {
        method: "POST",
        url: "/api/service-records",
        payload: {
          id: ids.corrected.id,
          personId: ids.andi,
          service: "konseling_gizi",
          givenOn: "2025-09-15",
        },
      });
      expect(replay.statusCode).toBe(200);
      expect(replay.json()).toMatchObject({ id: ids.corrected.id, live: true });
      const again = await api.request("kpm.sandeley", {
        method: "POST",
        url: "/api/service-records",
        payload: {
          personId: ids.andi,
          service: "konseling_gizi",
          givenOn: "2025-09-16",
          supersedes: ids.corrected.supersedes,
        },
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.field).toBe("supersedes");
      const after = await db().kysely.selectFrom("service_records").select("id").execute();
      expect(after).toHaveLength(before.length);
      const list = (await get("kpm.sandeley", `/api/persons/${ids.andi}/service-records`)).json();
      expect(list.filter((r: { live: boolean }) => !r.live)).toHaveLength(1);
    });

    it("bad input is a 400 naming the field; out of scope is 404; the viewer may not write", async () => {
      const post = (as: string, payload: object) =>
        api.request(as, { method: "POST", url: "/api/service-records", payload });
      const noAntigen = await post("bidan.sandeley", {
        personId: ids.andi,
        service: "imunisasi",
        givenOn: "2025-09-01",
      });
      expect(noAntigen.statusCode).toBe(400);
      expect(noAntigen.json().error.message).toMatch(/detail/);
      const badService = await post("bidan.sandeley", {
        personId: ids.andi,
        service: "pijat",
        givenOn: "2025-09-01",
      });
      expect(badService.statusCode).toBe(400);
      expect(badService.json().error.message).toMatch(/service/);
      const future = await post("kpm.sandeley", {
        personId: ids.andi,
        service: "paud",
        givenOn: "2999-01-01",
      });
      expect(future.statusCode).toBe(400);
      expect(future.json().error.field).toBe("givenOn");
      // Posyandu Melati's cadre cannot see Dedi (Posyandu Mawar).
      const outside = await post("kader.melati", {
        personId: ids.dedi,
        service: "paud",
        givenOn: "2025-09-01",
      });
      expect(outside.statusCode).toBe(404);
      const viewer = await post("peninjau", { personId: ids.dedi, service: "paud", givenOn: "2025-09-01" });
      expect(viewer.statusCode).toBe(403);
      const badPeriod = await get("kpm.sandeley", "/api/regions/64.01.05.2003/scorecard?period=2025-13");
      expect(badPeriod.statusCode).toBe(400);
      expect(badPeriod.json().error.message).toMatch(/period/);
      const otherDesa = await get("kpm.sandeley", "/api/regions/64.01.05.2001/scorecard?period=2025-09");
      expect(otherDesa.statusCode).toBe(404);
    });

    it("lists its endpoints in the OpenAPI document, each JSON answer with its response schema", async () => {
      const doc = (await api.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
      for (const ep of Object.values(servicesApi)) {
        const op = doc.paths[ep.path.replace(/:(\w+)/g, "{$1}")]?.[ep.method.toLowerCase()];
        expect(op?.tags, ep.path).toEqual([ep.tag]);
        const schema = op.responses[ep.status ?? 200].content["application/json"].schema;
        if (ep.kind !== "file") expect(schema.type, ep.path).toMatch(/^(object|array)$/);
      }
    });
  },
  { seed },
);

describe("service record ids", () => {
  it("are UUIDv7 from the client or the server", () => {
    expect(uuidv7()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
  });
});
