import { addDays, monthOf, semesterOf, shiftMonth, todayIso } from "@tumbuh/core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ensureDemo } from "../../demo/demo";
import { testApi } from "../../testing/api";
import { describeEachDialect } from "../../testing/dialects";
import { pdfText, pdfToPngs } from "../../testing/pdf";
import { uuidv7 } from "../../util/ids";

const SANDELEY = "64.01.05.2003";

// A hand-built Sandeley: two children 0–23 months with no services at all (one per posyandu), three
// households screened this semester — two at risk (unsafe water and latrine; one also short of food), one
// with nobody at risk — and one TPK team of two. The meeting panel must show exactly these figures.
describeEachDialect(
  "social mapping with scorecard gaps, families at risk and TPK",
  (db, dialect) => {
    let api: Awaited<ReturnType<typeof testApi>>;
    const today = todayIso();
    const post = async (as: string, url: string, payload: object) => {
      const res = await api.request(as, { method: "POST", url, payload });
      if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      return res.json();
    };
    const get = (as: string, url: string) => api.request(as, { method: "GET", url });
    let teamId: string;

    beforeAll(async () => {
      api = await testApi(db());
      const household = (regionCode: string, headName: string, water: string, latrine: string) =>
        post("kpm.sandeley", "/api/households", {
          regionCode,
          headName,
          address: `RT 1 ${headName}`,
          waterSource: water,
          latrineType: latrine,
        });
      const h1 = await household(`${SANDELEY}.D01`, "Rahmat", "sumur_tak_terlindung", "cemplung");
      const h2 = await household(`${SANDELEY}.D01`, "Sulaiman", "ledeng", "sendiri_septik");
      const h3 = await household(`${SANDELEY}.D02`, "Darmawan", "sumur_tak_terlindung", "cemplung");
      const child = (householdId: string, regionCode: string, name: string, days: number) =>
        post("kpm.sandeley", "/api/persons", {
          regionCode,
          householdId,
          name,
          sex: 2,
          birthDate: addDays(today, -days),
        });
      await child(h1.id, `${SANDELEY}.P01`, "Nur", 300);
      await child(h3.id, `${SANDELEY}.P02`, "Sari", 400);
      const screen = (householdId: string, observed: object) =>
        post("kpm.sandeley", "/api/family-screenings", {
          id: uuidv7(),
          householdId,
          screenedOn: today,
          observed,
        });
      await screen(h1.id, { foodAdequate: false });
      await screen(h2.id, { foodAdequate: true, healthyHouse: true });
      await screen(h3.id, { foodAdequate: true });
      teamId = uuidv7();
      await post("desa.sandeley", "/api/tpk-teams", {
        id: teamId,
        regionCode: SANDELEY,
        name: "TPK Sandeley 1",
      });
      await post("desa.sandeley", `/api/tpk-teams/${teamId}/members`, {
        id: uuidv7(),
        name: "Bd. Rina",
        role: "bidan",
      });
      await post("desa.sandeley", `/api/tpk-teams/${teamId}/members`, {
        id: uuidv7(),
        name: "Ibu Ani",
        role: "pkk",
      });
    });
    afterAll(async () => api.app.close());

    it("the desa total shows the latest complete month's scorecard gaps and this semester's families at risk", async () => {
      const res = await get("kpm.sandeley", `/api/planning/social-mapping?region=${SANDELEY}`);
      expect(res.statusCode, res.body).toBe(200);
      const { total, units } = res.json();
      const period = shiftMonth(monthOf(today), -1);
      expect(total.scorecard.period).toBe(period);
      // No service recorded and no household with safe water: nothing received, so 0 % convergence.
      expect(total.scorecard.percent).toBe(0);
      expect(total.scorecard.groups).toEqual([{ group: "anak_0_23", targets: 2, percent: 0 }]);
      expect(total.scorecard.topGaps).toHaveLength(3);
      for (const g of total.scorecard.topGaps) expect(g).toMatchObject({ group: "anak_0_23", t: 2 });
      // The same counts the scorecard itself shows for that month.
      const card = (await get("kpm.sandeley", `/api/regions/${SANDELEY}/scorecard?period=${period}`)).json();
      const group = card.totals.groups.find((g: { group: string }) => g.group === "anak_0_23");
      for (const g of total.scorecard.topGaps) expect(group.indicators[g.code].t).toBe(g.t);

      expect(total.families).toEqual({
        semester: semesterOf(today),
        screened: 3,
        atRisk: 2,
        topReasons: [
          expect.objectContaining({ ruleId: "risiko.air_minum_tidak_layak", count: 2 }),
          expect.objectContaining({ ruleId: "risiko.jamban_tidak_layak", count: 2 }),
          expect.objectContaining({ ruleId: "risiko.pangan", count: 1 }),
        ],
      });
      expect(total.families.topReasons[0].label.id).toBeTruthy();

      // Per dusun: each child is counted where the family lives (Nur weighed at P01 lives in D01, Sari
      // weighed at P02 in D02), so a row's families and children are the same people.
      const unit = (code: string) => units.find((u: { code: string }) => u.code === code);
      expect(unit(`${SANDELEY}.D01`).families).toMatchObject({ screened: 2, atRisk: 1 });
      expect(unit(`${SANDELEY}.D02`).families).toMatchObject({ screened: 1, atRisk: 1 });
      for (const d of ["D01", "D02"]) {
        expect(unit(`${SANDELEY}.${d}`).children0to59).toBe(1);
        expect(unit(`${SANDELEY}.${d}`).scorecard.groups).toEqual([
          { group: "anak_0_23", targets: 1, percent: 0 },
        ]);
        expect(unit(`${SANDELEY}.${d}`).scorecard.topGaps[0].t).toBe(1);
      }
      // No row has children without families or families without children.
      for (const u of units as { children0to59: number; families: { screened: number } }[])
        expect(u.children0to59 > 0).toBe(u.families.screened > 0);
    });

    it("a meeting stores the new figures in its snapshot, and the cycle shows them", async () => {
      const cycle = await post("desa.sandeley", "/api/planning/cycles", {
        regionCode: SANDELEY,
        year: Number(today.slice(0, 4)),
      });
      await post("kpm.sandeley", `/api/planning/cycles/${cycle.cycle.id}/meetings`, {
        kind: "fgd_desa",
        heldOn: today,
        place: "Balai Desa",
        attendanceCount: 12,
      });
      const detail = (await get("kpm.sandeley", `/api/planning/cycles/${cycle.cycle.id}`)).json();
      const m = detail.meetings[0].mapping;
      expect(m.families).toMatchObject({ screened: 3, atRisk: 2 });
      expect(m.scorecard.topGaps).toHaveLength(3);
      expect(m.targets.anak_7_23 + m.targets.anak_0_6).toBe(2);

      // The rembuk minutes list what the meeting saw, from its snapshot.
      await post("kpm.sandeley", `/api/planning/cycles/${cycle.cycle.id}/meetings`, {
        kind: "rembuk",
        heldOn: today,
        place: "Balai Desa Sandeley",
        attendanceCount: 30,
        problems: ["Dua baduta belum mendapat layanan apa pun"],
        signatories: [
          { side: "rds", name: "Siti Rahmah", position: "Ketua RDS" },
          { side: "masyarakat", name: "Yohana", position: "Tokoh perempuan" },
          { side: "pemerintah", name: "H. Abdul Karim", position: "Kepala Desa" },
        ],
      });
      const pdf = await get("peninjau", `/api/planning/cycles/${cycle.cycle.id}/berita-acara.pdf`);
      expect(pdf.statusCode).toBe(200);
      expect(pdfToPngs(pdf.rawPayload, `berita-acara-mapping-${dialect}`).length).toBeGreaterThan(0);
      const text = pdfText(pdf.rawPayload).replace(/\s+/g, " ");
      expect(text).toContain("Data pemetaan sosial yang dibahas");
      expect(text).toContain("2 anak 0–23 bulan");
      expect(text).toContain(`Konvergensi layanan bulan`);
      expect(text).toContain("0%; paling banyak belum diterima");
      expect(text).toContain(`semester ${semesterOf(today)}: 2 dari 3 keluarga yang didata`);
      expect(text).toContain("Dua baduta belum mendapat layanan");
    });

    it("the institutions API lists the desa's TPK team with its members; the kecamatan sees it too", async () => {
      const desa = await get("kpm.sandeley", `/api/planning/institutions?region=${SANDELEY}`);
      expect(desa.statusCode, desa.body).toBe(200);
      expect(desa.json().tpk).toEqual([
        { id: teamId, name: "TPK Sandeley 1", regionCode: SANDELEY, regionName: "Sandeley", members: 2 },
      ]);
      const kec = await get("tpps.kuaro", "/api/planning/institutions?region=64.01.05");
      expect(kec.json().tpk.map((t: { id: string }) => t.id)).toEqual([teamId]);
      // Another kecamatan holds no Sandeley team.
      const other = await get("admin", "/api/planning/institutions?region=64.01.01");
      expect(other.json().tpk).toEqual([]);
    });

    // Last: it changes the shared figures. Issue 17: who left is no target; a voided screening no family.
    it("a child who moved away is no longer counted, nor a family whose only screening was voided", async () => {
      const mapping = async () =>
        (await get("kpm.sandeley", `/api/planning/social-mapping?region=${SANDELEY}`)).json();
      const d02 = (m: { units: { code: string }[] }) =>
        m.units.find((u) => u.code === `${SANDELEY}.D02`) as unknown as {
          children0to59: number;
          targets: Record<string, number>;
          families: { screened: number; atRisk: number };
        };
      const budi = await post("kpm.sandeley", "/api/persons", {
        regionCode: `${SANDELEY}.D02`,
        name: "Budi Pindah",
        sex: 1,
        birthDate: addDays(today, -200),
      });
      expect(d02(await mapping()).children0to59).toBe(2);
      const left = await api.request("kpm.sandeley", {
        method: "POST",
        url: `/api/persons/${budi.person.id}/leave`,
        payload: { leftOn: today, reason: "moved" },
      });
      expect(left.statusCode, left.body).toBe(200);
      const after = await mapping();
      expect(d02(after).children0to59).toBe(1);
      expect(after.total.children0to59).toBe(2);

      const darmawan = (await get("kpm.sandeley", `/api/regions/${SANDELEY}/families`))
        .json()
        .rows.find((r: { headName: string }) => r.headName === "Darmawan");
      const voided = await api.request("kpm.sandeley", {
        method: "POST",
        url: `/api/family-screenings/${darmawan.screeningId}/void`,
        payload: { reason: "Data keluarga lain" },
      });
      expect(voided.statusCode, voided.body).toBe(200);
      const last = await mapping();
      expect(d02(last).families).toMatchObject({ screened: 0, atRisk: 0 });
      expect(last.total.families).toMatchObject({ screened: 2, atRisk: 1 });
    });
  },
  { once: true, seed: async (db) => void (await ensureDemo(db.kysely, { children: 0 })) },
);
