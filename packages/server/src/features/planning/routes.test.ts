import { ACTIVITY_CATALOG, PACKAGE_LABELS, planningApi, todayIso } from "@tumbuh/core";
import { afterEach, beforeEach, expect, it } from "vitest";
import { ensureDemo } from "../../demo/demo";
import { testApi } from "../../testing/api";
import { describeEachDialect } from "../../testing/dialects";
import { pdfText, pdfToPngs } from "../../testing/pdf";

const SANDELEY = "64.01.05.2003";
const YEAR = Number(todayIso().slice(0, 4));
const PMT = {
  title: "PMT lokal untuk baduta gizi kurang",
  targetGroup: "Anak 7–23 bulan",
  package: "konseling_gizi",
  location: "Posyandu Melati",
  volume: 90,
  unit: "hari",
  cost: 27_000_000,
  fundingSource: "dana_desa",
};
const LATRINE = {
  ...PMT,
  activityCode: "pali-4-5-l",
  title: "Jamban umum Dusun II",
  package: "sanitasi_air",
  volume: 2,
  unit: "unit",
  cost: 60_000_000,
};
const REMBUK = {
  kind: "rembuk",
  heldOn: todayIso(),
  place: "Balai Desa Sandeley",
  attendanceCount: 42,
  signatories: [
    { side: "rds", name: "Siti Rahmah", position: "Ketua Pengurus Harian RDS" },
    { side: "masyarakat", name: "Yohana Lestari", position: "Tokoh perempuan" },
    { side: "pemerintah", name: "H. Abdul Karim", position: "Kepala Desa Sandeley" },
  ],
};

describeEachDialect(
  "planning cycle through the API",
  (db, dialect) => {
    let api: Awaited<ReturnType<typeof testApi>>;
    let cycleId: string;
    const req = (as: string, method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
      api.request(as, { method, url, ...(payload ? { payload } : {}) });
    const stage = (as: string, code: string, status: string) =>
      req(as, "POST", `/api/planning/cycles/${cycleId}/stages/${code}`, { status });

    // Each test has its own copy of the demo database and its own app on it; a test replays the steps of
    // Sandeley's cycle it needs (below) before its own, so none relies on another having run.
    beforeEach(async () => {
      api = await testApi(db());
      cycleId = "";
    });
    afterEach(async () => api.app.close());

    const ok = async (res: Promise<Awaited<ReturnType<typeof req>>>) => {
      const r = await res;
      expect(r.statusCode, r.body).toBeLessThan(300);
      return r.json();
    };
    /** The audit actions written so far (planning.* only). */
    const audited = async () =>
      (
        await db()
          .kysely.selectFrom("audit_log")
          .select("action")
          .where("action", "like", "planning.%")
          .execute()
      ).map((r) => r.action);
    const openCycle = async () => {
      cycleId = (
        await ok(req("desa.sandeley", "POST", "/api/planning/cycles", { regionCode: SANDELEY, year: YEAR }))
      ).cycle.id;
    };
    const throughFgd = async () => {
      await openCycle();
      await ok(stage("kpm.sandeley", "sosialisasi", "selesai"));
      await ok(stage("kpm.sandeley", "pemetaan_sosial", "selesai"));
      await ok(
        req("kpm.sandeley", "POST", `/api/planning/cycles/${cycleId}/meetings`, {
          kind: "fgd_desa",
          heldOn: todayIso(),
          place: "Rumah Desa Sehat Sandeley",
          attendanceCount: 18,
        }),
      );
      await ok(stage("kpm.sandeley", "fgd_desa", "selesai"));
      await ok(stage("kpm.sandeley", "fgd_antar_desa", "dilewati"));
    };
    /** Two proposals (PMT lokal, then the Dusun II latrine), ranked latrine first at a signed rembuk. */
    const throughRembuk = async () => {
      await throughFgd();
      const url = `/api/planning/cycles/${cycleId}/proposals`;
      const a = await ok(req("kpm.sandeley", "POST", url, { ...PMT, activityCode: "paser-23-h" }));
      const b = await ok(req("kpm.sandeley", "POST", url, LATRINE));
      await ok(stage("kpm.sandeley", "rembuk", "berjalan"));
      await ok(req("kpm.sandeley", "POST", `/api/planning/cycles/${cycleId}/meetings`, REMBUK));
      await ok(
        req("kpm.sandeley", "POST", `/api/planning/cycles/${cycleId}/ranking`, { order: [b.id, a.id] }),
      );
      await ok(stage("kpm.sandeley", "rembuk", "selesai"));
    };

    it("the desa opens its cycle; a bidan, the viewer and the kecamatan team may not; another kecamatan's desa is not found", async () => {
      expect(
        (await req("bidan.sandeley", "POST", "/api/planning/cycles", { regionCode: SANDELEY, year: YEAR }))
          .statusCode,
      ).toBe(403);
      expect(
        (await req("peninjau", "POST", "/api/planning/cycles", { regionCode: SANDELEY, year: YEAR }))
          .statusCode,
      ).toBe(403);
      expect(
        (await req("tpps.kuaro", "POST", "/api/planning/cycles", { regionCode: SANDELEY, year: YEAR }))
          .statusCode,
      ).toBe(403);
      expect(
        (
          await req("desa.sandeley", "POST", "/api/planning/cycles", {
            regionCode: "64.01.01.2009",
            year: YEAR,
          })
        ).statusCode,
      ).toBe(404);
      const res = await req("desa.sandeley", "POST", "/api/planning/cycles", {
        regionCode: SANDELEY,
        year: YEAR,
      });
      expect(res.statusCode, res.body).toBe(201);
      cycleId = res.json().cycle.id;
      expect(res.json().cycle.kind).toBe("desa");
      expect(res.json().cycle.stages.map((s: { code: string }) => s.code)).toContain("apb_desa");
      const rembuk = res.json().cycle.stages.find((s: { code: string }) => s.code === "rembuk");
      expect(rembuk).toMatchObject({ status: "belum", deadline: `${YEAR}-06-29` });
      // Opening twice returns the same cycle.
      const again = await req("kpm.sandeley", "POST", "/api/planning/cycles", {
        regionCode: SANDELEY,
        year: YEAR,
      });
      expect(again.json().cycle.id).toBe(cycleId);
      expect(await audited()).toContain("planning.cycle.open");
    });

    it("a stage cannot jump ahead of a required one; a required stage cannot be skipped", async () => {
      await openCycle();
      const jump = await stage("kpm.sandeley", "fgd_desa", "berjalan");
      expect(jump.statusCode).toBe(409);
      expect(jump.json().error).toMatchObject({ code: "stage_transition", field: "status" });
      expect((await stage("kpm.sandeley", "sosialisasi", "dilewati")).statusCode).toBe(409);
      const bad = await stage("kpm.sandeley", "sosialisasi", "done");
      expect(bad.statusCode).toBe(400);
      expect((await stage("kpm.sandeley", "nope", "berjalan")).json().error.field).toBe("stage");
    });

    it("walks sosialisasi → pemetaan sosial → FGD with a meeting record that keeps the social-mapping figures", async () => {
      await openCycle();
      expect((await stage("kpm.sandeley", "sosialisasi", "selesai")).statusCode).toBe(200);
      expect((await stage("kpm.sandeley", "pemetaan_sosial", "selesai")).statusCode).toBe(200);
      const early = await stage("kpm.sandeley", "fgd_desa", "selesai");
      expect(early.json().error).toMatchObject({ code: "stage_evidence" });
      expect(early.json().error.message).toContain("meeting_fgd_desa");
      const future = await req("kpm.sandeley", "POST", `/api/planning/cycles/${cycleId}/meetings`, {
        kind: "fgd_desa",
        heldOn: "2999-01-01",
        place: "Balai Desa",
        attendanceCount: 10,
      });
      expect(future.json().error.field).toBe("heldOn");
      const fgd = await req("kpm.sandeley", "POST", `/api/planning/cycles/${cycleId}/meetings`, {
        kind: "fgd_desa",
        heldOn: todayIso(),
        place: "Rumah Desa Sehat Sandeley",
        attendanceCount: 18,
        problems: ["12 baduta belum diukur panjang badannya", "3 rumah tangga 1000 HPK tanpa jamban layak"],
        opportunities: ["Dana Desa untuk PMT lokal"],
      });
      expect(fgd.statusCode, fgd.body).toBe(201);
      expect((await stage("kpm.sandeley", "fgd_desa", "selesai")).statusCode).toBe(200);
      expect((await stage("kpm.sandeley", "fgd_antar_desa", "dilewati")).statusCode).toBe(200);
      const map = await req("kpm.sandeley", "GET", `/api/planning/social-mapping?region=${SANDELEY}`);
      expect(map.statusCode).toBe(200);
      expect(map.json().units.map((u: { name: string }) => u.name)).toContain("Dusun I Sandeley");
      expect(await audited()).toEqual(expect.arrayContaining(["planning.stage", "planning.meeting.create"]));
    });

    it("proposals come from the catalogs with a lawful funding source; the rembuk needs its three signing sides and a ranking", async () => {
      await throughFgd();
      const url = `/api/planning/cycles/${cycleId}/proposals`;
      const base = PMT;
      const unknown = await req("kpm.sandeley", "POST", url, { ...base, activityCode: "paser-23-zz" });
      expect(unknown.json().error.field).toBe("activityCode");
      const a = await req("kpm.sandeley", "POST", url, { ...base, activityCode: "paser-23-h" });
      expect(a.statusCode, a.body).toBe(201);
      expect(a.json().activitySource).toBe("Paser Pasal 23 huruf h");
      const b = await req("kpm.sandeley", "POST", url, LATRINE);
      expect(b.statusCode).toBe(201);
      expect((await stage("kpm.sandeley", "rembuk", "berjalan")).statusCode).toBe(200);
      await req("kpm.sandeley", "POST", `/api/planning/cycles/${cycleId}/meetings`, {
        kind: "rembuk",
        heldOn: todayIso(),
        place: "Balai Desa Sandeley",
        attendanceCount: 42,
        problems: ["Prevalensi stunting di Dusun II tinggi"],
        signatories: [
          { side: "rds", name: "Siti Rahmah", position: "Ketua Pengurus Harian RDS" },
          { side: "pemerintah", name: "H. Abdul Karim", position: "Kepala Desa Sandeley" },
        ],
      });
      const missing = await stage("kpm.sandeley", "rembuk", "selesai");
      expect(missing.json().error.message).toContain("signatory_masyarakat");
      expect(missing.json().error.message).toContain("proposals_ranked");
      await req("kpm.sandeley", "POST", `/api/planning/cycles/${cycleId}/meetings`, REMBUK);
      const wrongOrder = await req("kpm.sandeley", "POST", `/api/planning/cycles/${cycleId}/ranking`, {
        order: [b.json().id],
      });
      expect(wrongOrder.json().error.field).toBe("order");
      const ranked = await req("kpm.sandeley", "POST", `/api/planning/cycles/${cycleId}/ranking`, {
        order: [b.json().id, a.json().id],
      });
      expect(ranked.json().proposals.map((p: { title: string }) => p.title)).toEqual([
        "Jamban umum Dusun II",
        "PMT lokal untuk baduta gizi kurang",
      ]);
      expect((await stage("kpm.sandeley", "rembuk", "selesai")).statusCode).toBe(200);
      expect(await audited()).toEqual(
        expect.arrayContaining([
          "planning.proposal.create",
          "planning.proposal.rank",
          "planning.meeting.create",
        ]),
      );
    });

    it("renders the berita acara with the agreed proposals in order and the three signing sides", async () => {
      await throughRembuk();
      const res = await req("peninjau", "GET", `/api/planning/cycles/${cycleId}/berita-acara.pdf`);
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("application/pdf");
      expect(pdfToPngs(res.rawPayload, `berita-acara-api-${dialect}`).length).toBeGreaterThan(0);
      const text = pdfText(res.rawPayload);
      expect(text).toContain("BERITA ACARA REMBUK STUNTING");
      expect(text).toContain("DESA SANDELEY");
      // Cycle N plans the budget of year N+1: both named in the title.
      expect(text.replace(/\s+/g, " ")).toContain(`TAHUN ${YEAR} (UNTUK ANGGARAN ${YEAR + 1})`);
      expect(text.indexOf("Jamban umum")).toBeGreaterThan(0);
      expect(text.indexOf("Jamban umum")).toBeLessThan(text.indexOf("PMT lokal"));
      for (const s of [
        "Perwakilan Pengurus Rumah Desa",
        "Perwakilan Masyarakat Desa",
        "Perwakilan Pemerintah Desa",
      ])
        expect(text).toContain(s);
      expect(text).toContain("Yohana Lestari");
      expect(text).toContain("Rp 87.000.000");
      // The download is audited in the village's region: the regency admin sees it.
      const log = (await req("admin", "GET", "/api/audit?limit=100")).json();
      expect(log.entries).toContainEqual(
        expect.objectContaining({
          action: "planning.berita_acara_download",
          actorName: "peninjau",
          entityId: cycleId,
          regionCode: SANDELEY,
        }),
      );
    });

    it("the kecamatan reviews and approves; the desa cannot approve its own plan", async () => {
      await throughRembuk();
      expect(
        (
          await req("desa.sandeley", "POST", `/api/planning/cycles/${cycleId}/reviews`, {
            decision: "setuju",
            comment: "ok",
          })
        ).statusCode,
      ).toBe(403);
      const res = await req("tpps.kuaro", "POST", `/api/planning/cycles/${cycleId}/reviews`, {
        decision: "setuju",
        comment: "Usulan sesuai kewenangan Desa (Paser Pasal 23).",
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().cycle.approved).toBe(true);
      expect(await audited()).toContain("planning.review");
    });

    it("campaign, advocacy, RKP Desa and APB Desa with amounts; the share of the APB Desa is shown to the regency", async () => {
      await throughRembuk();
      await ok(
        req("tpps.kuaro", "POST", `/api/planning/cycles/${cycleId}/reviews`, {
          decision: "setuju",
          comment: "ok",
        }),
      );
      await req("kpm.sandeley", "POST", `/api/planning/cycles/${cycleId}/campaigns`, {
        media: "lomba_bayi_sehat",
        heldOn: todayIso(),
        reach: 120,
        description: "Lomba bayi sehat di posyandu",
      });
      expect((await stage("kpm.sandeley", "kampanye", "selesai")).statusCode).toBe(200);
      expect((await stage("kpm.sandeley", "advokasi", "selesai")).statusCode).toBe(200);
      expect((await stage("desa.sandeley", "rkp_desa", "selesai")).json().error.message).toContain(
        "proposal_in_plan",
      );
      const detail = (await req("desa.sandeley", "GET", `/api/planning/cycles/${cycleId}`)).json();
      const [first, second] = detail.proposals;
      const noPlanBudget = await req("desa.sandeley", "PATCH", `/api/planning/proposals/${second.id}`, {
        inPlan: false,
        budgetAmount: 5,
      });
      expect(noPlanBudget.json().error.field).toBe("budgetAmount");
      await req("desa.sandeley", "PATCH", `/api/planning/proposals/${first.id}`, {
        inPlan: true,
        budgetAmount: 55_000_000,
      });
      await req("desa.sandeley", "PATCH", `/api/planning/proposals/${second.id}`, {
        inPlan: true,
        budgetAmount: 25_000_000,
      });
      expect((await stage("desa.sandeley", "rkp_desa", "selesai")).statusCode).toBe(200);
      expect((await stage("desa.sandeley", "apb_desa", "selesai")).json().error.message).toContain("budget");
      await req("desa.sandeley", "PATCH", `/api/planning/cycles/${cycleId}`, { apbTotal: 1_000_000_000 });
      const done = await stage("desa.sandeley", "apb_desa", "selesai");
      expect(done.json().cycle).toMatchObject({
        complete: true,
        stuntingBudget: 80_000_000,
        stuntingShare: 8,
      });

      const overview = await req("tpps.paser", "GET", `/api/planning/overview?region=64.01&year=${YEAR}`);
      expect(overview.statusCode).toBe(200);
      const row = overview.json().rows.find((r: { regionCode: string }) => r.regionCode === SANDELEY);
      expect(row).toMatchObject({ complete: true, approved: true, stuntingShare: 8, lateStages: [] });
      expect(overview.json().rows.length).toBe(144);
      // Kuaro's team sees only Kuaro's villages.
      const kuaro = await req("tpps.kuaro", "GET", `/api/planning/overview?region=64.01.05&year=${YEAR}`);
      expect(
        kuaro.json().rows.every((r: { regionCode: string }) => r.regionCode.startsWith("64.01.05.")),
      ).toBe(true);
      expect(
        (await req("tpps.kuaro", "GET", `/api/planning/overview?region=64.01&year=${YEAR}`)).statusCode,
      ).toBe(404);
      const csv = await req("tpps.paser", "GET", `/api/planning/overview.csv?region=64.01&year=${YEAR}`);
      expect(csv.headers["content-type"]).toContain("text/csv");
      // Names and words, never codes; headers and words in the user's language (Indonesian by default).
      expect(csv.body).toContain("Sandeley,Kuaro,Desa,Selesai");
      expect(csv.body).toContain(`Siklus perencanaan ${YEAR} (untuk anggaran ${YEAR + 1})`);
      expect(csv.body).toContain("Desa/Kelurahan,Kecamatan,Jenis,Sosialisasi");
      expect(csv.body).toMatch(/JUMLAH/);
      expect(csv.body).not.toContain(SANDELEY);
      expect(csv.body).not.toMatch(/selesai|pemetaan_sosial|[0-9a-f]{8}-[0-9a-f]{4}-/);
      const en = await api.request("tpps.paser", {
        method: "GET",
        url: `/api/planning/overview.csv?region=64.01&year=${YEAR}`,
        cookies: { tumbuh_lang: "en" },
      });
      expect(en.body).toContain("Village,District,Kind,Socialisation");
      expect(en.body).toContain("Sandeley,Kuaro,Village (desa),Done");
      expect(en.body).toMatch(/TOTAL/);
      expect(await audited()).toEqual(
        expect.arrayContaining([
          "planning.campaign.create",
          "planning.proposal.outcome",
          "planning.cycle.settings",
          "planning.overview_export",
        ]),
      );
    });

    it("a kelurahan's cycle ends in the Musrenbang and the APBD, and cannot be funded from Dana Desa (Paser Pasal 26(3), 27(2))", async () => {
      const opened = await req("admin", "POST", "/api/planning/cycles", {
        regionCode: "64.01.05.1001",
        year: YEAR,
      });
      expect(opened.json().cycle.kind).toBe("kelurahan");
      expect(
        opened
          .json()
          .cycle.stages.map((s: { code: string }) => s.code)
          .slice(-2),
      ).toEqual(["usulan_kelurahan", "apbd"]);
      const bad = await req("admin", "POST", `/api/planning/cycles/${opened.json().cycle.id}/proposals`, {
        activityCode: "paser-23-d",
        title: "Posyandu",
        targetGroup: "Balita",
        package: "kia",
        location: "Kuaro",
        volume: 1,
        unit: "paket",
        cost: 1000,
        fundingSource: "dana_desa",
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.field).toBe("fundingSource");
    });

    it("the regency records its yearly rembuk stunting (Paser Pasal 9 g); a kecamatan cannot", async () => {
      const body = {
        regionCode: "64.01",
        heldOn: todayIso(),
        place: "Aula Bappedalitbang",
        attendanceCount: 80,
        participants: ["Dinas Kesehatan", "Camat se-Kabupaten Paser"],
        agreements: ["Lokus stunting 2027: 20 desa", "Dana Desa minimal 8% untuk stunting"],
      };
      const kec = await req("tpps.kuaro", "POST", "/api/planning/regency-rembuk", {
        ...body,
        regionCode: "64.01.05",
      });
      expect(kec.json().error.field).toBe("regionCode");
      expect((await req("tpps.kuaro", "POST", "/api/planning/regency-rembuk", body)).statusCode).toBe(404);
      expect((await req("peninjau", "POST", "/api/planning/regency-rembuk", body)).statusCode).toBe(403);
      expect(
        (await req("tpps.paser", "POST", "/api/planning/regency-rembuk", { ...body, agreements: [] })).json()
          .error.field,
      ).toBe("agreements");
      expect((await req("tpps.paser", "POST", "/api/planning/regency-rembuk", body)).statusCode).toBe(201);
      const list = await req("peninjau", "GET", `/api/planning/regency-rembuk?region=64.01&year=${YEAR}`);
      expect(list.json().meetings[0]).toMatchObject({
        place: "Aula Bappedalitbang",
        agreements: body.agreements,
      });
      expect(await audited()).toContain("planning.regency_rembuk.create");
    });

    it("a desa whose KPM has a Tumbuh account is not listed as without a KPM, before any KPM record is typed in", async () => {
      const list = (await req("tpps.kuaro", "GET", "/api/planning/institutions?region=64.01.05")).json();
      expect(list.kpm.some((k: { regionCode: string }) => k.regionCode.startsWith(SANDELEY))).toBe(false);
      const codes = list.desaWithoutKpm.map((d: { code: string }) => d.code);
      expect(codes).not.toContain(SANDELEY);
    });

    it("institutions: the RDS with the KPM as chair of the daily board (PALI Pasal 16(2) a), and the KPM registry with Pasal 29 criteria", async () => {
      const rds = await req("desa.sandeley", "POST", "/api/planning/institutions", {
        regionCode: SANDELEY,
        kind: "rds",
        name: "Rumah Desa Sehat Sandeley",
        decreeNumber: "141/07/KPTS/2026",
        decreeDate: "2026-02-10",
      });
      expect(rds.statusCode, rds.body).toBe(201);
      expect(rds.json()).toMatchObject({
        kind: "rds",
        regionCode: SANDELEY,
        regionName: "Sandeley",
        members: [],
      });
      const url = `/api/planning/institutions/${rds.json().id}/members`;
      expect(
        (
          await req("desa.sandeley", "POST", url, {
            name: "Siti Rahmah",
            role: "ketua_pengurus_harian",
            unit: "KPM",
          })
        ).statusCode,
      ).toBe(201);
      expect(
        (await req("desa.sandeley", "POST", url, { name: "Lain", role: "ketua_pengurus_harian" })).statusCode,
      ).toBe(409);
      // The kecamatan team keeps the kecamatan's TPPS, not the village's bodies; the desa cannot see the kecamatan.
      const byKuaro = await req("tpps.kuaro", "POST", "/api/planning/institutions", {
        regionCode: SANDELEY,
        kind: "posyandu",
        name: "Posyandu Anggrek",
      });
      expect(byKuaro.statusCode).toBe(403);
      const tpps = await req("tpps.kuaro", "POST", "/api/planning/institutions", {
        regionCode: "64.01.05",
        kind: "tpps_kecamatan",
        name: "TPPS Kecamatan Kuaro",
        decreeNumber: "050/12/KPTS/2026",
        decreeDate: "2026-01-05",
      });
      expect(tpps.statusCode, tpps.body).toBe(201);
      const byDesa = await req("desa.sandeley", "POST", "/api/planning/institutions", {
        regionCode: "64.01.05",
        kind: "tpps_kecamatan",
        name: "TPPS Kecamatan Kuaro",
      });
      expect(byDesa.statusCode).toBe(404);
      const kpm = await req("desa.sandeley", "POST", "/api/planning/kpm", {
        regionCode: SANDELEY,
        name: "Siti Rahmah",
        resident: true,
        cadreYears: 1,
        speaksLocalLanguage: true,
        education: "slta",
        canUseOffice: true,
        decreeNumber: "141/08/KPTS/2026",
      });
      expect(kpm.json().error.field).toBe("chosenOn");
      const ok = await req("desa.sandeley", "POST", "/api/planning/kpm", {
        regionCode: SANDELEY,
        name: "Siti Rahmah",
        resident: true,
        cadreYears: 1,
        speaksLocalLanguage: true,
        education: "slta",
        canUseOffice: true,
        chosenOn: "2026-01-20",
        decreeNumber: "141/08/KPTS/2026",
        decreeDate: "2026-01-25",
      });
      expect(ok.json()).toMatchObject({ eligible: false, criteriaUnmet: ["pengalaman_kader_2_tahun"] });
      const list = await req("tpps.kuaro", "GET", "/api/planning/institutions?region=64.01.05");
      const rdsView = list
        .json()
        .institutions.find(
          (i: { kind: string; regionCode: string }) => i.kind === "rds" && i.regionCode === SANDELEY,
        );
      expect(rdsView.members[0]).toMatchObject({ role: "ketua_pengurus_harian", name: "Siti Rahmah" });
      expect(list.json().desaWithoutKpm.some((d: { code: string }) => d.code === SANDELEY)).toBe(false);
      // Every Kuaro desa without a KPM row is listed, and no other (PALI Pasal 33 b).
      const withKpm = new Set(list.json().kpm.map((k: { regionCode: string }) => k.regionCode));
      for (const d of list.json().desaWithoutKpm) expect(withKpm.has(d.code)).toBe(false);
      expect(await audited()).toEqual(
        expect.arrayContaining([
          "planning.institution.create",
          "planning.member.create",
          "planning.kpm.create",
        ]),
      );
    });

    it("the catalog lists the activities, packages, funding sources and KPM criteria the forms choose from", async () => {
      const res = await req("peninjau", "GET", "/api/planning/catalog");
      expect(res.statusCode).toBe(200);
      const c = res.json();
      expect(c.activities.length).toBe(ACTIVITY_CATALOG.length);
      expect(c.activities[0]).toEqual(ACTIVITY_CATALOG[0]);
      expect(Object.keys(c.packages)).toEqual(Object.keys(PACKAGE_LABELS));
      expect(c.fundingSources.map((f: { code: string }) => f.code)).toContain("dana_desa");
      expect(c.kpmCriteria).toHaveLength(5);
    });

    it("the OpenAPI document lists every planning endpoint with its success body", async () => {
      const doc = (await api.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
      for (const [name, ep] of Object.entries(planningApi)) {
        const path = ep.path.replace(/:([A-Za-z_]+)/g, "{$1}");
        const op = doc.paths[path]?.[ep.method.toLowerCase()];
        expect(op?.tags, name).toEqual(["planning"]);
        expect(op.responses[String(ep.status ?? 200)], name).toBeDefined();
      }
      const detail = doc.paths["/api/planning/cycles/{id}"].get.responses["200"].content["application/json"];
      expect(JSON.stringify(detail.schema)).toContain("musyawarahDate");
    });
  },
  { seed: async (db) => void (await ensureDemo(db.kysely, { children: 0 })) },
);
