import { resetClock, setClock } from "@tumbuh/core";
import { afterEach, beforeEach, expect, it } from "vitest";
import { ensureDemo } from "../../demo/demo";
import { testApi } from "../../testing/api";
import { describeEachDialect } from "../../testing/dialects";

const DESA = "64.01.05.2003";

describeEachDialect(
  "the midwife's list of pregnant women",
  (db) => {
    let api: Awaited<ReturnType<typeof testApi>>;
    const post = async (as: string, url: string, payload: object) => {
      const res = await api.request(as, { method: "POST", url, payload });
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json();
    };
    beforeEach(async () => {
      setClock("2026-06-29T03:00:00Z");
      api = await testApi(db());
    });
    afterEach(async () => {
      resetClock();
      await api.app.close();
    });

    const woman = async (name: string, birthDate: string, regionCode = `${DESA}.P01`) =>
      (await post("bidan.sandeley", "/api/persons", { regionCode, name, sex: 2, birthDate })).person
        .id as string;

    it("lists each ongoing pregnancy with its week, trimester, ANC, TTD and risk signals, soonest HPL first", async () => {
      const sari = await woman("Sari Wulandari", "1999-03-02");
      const dewi = await woman("Dewi Lestari", "2004-11-20", `${DESA}.P02`);
      const ended = await woman("Rina Ended", "1995-01-01");
      // Sari: 30 weeks + 2 days on 29 June 2026, KEK (LILA 22 cm), two ANC visits (T1, T2), TTD in two months
      await post("bidan.sandeley", "/api/pregnancies", {
        personId: sari,
        lmpDate: "2025-11-28",
        gravida: 2,
        muacCm: 22,
        hbGdl: 11.5,
        highRisk: false,
      });
      // Dewi: 8 weeks, anaemic, marked high-risk by the midwife
      await post("bidan.sandeley", "/api/pregnancies", {
        personId: dewi,
        lmpDate: "2026-05-04",
        gravida: 1,
        hbGdl: 10.2,
        highRisk: true,
        highRiskNote: "Preeklamsia pada kehamilan lalu",
      });
      const gone = await post("bidan.sandeley", "/api/pregnancies", {
        personId: ended,
        lmpDate: "2025-09-01",
        gravida: 3,
        highRisk: false,
      });
      await post("bidan.sandeley", `/api/pregnancies/${gone.id}/end`, {
        endedOn: "2026-06-01",
        outcome: "lahir_hidup",
      });
      for (const [service, givenOn] of [
        ["anc", "2026-01-20"],
        ["anc", "2026-04-02"],
        ["ttd", "2026-04-02"],
        ["ttd", "2026-04-20"],
        ["ttd", "2026-05-15"],
      ] as const) {
        await post("bidan.sandeley", "/api/service-records", { personId: sari, service, givenOn });
      }
      // a visit corrected away does not count
      const wrong = await post("bidan.sandeley", "/api/service-records", {
        personId: sari,
        service: "anc",
        givenOn: "2026-06-01",
      });
      await post("bidan.sandeley", "/api/service-records", {
        personId: sari,
        service: "anc",
        givenOn: "2026-06-01",
        received: false,
        supersedes: wrong.id,
      });

      const res = await api.request("bidan.sandeley", {
        method: "GET",
        url: `/api/regions/${DESA}/pregnant-women`,
      });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.asOf).toBe("2026-06-29");
      const mine = body.women.filter((w: { name: string }) =>
        ["Sari Wulandari", "Dewi Lestari", "Rina Ended"].includes(w.name),
      );
      expect(mine.map((w: { name: string }) => w.name)).toEqual(["Sari Wulandari", "Dewi Lestari"]);
      const [s, d] = mine;
      expect(s).toMatchObject({
        placeName: "Posyandu Melati",
        ageYears: 27,
        eddDate: "2026-09-04",
        weeks: 30,
        days: 3,
        trimester: 3,
        daysToEdd: 67,
        ancVisits: 2,
        ancByTrimester: [1, 1, 0],
        ancMissing: 0,
        lastAncOn: "2026-04-02",
        ttdMonths: 2,
        lastTtdOn: "2026-05-15",
        kek: true,
        anaemia: false,
        highRisk: false,
      });
      expect(d).toMatchObject({
        placeName: "Posyandu Mawar",
        weeks: 8,
        trimester: 1,
        ancVisits: 0,
        anaemia: true,
        highRisk: true,
        highRiskNote: "Preeklamsia pada kehamilan lalu",
      });
      // A woman who moved away (or died) is not on the list from that day (core presentOn, issue 17).
      const left = await api.request("bidan.sandeley", {
        method: "POST",
        url: `/api/persons/${dewi}/leave`,
        payload: { leftOn: "2026-06-20", reason: "moved" },
      });
      expect(left.statusCode, left.body).toBe(200);
      const after = (
        await api.request("bidan.sandeley", { method: "GET", url: `/api/regions/${DESA}/pregnant-women` })
      ).json();
      expect(after.women.map((w: { name: string }) => w.name)).toContain("Sari Wulandari");
      expect(after.women.map((w: { name: string }) => w.name)).not.toContain("Dewi Lestari");
      // sorted by the expected date across the whole list
      const edds = body.women.map((w: { eddDate: string }) => w.eddDate);
      expect(edds).toEqual([...edds].sort());
    });

    it("a region outside the caller's scope is not found", async () => {
      const res = await api.request("bidan.sandeley", {
        method: "GET",
        url: "/api/regions/64.01.06/pregnant-women",
      });
      expect(res.statusCode).toBe(404);
      const kader = await api.request("kader.melati", {
        method: "GET",
        url: `/api/regions/${DESA}/pregnant-women`,
      });
      expect(kader.statusCode).toBe(404);
    });
  },
  { seed: async (db) => void (await ensureDemo(db.kysely, { children: 0 })) },
);
