import type { ReportList, ReportView } from "@tumbuh/core";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, expect, it } from "vitest";
import { ensureDemo } from "../../demo/demo";
import { testApi } from "../../testing/api";
import { describeEachDialect } from "../../testing/dialects";
import { pdfText } from "../../testing/pdf";

const SANDELEY = "64.01.05.2003";
const KUARO = "64.01.05";
const SIGNED = [
  { position: "Wali Desa", name: "H. Abdul Karim" },
  { position: "Kader Pembangunan Manusia (KPM)", name: "Siti Rahmah" },
];

describeEachDialect(
  "reports through the API",
  (db) => {
    let api: Awaited<ReturnType<typeof testApi>>;
    beforeEach(async () => {
      api = await testApi(db());
    });
    afterEach(async () => api.app.close());

    type Method = "GET" | "POST" | "PATCH";
    const req = (as: string, method: Method, url: string, payload?: object) =>
      api.request(as, { method, url, ...(payload ? { payload } : {}) });
    const ok = async <T = ReportView>(p: ReturnType<typeof req>): Promise<T> => {
      const r = await p;
      expect(r.statusCode, r.body).toBeLessThan(300);
      return r.json() as T;
    };
    const audited = async () =>
      (
        await db()
          .kysely.selectFrom("audit_log")
          .select("action")
          .where("action", "like", "report.%")
          .orderBy("id")
          .execute()
      ).map((r) => r.action);
    const draftYearly = () =>
      ok(
        req("desa.sandeley", "POST", "/api/reports", {
          kind: "desa_yearly",
          regionCode: SANDELEY,
          period: "2025",
        }),
      );
    const issue = async (id: string) => {
      const issued = await ok<ReportView & { jobId: string }>(
        req("desa.sandeley", "POST", `/api/reports/${id}/issue`, {}),
      );
      await api.jobs.idle();
      return issued;
    };

    it("goes from the desa to the kecamatan: issued, acknowledged, corrected as version 2, version 1 still readable", async () => {
      const draft = await draftYearly();
      expect(draft).toMatchObject({ version: 1, status: "draft", recipientCode: KUARO, dueOn: "2026-01-31" });
      expect(draft.figures.sections.map((s) => s.code)).toEqual([
        "targets_1000hpk",
        "scorecard",
        "tika",
        "budget",
        "indicators",
      ]);
      // Opening it again gives the same draft.
      expect((await draftYearly()).id).toBe(draft.id);
      // A draft is not in the kecamatan's inbox yet (the kecamatan may read the desa's data, so it may open it).
      expect((await ok<ReportList>(req("tpps.kuaro", "GET", `/api/reports?region=${KUARO}`))).inbox).toEqual(
        [],
      );
      expect(
        (await req("tpps.kuaro", "POST", `/api/reports/${draft.id}/acknowledge`, {})).json().error.code,
      ).toBe("report_state");

      // Unsigned: refused, nothing lost.
      const refused = await req("desa.sandeley", "POST", `/api/reports/${draft.id}/issue`, {});
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.field).toBe("signatures");
      await ok(
        req("desa.sandeley", "PATCH", `/api/reports/${draft.id}`, {
          narrative: {
            findings: "Cakupan pengukuran panjang badan rendah di Dusun II.",
            follow_up: "Kelas ibu balita.",
          },
          signatures: SIGNED,
        }),
      );
      const v1 = await issue(draft.id);
      expect(v1).toMatchObject({ status: "issued", version: 1 });
      expect(v1.jobId).toBeTruthy();

      // The kecamatan's inbox and due list show it received.
      const list = await ok<ReportList>(req("tpps.kuaro", "GET", `/api/reports?region=${KUARO}`));
      expect(list.inbox.map((r) => [r.id, r.status, r.documents])).toEqual([[draft.id, "issued", true]]);
      const due = list.due.find(
        (d) => d.kind === "desa_yearly" && d.regionCode === SANDELEY && d.period === "2025",
      );
      expect(due?.state).toBe("received");
      expect(list.due.some((d) => d.regionCode !== SANDELEY && d.state === "overdue")).toBe(true);

      // The desa cannot acknowledge its own report; the kecamatan can, once.
      expect(
        (await req("desa.sandeley", "POST", `/api/reports/${draft.id}/acknowledge`, {})).statusCode,
      ).toBe(403);
      const seen = await ok(
        req("tpps.kuaro", "POST", `/api/reports/${draft.id}/acknowledge`, { note: "Diterima." }),
      );
      expect(seen).toMatchObject({ status: "acknowledged", acknowledgeNote: "Diterima." });
      expect(
        (await req("tpps.kuaro", "POST", `/api/reports/${draft.id}/acknowledge`, {})).json().error.code,
      ).toBe("report_state");

      // Issued figures are frozen: an edit is refused.
      const frozen = await req("desa.sandeley", "PATCH", `/api/reports/${draft.id}`, { refresh: true });
      expect(frozen.json().error.code).toBe("report_state");

      // Correction: version 2 is a new draft with the same narrative; version 1 stays as issued.
      const v2 = await ok(req("desa.sandeley", "POST", `/api/reports/${draft.id}/correct`, {}));
      expect(v2).toMatchObject({
        version: 2,
        status: "draft",
        narrative: { follow_up: "Kelas ibu balita." },
      });
      expect(v2.versions.map((v) => [v.version, v.status, v.superseded])).toEqual([
        [1, "acknowledged", true],
        [2, "draft", false],
      ]);
      await ok(
        req("desa.sandeley", "PATCH", `/api/reports/${v2.id}`, {
          narrative: { findings: "Koreksi: angka ibu hamil KEK diperbaiki." },
        }),
      );
      await issue(v2.id);
      const old = await ok(req("tpps.kuaro", "GET", `/api/reports/${draft.id}`));
      expect(old).toMatchObject({ version: 1, status: "acknowledged", superseded: true });
      expect(old.narrative.findings).toBe("Cakupan pengukuran panjang badan rendah di Dusun II.");
      expect(old.can.correct).toBe(false);

      // Both versions' documents download as rendered when issued.
      const pdf1 = await req("tpps.kuaro", "GET", `/api/reports/${draft.id}/report.pdf`);
      expect(pdf1.statusCode).toBe(200);
      const text1 = pdfText(pdf1.rawPayload).replace(/\s+/g, " ");
      expect(text1).toContain("Versi 1");
      expect(text1).toContain("Cakupan pengukuran panjang badan rendah di Dusun II.");
      expect(text1).toContain("H. Abdul Karim");
      const text2 = pdfText((await req("tpps.kuaro", "GET", `/api/reports/${v2.id}/report.pdf`)).rawPayload);
      expect(text2.replace(/\s+/g, " ")).toContain("Koreksi: angka ibu hamil KEK diperbaiki.");
      const xlsx = await req("desa.sandeley", "GET", `/api/reports/${v2.id}/report.xlsx`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      expect(wb.worksheets[0]?.getCell("A1").value).toBe(
        "Laporan Tahunan Konvergensi Pencegahan Stunting Desa",
      );
      expect(wb.worksheets).toHaveLength(6);

      expect(await audited()).toEqual([
        "report.create",
        "report.update",
        "report.issue",
        "report.acknowledge",
        "report.correct",
        "report.update",
        "report.issue",
        "report.download",
        "report.download",
        "report.download",
      ]);
    });

    it("refuses a kind at the wrong level or period, and other regions' reports", async () => {
      const wrong = await req("desa.sandeley", "POST", "/api/reports", {
        kind: "kecamatan_monev",
        regionCode: SANDELEY,
        period: "2025-S1",
      });
      expect(wrong.json().error).toMatchObject({ code: "validation", field: "kind" });
      const period = await req("desa.sandeley", "POST", "/api/reports", {
        kind: "desa_yearly",
        regionCode: SANDELEY,
        period: "2025-S1",
      });
      expect(period.json().error).toMatchObject({ code: "validation", field: "period" });
      const foreign = await req("desa.sandeley", "POST", "/api/reports", {
        kind: "desa_yearly",
        regionCode: "64.01.05.2001",
        period: "2025",
      });
      expect(foreign.statusCode).toBe(404);
      // A kecamatan team may read the desa but does not write the desa's report.
      const notTheirs = await req("tpps.kuaro", "POST", "/api/reports", {
        kind: "desa_yearly",
        regionCode: SANDELEY,
        period: "2025",
      });
      expect(notTheirs.statusCode).toBe(403);
      const draft = await draftYearly();
      expect(
        (await req("desa.sandeley", "GET", `/api/reports/${draft.id}/report.pdf`)).json().error.code,
      ).toBe("report_state");
    });
  },
  { seed: async (db) => void (await ensureDemo(db.kysely, { children: 0 })) },
);
