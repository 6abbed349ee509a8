import { type InboxItem, resetClock, setClock } from "@tumbuh/core";
import { afterEach, beforeEach, expect, it } from "vitest";
import { ensureDemo } from "../../demo/demo";
import { testApi } from "../../testing/api";
import { describeEachDialect } from "../../testing/dialects";

const SANDELEY = "64.01.05.2003";
const KUARO = "64.01.05";

describeEachDialect(
  "reports due in the inbox",
  (db) => {
    let api: Awaited<ReturnType<typeof testApi>>;
    beforeEach(async () => {
      // 20 June: April's monthly report was due 10 May, May's on 10 June — both overdue; Q1's meeting
      // was due 15 April; nothing of the year 2026 is due yet.
      setClock("2026-06-20T03:00:00Z");
      api = await testApi(db());
    });
    afterEach(async () => {
      resetClock();
      await api.app.close();
    });
    const call = async (as: string, method: "GET" | "POST" | "PATCH", url: string, payload?: object) => {
      const res = await api.request(as, { method, url, ...(payload ? { payload } : {}) });
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json();
    };
    const inbox = async (as: string): Promise<InboxItem[]> => (await call(as, "GET", "/api/inbox")).items;
    const item = (items: InboxItem[], kind: string, report: string) =>
      items.find((i) => i.kind === kind && i.params.kind === report);
    async function issueMonthly(period: string) {
      const draft = await call("desa.sandeley", "POST", "/api/reports", {
        kind: "desa_monthly",
        regionCode: SANDELEY,
        period,
      });
      await call("desa.sandeley", "PATCH", `/api/reports/${draft.id}`, {
        signatures: [
          { position: "Kader Pembangunan Manusia (KPM)", name: "Siti Rahmah" },
          { position: "Wali Desa", name: "H. Abdul Karim" },
        ],
      });
      await call("desa.sandeley", "POST", `/api/reports/${draft.id}/issue`, {});
      await api.jobs.idle();
    }

    it("tells the desa what it owes and the kecamatan which desa have not sent theirs, until they are issued", async () => {
      const desa = await inbox("desa.sandeley");
      expect(item(desa, "report_due", "desa_monthly")).toMatchObject({
        id: `report_due:${SANDELEY}:desa_monthly`,
        regionName: "Sandeley",
        count: 2,
        // the oldest owed comes first: April, overdue since 10 May
        params: { period: "2026-04", dueOn: "2026-05-10", state: "overdue" },
      });
      expect(item(desa, "report_due", "desa_quarterly_meeting")?.params).toMatchObject({
        period: "2025-Q4",
        state: "overdue",
      });
      // The KPM of the same desa is told the same; the kecamatan does not write desa reports.
      expect(item(await inbox("kpm.sandeley"), "report_due", "desa_monthly")?.count).toBe(2);

      const kec = await inbox("tpps.kuaro");
      const desaInKuaro = await db()
        .kysely.selectFrom("regions")
        .select("code")
        .where("parent_code", "=", KUARO)
        .where("level", "=", "desa")
        .execute();
      expect(item(kec, "report_missing", "desa_monthly")).toMatchObject({
        regionCode: KUARO,
        count: desaInKuaro.length,
        params: { period: "2026-05", dueOn: "2026-06-10", reports: 2 * desaInKuaro.length },
      });
      expect(item(kec, "report_due", "desa_monthly")).toBeUndefined();
      // its own semester M&E reports of 2025-S1 and 2025-S2 (due 30 January) were never issued
      expect(item(kec, "report_due", "kecamatan_monev")).toMatchObject({
        count: 2,
        params: { period: "2025-S1", state: "overdue" },
      });
      // the regency's TPPS is told about the kecamatan, not about each desa
      const regency = await inbox("tpps.paser");
      expect(item(regency, "report_missing", "kecamatan_monev")).toBeDefined();
      expect(item(regency, "report_missing", "desa_monthly")).toBeUndefined();
      // a read-only viewer owes nothing and follows nobody up
      expect((await inbox("peninjau")).filter((i) => i.kind.startsWith("report_"))).toEqual([]);

      await issueMonthly("2026-04");
      expect(item(await inbox("desa.sandeley"), "report_due", "desa_monthly")).toMatchObject({
        count: 1,
        params: { period: "2026-05", state: "overdue" },
      });
      await issueMonthly("2026-05");
      expect(item(await inbox("desa.sandeley"), "report_due", "desa_monthly")).toBeUndefined();
      // Sandeley sent both: one desa fewer on the kecamatan's line
      expect(item(await inbox("tpps.kuaro"), "report_missing", "desa_monthly")).toMatchObject({
        count: desaInKuaro.length - 1,
        params: { reports: 2 * (desaInKuaro.length - 1) },
      });
    });
  },
  { seed: async (db) => void (await ensureDemo(db.kysely, { children: 0 })) },
);
