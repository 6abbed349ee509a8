import { todayIso } from "@tumbuh/core";
import { afterEach, beforeEach, expect, it } from "vitest";
import { ensureDemo } from "../../demo/demo";
import { testApi } from "../../testing/api";
import { describeEachDialect } from "../../testing/dialects";

// The posyandu day's "Rujuk" records a referral as a service record ("rujukan", the reasons in the note).
describeEachDialect(
  "a referral from the posyandu day",
  (db) => {
    let api: Awaited<ReturnType<typeof testApi>>;
    beforeEach(async () => {
      api = await testApi(db());
    });
    afterEach(async () => api.app.close());

    it("the kader records it for a child of the posyandu; audited; the viewer may not", async () => {
      const child = await api.request("kader.melati", {
        method: "POST",
        url: "/api/persons",
        payload: { regionCode: "64.01.05.2003.P01", name: "Budi", sex: 1, birthDate: "2025-03-01" },
      });
      const personId = child.json().person.id as string;
      const referral = {
        personId,
        service: "rujukan",
        givenOn: todayIso(),
        note: "Dirujuk dari posyandu: berat badan tidak naik 2 kali (2T)",
      };
      const res = await api.request("kader.melati", {
        method: "POST",
        url: "/api/service-records",
        payload: referral,
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({
        service: "rujukan",
        note: referral.note,
        regionCode: "64.01.05.2003.P01",
      });
      const audit = await db()
        .kysely.selectFrom("audit_log")
        .select("entity")
        .where("entity_id", "=", res.json().id)
        .execute();
      expect(audit).toEqual([{ entity: "service_record" }]);
      const viewer = await api.request("peninjau", {
        method: "POST",
        url: "/api/service-records",
        payload: referral,
      });
      expect(viewer.statusCode).toBe(403);
    });
  },
  { seed: async (db) => void (await ensureDemo(db.kysely, { children: 0 })) },
);
