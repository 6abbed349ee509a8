import {
  addDays,
  caseAuditsApi,
  catinApi,
  familiesApi,
  minusCalendarMonths,
  todayIso,
  tpkApi,
} from "@tumbuh/core";
import { afterEach, beforeEach, expect, it } from "vitest";
import type { Db } from "../../db/database";
import { ensureDemo } from "../../demo/demo";
import { testApi } from "../../testing/api";
import { describeEachDialect } from "../../testing/dialects";
import { pdfText, pdfToPngs } from "../../testing/pdf";
import { uuidv7 } from "../../util/ids";

const today = todayIso();
/** Rahmat's household and Wati's daughter Nur (the same ids in every test's copy of the seeded database). */
let householdId: string;
let childId: string;

async function seed(db: Db): Promise<void> {
  await ensureDemo(db.kysely, { children: 0 });
  const api = await testApi(db);
  const post = async (url: string, payload: object) => {
    const res = await api.request("kpm.sandeley", { method: "POST", url, payload });
    if (res.statusCode !== 201) throw new Error(`seed ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  householdId = (
    await post("/api/households", {
      regionCode: "64.01.05.2003.D01",
      headName: "Rahmat",
      address: "RT 2 Sandeley",
      waterSource: "sumur_tak_terlindung",
      latrineType: "cemplung",
    })
  ).id;
  const mother = await post("/api/persons", {
    regionCode: "64.01.05.2003",
    householdId,
    name: "Wati",
    sex: 2,
    birthDate: addDays(today, -25 * 366),
  });
  const child = await post("/api/persons", {
    regionCode: "64.01.05.2003",
    householdId,
    motherId: mother.person.id,
    name: "Nur Pendek",
    sex: 2,
    birthDate: addDays(today, -300),
  });
  childId = child.person.id;
  await api.app.close();
}

// Families at risk, catin, TPK accompaniment and case audits through the API (Paser Pasal 12–13).
describeEachDialect(
  "families at risk, catin, TPK and case audits through the API",
  (db, dialect) => {
    let api: Awaited<ReturnType<typeof testApi>>;
    const post = (as: string, url: string, payload: object) =>
      api.request(as, { method: "POST", url, payload });
    const get = (as: string, url: string) => api.request(as, { method: "GET", url });

    // Each test has its own copy of the seeded database and its own app on it.
    beforeEach(async () => {
      api = await testApi(db());
    });
    afterEach(async () => api.app.close());

    const created = async (res: Awaited<ReturnType<typeof post>>) => {
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    /** The KPM's screening of Rahmat's household (a test needing one makes it; its own test checks it). */
    const screening = async (): Promise<string> => {
      const id = uuidv7();
      const observed = { waterSource: "ledeng", foodAdequate: false, healthyHouse: true };
      await created(
        await post("kpm.sandeley", "/api/family-screenings", {
          id,
          householdId,
          screenedOn: today,
          observed,
        }),
      );
      return id;
    };
    /** Sari, registered as a catin by the bidan, marrying in 150 days. */
    const catin = async (): Promise<string> => {
      const id = uuidv7();
      await created(
        await post("bidan.sandeley", "/api/catin", {
          id,
          person: {
            regionCode: "64.01.05.2003",
            name: "Sari Catin",
            sex: 2,
            birthDate: addDays(today, -7000),
            nik: "6401056309070001",
          },
          partnerName: "Budi",
          marriageDate: addDays(today, 150),
        }),
      );
      return id;
    };
    /** A TPK team of Sandeley with its bidan, PKK and KB cadre. */
    const tpkTeam = async () => {
      const teamId = uuidv7();
      await created(
        await post("desa.sandeley", "/api/tpk-teams", {
          id: teamId,
          regionCode: "64.01.05.2003",
          name: "TPK Sandeley 1",
        }),
      );
      const members: Record<string, string> = {};
      for (const [role, name] of [
        ["bidan", "Bd. Lestari"],
        ["pkk", "Ibu Yuni (PKK)"],
        ["kader_kb", "Pak Anwar (KB)"],
      ] as const) {
        members[role] = uuidv7();
        await created(
          await post("desa.sandeley", `/api/tpk-teams/${teamId}/members`, { id: members[role], name, role }),
        );
      }
      return { teamId, members };
    };

    it("a family page prefills the registry's facts and shows its risk reasons with their sources", async () => {
      const res = await get("kpm.sandeley", `/api/families/${householdId}`);
      expect(res.statusCode, res.body).toBe(200);
      const f = res.json();
      expect(f.registryFacts).toMatchObject({
        waterSource: "sumur_tak_terlindung",
        hasUnderFive: true,
        hasPus: true,
      });
      expect(f.registryEvaluation.atRisk).toBe(true);
      expect(f.registryEvaluation.riskReasons.map((r: { ruleId: string }) => r.ruleId)).toEqual([
        "risiko.air_minum_tidak_layak",
        "risiko.jamban_tidak_layak",
      ]);
    });

    it("a screening records what the screener observed over the registry; a replay is a no-op", async () => {
      const screeningId = uuidv7();
      const body = {
        id: screeningId,
        householdId,
        screenedOn: today,
        observed: { waterSource: "ledeng", foodAdequate: false, healthyHouse: true },
      };
      const res = await post("kpm.sandeley", "/api/family-screenings", body);
      expect(res.statusCode, res.body).toBe(201);
      const s = res.json();
      const reasons = s.evaluation.riskReasons.map((r: { ruleId: string; factSources: object }) => [
        r.ruleId,
        r.factSources,
      ]);
      expect(reasons).toEqual([
        ["risiko.jamban_tidak_layak", { latrineType: "registry" }],
        ["risiko.pangan", { foodAdequate: "screener" }],
      ]);
      expect(s.semester).toMatch(/^\d{4}-S[12]$/);
      const again = await post("kpm.sandeley", "/api/family-screenings", body);
      expect(again.json().id).toBe(screeningId);
      const page = await get("kpm.sandeley", `/api/families/${householdId}`);
      expect(page.json().screenings).toHaveLength(1);
    });

    it("verification: not by the screener; by another user it is kept with the screening", async () => {
      const screeningId = await screening();
      const own = await post("kpm.sandeley", `/api/family-screenings/${screeningId}/verify`, {
        result: "sesuai",
      });
      expect(own.statusCode).toBe(400);
      expect(own.json().error.field).toBe("result");
      const ok = await post("bidan.sandeley", `/api/family-screenings/${screeningId}/verify`, {
        result: "sesuai",
        note: "dicek",
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json().verification).toMatchObject({ result: "sesuai", by: "bidan.sandeley" });
      await post("kpm.sandeley", "/api/households", {
        regionCode: "64.01.05.2003",
        headName: "Belum Ditapis",
        address: "RT 5",
        waterSource: "ledeng",
        latrineType: "sendiri_septik",
      });
      const list = await get("tpps.kuaro", "/api/regions/64.01.05.2003/families");
      expect(list.json()).toMatchObject({ screened: 1, atRisk: 1 });
      expect(list.json().unscreened.map((h: { headName: string }) => h.headName)).toEqual(["Belum Ditapis"]);
      const lastSemester = await get("tpps.kuaro", "/api/regions/64.01.05.2003/families?semester=2020-S1");
      expect(lastSemester.json()).toMatchObject({ screened: 0, rows: [] });
      expect(lastSemester.json().unscreened).toHaveLength(2);
      const bad = await get("tpps.kuaro", "/api/regions/64.01.05.2003/families?semester=2026-S3");
      expect(bad.statusCode).toBe(400);
      expect(list.json().rows[0]).toMatchObject({ householdId, verified: true, atRisk: true });
      const audit = await db()
        .kysely.selectFrom("audit_log")
        .select(["action", "actor_name"])
        .where("action", "=", "family_screening.verify")
        .execute();
      expect(audit).toEqual([{ action: "family_screening.verify", actor_name: "bidan.sandeley" }]);
    });

    it("scope and powers: out of scope is 404, the viewer cannot write, bad input names the field", async () => {
      expect((await get("kader.melati", `/api/families/${householdId}`)).statusCode).toBe(404);
      const viewer = await post("peninjau", "/api/family-screenings", {
        id: uuidv7(),
        householdId,
        screenedOn: today,
        observed: {},
      });
      expect(viewer.statusCode).toBe(403);
      const bad = await post("kpm.sandeley", "/api/family-screenings", {
        id: uuidv7(),
        householdId,
        screenedOn: today,
        observed: { waterSource: "kolam" },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toMatch(/waterSource/);
    });

    it("registers a catin (new person), screens her, and prints the certificate", async () => {
      const catinId = uuidv7();
      const marriage = addDays(today, 150);
      const res = await post("bidan.sandeley", "/api/catin", {
        id: catinId,
        person: {
          regionCode: "64.01.05.2003",
          name: "Sari Catin",
          sex: 2,
          birthDate: addDays(today, -7000),
          nik: "6401056309070001",
        },
        partnerName: "Budi",
        marriageDate: marriage,
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().deadline).toBe(minusCalendarMonths(marriage, 3));
      const catinScreeningId = uuidv7();
      const s = await post("bidan.sandeley", `/api/catin/${catinId}/screenings`, {
        id: catinScreeningId,
        screenedOn: today,
        weightKg: 42,
        heightCm: 155,
        muacCm: 23.4,
        hbGdl: 11.9,
        extra: { imunisasi_tt: "T5 lengkap", hbsag: "Non-reaktif" },
      });
      expect(s.statusCode, s.body).toBe(201);
      const view = s.json().screenings[0];
      expect(view.findings).toEqual(["anemia", "kek", "kurus", "terlalu_muda"]);
      expect(view.inTime).toBe(true);
      expect(s.json().screenedInTime).toBe(true);
      const pdf = await api.request("bidan.sandeley", {
        method: "GET",
        url: `/api/catin-screenings/${catinScreeningId}/certificate.pdf`,
      });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers["content-type"]).toBe("application/pdf");
      const text = pdfText(pdf.rawPayload);
      expect(text).toMatch(/SURAT KETERANGAN PEMERIKSAAN KESEHATAN/);
      expect(text).toMatch(/Sari Catin/);
      expect(text).not.toMatch(/64\.01\.05/); // the place by name, not its code
      // the certificate identifies her to the marriage services with the full NIK; the API view masks it
      expect(text).toMatch(/NIK\s+6401056309070001/);
      expect(res.json().person.nik).not.toBe("6401056309070001");
      expect(text).toMatch(/Anemia/);
      expect(text).toMatch(/90 hari/);
      expect(text).toMatch(/paling lambat 3 bulan sebelum/);
      expect(text).toMatch(/Status imunisasi TT\s+T5 lengkap/);
      expect(text).toMatch(/Skrining hepatitis B \(HBsAg\)\s+Non-reaktif/);
      if (dialect === "sqlite") expect(pdfToPngs(pdf.rawPayload, "catin-api")).toHaveLength(1);
      // Full NIK and health findings left the system: audited where the regency admin sees it.
      const log = await api.request("admin", { method: "GET", url: "/api/audit?limit=100" });
      expect(log.json().entries).toContainEqual(
        expect.objectContaining({
          action: "catin.certificate_download",
          actorName: "bidan.sandeley",
          entityId: catinScreeningId,
          regionCode: "64.01.05.2003",
        }),
      );
    });

    it("a screening less than 3 months before marriage is recorded but does not count", async () => {
      await catin();
      const id = uuidv7();
      await post("bidan.sandeley", "/api/catin", {
        id,
        person: { regionCode: "64.01.05.2003", name: "Rina Terlambat", sex: 2, birthDate: "1998-01-01" },
        marriageDate: addDays(today, 30),
      });
      const s = await post("bidan.sandeley", `/api/catin/${id}/screenings`, {
        id: uuidv7(),
        screenedOn: today,
        weightKg: 55,
        heightCm: 158,
        muacCm: 25,
        hbGdl: 12.5,
      });
      expect(s.json()).toMatchObject({ screenedInTime: false });
      expect(s.json().screenings[0]).toMatchObject({ findings: [], ready: true, inTime: false });
      // refused before any person is created; a replay of a registration returns the same catin
      const persons = async () => (await db().kysely.selectFrom("persons").select("id").execute()).length;
      const before = await persons();
      const refused = await post("bidan.sandeley", "/api/catin", {
        id: uuidv7(),
        person: { regionCode: "64.01.05.2003", name: "Terlalu Awal", sex: 2, birthDate: "2000-01-01" },
        marriageDate: "1999-12-31",
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.field).toBe("marriageDate");
      expect(await persons()).toBe(before);
      const replay = await post("bidan.sandeley", "/api/catin", {
        id,
        person: { regionCode: "64.01.05.2003", name: "Rina Terlambat", sex: 2, birthDate: "1998-01-01" },
        marriageDate: addDays(today, 30),
      });
      expect(replay.json().id).toBe(id);
      expect(await persons()).toBe(before);
      const list = await get("desa.sandeley", "/api/regions/64.01.05.2003/catin");
      expect(list.json().rows.map((r: { person: { name: string } }) => r.person.name)).toEqual(
        expect.arrayContaining(["Sari Catin", "Rina Terlambat"]),
      );
    });

    it("a TPK team: members, caseload, overdue visits", async () => {
      const catinId = await catin();
      const { teamId, members } = await tpkTeam();
      const famAssign = uuidv7();
      await post("desa.sandeley", "/api/tpk-assignments", {
        id: famAssign,
        memberId: members.pkk,
        subjectKind: "keluarga",
        subjectId: householdId,
        firstDueOn: addDays(today, -3),
      });
      const c = await post("desa.sandeley", "/api/tpk-assignments", {
        id: uuidv7(),
        memberId: members.bidan,
        subjectKind: "catin",
        subjectId: catinId,
        firstDueOn: addDays(today, 5),
      });
      expect(c.statusCode, c.body).toBe(201);
      // A pregnant woman and a mother 42 days after delivery are candidates; 43 days is past the nifas.
      const preg = await post("bidan.sandeley", "/api/persons", {
        regionCode: "64.01.05.2003",
        name: "Ibu Hamil",
        sex: 2,
        birthDate: "1997-02-02",
      });
      await post("bidan.sandeley", "/api/pregnancies", {
        personId: preg.json().person.id,
        lmpDate: addDays(today, -100),
        gravida: 1,
        highRisk: false,
      });
      for (const [name, days] of [
        ["Ibu Nifas", 42],
        ["Ibu Lewat Nifas", 43],
      ] as const) {
        const m = await post("bidan.sandeley", "/api/persons", {
          regionCode: "64.01.05.2003",
          name,
          sex: 2,
          birthDate: "1996-03-03",
        });
        await post("bidan.sandeley", "/api/persons", {
          regionCode: "64.01.05.2003",
          name: `Bayi ${name}`,
          sex: 1,
          birthDate: addDays(today, -days),
          motherId: m.json().person.id,
        });
      }
      const cands = (await get("bidan.sandeley", "/api/regions/64.01.05.2003/tpk-candidates")).json()
        .candidates;
      expect(cands.map((c: { name: string; kind: string }) => [c.name, c.kind])).toEqual([
        ["Ibu Hamil", "ibu_hamil"],
        ["Ibu Nifas", "ibu_nifas"],
      ]);
      const pregAssign = await post("desa.sandeley", "/api/tpk-assignments", {
        id: uuidv7(),
        memberId: members.bidan,
        subjectKind: "ibu_hamil",
        subjectId: preg.json().person.id,
        firstDueOn: addDays(today, 7),
      });
      expect(pregAssign.statusCode, pregAssign.body).toBe(201);
      const outside = await post("desa.sandeley", "/api/tpk-assignments", {
        id: uuidv7(),
        memberId: members.bidan,
        subjectKind: "ibu_hamil",
        subjectId: childId,
        firstDueOn: addDays(today, 7),
      });
      expect(outside.statusCode).toBe(400);
      expect(outside.json().error.field).toBe("subjectId");
      let team = (await get("bidan.sandeley", `/api/tpk-teams/${teamId}`)).json();
      const pkk = team.members.find((m: { role: string }) => m.role === "pkk");
      expect(pkk).toMatchObject({ caseload: 1, overdue: 1 });
      expect(team.members.find((m: { role: string }) => m.role === "bidan")).toMatchObject({
        caseload: 2,
        overdue: 0,
      });

      const noWhere = await post("kpm.sandeley", "/api/tpk-visits", {
        id: uuidv7(),
        assignmentId: famAssign,
        visitedOn: today,
        referralDone: true,
      });
      expect(noWhere.json().error.field).toBe("referralTo");
      const visit = {
        id: uuidv7(),
        assignmentId: famAssign,
        visitedOn: today,
        counselling: "Air minum dimasak, jamban sehat",
        referralTo: "Puskesmas Kuaro",
        referralDone: true,
        socialProgramme: "PKH",
        socialOutcome: "diajukan",
        nextDueOn: addDays(today, 30),
      };
      expect((await post("kpm.sandeley", "/api/tpk-visits", visit)).statusCode).toBe(201);
      team = (await post("kpm.sandeley", "/api/tpk-visits", visit)).json();
      const a = team.assignments.find((x: { id: string }) => x.id === famAssign);
      expect(a).toMatchObject({ visits: 1, overdue: false, dueOn: addDays(today, 30) });
      expect(a.lastVisit).toMatchObject({
        referralTo: "Puskesmas Kuaro",
        referralDone: true,
        socialProgramme: "PKH",
      });
      const audit = await db()
        .kysely.selectFrom("audit_log")
        .select("action")
        .where("action", "=", "tpk_visit.create")
        .execute();
      expect(audit).toHaveLength(1);
    });

    it("case audit: a stunted under-two is chosen, audited; overdue follow-ups show on the team's dashboard", async () => {
      const { teamId } = await tpkTeam();
      const m = await post("kpm.sandeley", "/api/measurements", {
        personId: childId,
        measuredOn: today,
        weightKg: 7.0,
        lenheiCm: 62,
        measure: "l",
      });
      expect(m.statusCode, m.body).toBe(201);
      // A girl stunted two months ago whose latest length is normal is not a case any more.
      const better = await post("kpm.sandeley", "/api/persons", {
        regionCode: "64.01.05.2003",
        name: "Anak Membaik",
        sex: 2,
        birthDate: addDays(today, -244),
      });
      const betterId = better.json().person.id;
      for (const [daysAgo, len] of [
        [60, 58],
        [0, 70],
      ] as const) {
        const r = await post("kpm.sandeley", "/api/measurements", {
          personId: betterId,
          measuredOn: addDays(today, -daysAgo),
          weightKg: 7.5,
          lenheiCm: len,
          measure: "l",
        });
        expect(r.statusCode, r.body).toBe(201);
      }
      const cases = (await get("kpm.sandeley", "/api/regions/64.01.05.2003/audit-cases")).json();
      expect(cases.cases.map((c: { childId: string }) => c.childId)).toEqual([childId]);
      expect(cases.share).toMatchObject({
        stuntedUnder2: 1,
        audited: 0,
        share: 0,
        target: 0.5,
        meetsTarget: false,
      });

      const auditId = uuidv7();
      const recLate = uuidv7();
      const body = {
        id: auditId,
        childId,
        auditedOn: today,
        team: "Dokter Puskesmas Kuaro, Bidan Lestari, TPK",
        findings: { pemberian_makan: "MP-ASI tidak beragam", air_sanitasi: "Jamban cemplung" },
        recommendations: [
          {
            id: recLate,
            domain: "pemberian_makan",
            text: "Kelas MP-ASI untuk ibu",
            ownerTeamId: teamId,
            ownerName: "Bd. Lestari",
            dueOn: addDays(today, -2),
          },
          {
            id: uuidv7(),
            domain: "air_sanitasi",
            text: "Usulkan jamban sehat ke dana desa",
            ownerTeamId: teamId,
            dueOn: addDays(today, 20),
          },
        ],
      };
      const res = await post("bidan.sandeley", "/api/case-audits", body);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().recommendations.map((r: { overdue: boolean }) => r.overdue)).toEqual([true, false]);
      expect((await post("bidan.sandeley", "/api/case-audits", body)).statusCode).toBe(201);

      const team = (await get("desa.sandeley", `/api/tpk-teams/${teamId}`)).json();
      expect(team.overdueFollowUps).toHaveLength(1);
      expect(team.overdueFollowUps[0]).toMatchObject({
        recommendationId: recLate,
        childName: "Nur Pendek",
        status: "terbuka",
      });
      expect(team.auditShare).toMatchObject({ stuntedUnder2: 1, audited: 1, share: 1, meetsTarget: true });

      const running = await post("bidan.sandeley", "/api/audit-followups", {
        id: uuidv7(),
        recommendationId: recLate,
        on: today,
        status: "berjalan",
      });
      expect(running.statusCode, running.body).toBe(201);
      expect((await get("desa.sandeley", `/api/tpk-teams/${teamId}`)).json().overdueFollowUps[0].status).toBe(
        "berjalan",
      );
      await post("bidan.sandeley", "/api/audit-followups", {
        id: uuidv7(),
        recommendationId: recLate,
        on: today,
        status: "selesai",
      });
      expect((await get("desa.sandeley", `/api/tpk-teams/${teamId}`)).json().overdueFollowUps).toEqual([]);
      const audits = await db()
        .kysely.selectFrom("audit_log")
        .select("action")
        .where("action", "in", ["case_audit.create", "audit_followup.create"])
        .execute();
      expect(audits.map((a) => a.action).sort()).toEqual([
        "audit_followup.create",
        "audit_followup.create",
        "case_audit.create",
      ]);
    });

    it("the OpenAPI document lists every route of the four features with its success body", async () => {
      const doc = (await api.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
      const endpoints = [familiesApi, catinApi, tpkApi, caseAuditsApi].flatMap((a) => Object.values(a));
      expect(endpoints).toHaveLength(23);
      for (const ep of endpoints) {
        const path = ep.path.replace(/:(\w+)/g, "{$1}");
        const op = doc.paths[path]?.[ep.method.toLowerCase()];
        expect(op, `${ep.method} ${path}`).toBeDefined();
        const body = op.responses[String(ep.status ?? 200)]?.content?.["application/json"]?.schema;
        expect(body, `${ep.method} ${path} response`).toBeDefined();
        if (ep.kind !== "file") expect(body.type, `${ep.method} ${path}`).toBe("object");
      }
    });
  },
  { seed },
);
