import { expect, it } from "vitest";
import { ensureDemo } from "../../demo/demo";
import { testApi } from "../../testing/api";
import { describeEachDialect } from "../../testing/dialects";

const DESA = ["64.01.05.2003", "64.01.05.2001", "64.01.05.2002"];

describeEachDialect(
  "demo families, catin, TPK and audits",
  (db) => {
    it("Sandeley has screened families at risk, catin, a TPK team with overdue follow-ups and audits", async () => {
      const api = await testApi(db());
      const fam = (
        await api.request("kpm.sandeley", { method: "GET", url: "/api/regions/64.01.05.2003/families" })
      ).json();
      expect(fam.screened).toBeGreaterThan(10);
      expect(fam.atRisk).toBeGreaterThan(0);
      expect(fam.rows[0].reasons.length).toBeGreaterThan(0);
      const catin = (
        await api.request("bidan.sandeley", { method: "GET", url: "/api/regions/64.01.05.2003/catin" })
      ).json();
      expect(catin.rows).toHaveLength(6);
      const teams = (
        await api.request("bidan.sandeley", { method: "GET", url: "/api/regions/64.01.05.2003/tpk-teams" })
      ).json();
      expect(teams.teams).toHaveLength(1);
      const team = (
        await api.request("bidan.sandeley", { method: "GET", url: `/api/tpk-teams/${teams.teams[0].id}` })
      ).json();
      expect(team.members).toHaveLength(3);
      expect(team.auditShare.stuntedUnder2).toBeGreaterThan(0);
      expect(team.auditShare.audited).toBeGreaterThan(0);
      expect(team.overdueFollowUps.length).toBeGreaterThan(0);
      expect(team.assignments.some((a: { overdue: boolean }) => a.overdue)).toBe(true);
      // the kecamatan sees the other desa's demo too
      const kuaro = (
        await api.request("tpps.kuaro", { method: "GET", url: "/api/regions/64.01.05/tpk-teams" })
      ).json();
      expect(kuaro.teams.length).toBe(3);
      await api.app.close();
    });
  },
  {
    once: true,
    seed: async (d) => {
      await ensureDemo(d.kysely, {
        children: 1500,
        desa: DESA,
      });
    },
  },
);
