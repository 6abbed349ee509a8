import { resetClock, setClock } from "@tumbuh/core";
import { afterEach, beforeEach, expect, it } from "vitest";
import { ensureDemo } from "../../demo/demo";
import { testApi } from "../../testing/api";
import { describeEachDialect } from "../../testing/dialects";

describeEachDialect(
  "the inbox",
  (db) => {
    let api: Awaited<ReturnType<typeof testApi>>;
    beforeEach(async () => {
      setClock("2026-06-20T03:00:00Z");
      api = await testApi(db());
    });
    afterEach(async () => {
      resetClock();
      await api.app.close();
    });
    const post = async (as: string, url: string, payload: object) => {
      const res = await api.request(as, { method: "POST", url, payload });
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json();
    };
    // The reports a desa or kecamatan owes are always there (features/inbox/sources/reports-due.ts, its own
    // test below); these tests look at the other kinds.
    const inbox = async (as: string) =>
      (await api.request(as, { method: "GET", url: "/api/inbox" }))
        .json()
        .items.filter((i: { kind: string }) => !i.kind.startsWith("report_"));

    it("tells the bidan and the kader of a 2T child, and the desa and KPM of a kecamatan's review", async () => {
      expect(await inbox("bidan.sandeley")).toEqual([]);
      const child = await post("kader.melati", "/api/persons", {
        regionCode: "64.01.05.2003.P01",
        name: "Bayu Saputra",
        sex: 1,
        birthDate: "2025-06-01",
      });
      for (const on of ["2026-04-10", "2026-05-10", "2026-06-10"])
        await post("kader.melati", "/api/measurements", {
          personId: child.person.id,
          measuredOn: on,
          weightKg: 8.1,
        });
      for (const who of ["bidan.sandeley", "kader.melati"]) {
        expect(await inbox(who), who).toEqual([
          expect.objectContaining({ kind: "two_t_children", count: 1, params: { month: "2026-06" } }),
        ]);
      }
      // the desa and the KPM are not asked about weighings
      expect(await inbox("desa.sandeley")).toEqual([]);

      const cycle = await post("desa.sandeley", "/api/planning/cycles", {
        regionCode: "64.01.05.2003",
        year: 2026,
      });
      await post("tpps.kuaro", `/api/planning/cycles/${cycle.cycle.id}/reviews`, {
        decision: "komentar",
        comment: "Tambahkan kegiatan kelas ibu hamil.",
      });
      for (const who of ["desa.sandeley", "kpm.sandeley"]) {
        expect(await inbox(who), who).toEqual([
          expect.objectContaining({
            kind: "plan_review",
            regionName: "Sandeley",
            params: expect.objectContaining({ year: 2026, decision: "komentar" }),
          }),
        ]);
      }
      // another village's people see none of it
      expect(await inbox("peninjau")).toEqual([]);
    });
  },
  { seed: async (db) => void (await ensureDemo(db.kysely, { children: 0 })) },
);
