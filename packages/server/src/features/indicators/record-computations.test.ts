import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "../../db/database";
import { ensureDemo } from "../../demo/demo";
import { testApi } from "../../testing/api";
import { describeEachDialect } from "../../testing/dialects";
import { uuidv7 } from "../../util/ids";

/*
 * Desa Sandeley, September 2025 (semester 2025-S2), counted by hand. Rows go straight into the tables, as
 * any writer might: the dirty-marking triggers must notice them.
 *
 * Families at risk (annex A.b.7 / P3.b.1), latest screening of 2025-S2 up to 30 Sep:
 *   Rahman  at risk, TPK visit 5 Aug                       → accompanied
 *   Darmawan at risk, last visit 1 May (that was 2025-S1)  → not accompanied
 *   Hasan   at risk but verified "tidak_sesuai"            → left out
 *   Iskandar screened 20 Jul not at risk                   → left out
 *   → September 1 / 2. 2025-S1: Darmawan at risk (1 Mar), visited 1 May → June 1 / 1.
 *   → year 2025 = S1 (1 / 1) + S2 as at December (1 / 2) = 2 / 3 family-semesters.
 * Catin (annex P3.b.2 in time; A.b.3 examined) marrying in September:
 *   Ayu 20 Sep, screened 20 Jun (exactly 3 months before: counts) → in time, examined
 *   Bella 10 Sep, screened 1 Aug → examined, not in time
 *   Cici 25 Sep, never screened → neither.   (Dina marries 5 Oct, screened 1 May: October, in time.)
 *   → in time 1 / 3, examined 2 / 3; October 1 / 1; year 2025 in time 2 / 4, examined 3 / 4.
 * Stunted under-twos at 30 Sep (annex P5.a.8, target 50 %):
 *   Gilang 12 months, 65 cm on 5 Sep (stunted), audited 20 Sep            → audited
 *   Hadi 14 months, 66 cm on 10 Aug (stunted), audited 3 Oct (too late)  → not audited
 *   Indra 18 months, stunted in July but 82 cm on 10 Sep                  → not a case
 *   Joko 25 months, stunted                                                → over two: not a case
 *   → September 1 / 2 (50 %: green); October 2 / 2.
 */
async function seed(db: Db, request: Awaited<ReturnType<typeof testApi>>["request"]) {
  const k = db.kysely;
  const at = "2025-07-01T00:00:00.000Z";
  const post = async (url: string, payload: object) => {
    const res = await request("kpm.sandeley", { method: "POST", url, payload });
    if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json() as { id: string; person: { id: string } };
  };
  const household = async (headName: string) =>
    (
      await post("/api/households", {
        regionCode: "64.01.05.2003.D01",
        headName,
        address: "RT 02 Sandeley",
        waterSource: "ledeng",
        latrineType: "sendiri_septik",
      })
    ).id;
  const person = async (name: string, sex: 1 | 2, birthDate: string) =>
    (await post("/api/persons", { regionCode: "64.01.05.2003.P01", name, sex, birthDate })).person.id;

  const [rahman, darmawan, hasan, iskandar] = [
    await household("Rahman"),
    await household("Darmawan"),
    await household("Hasan"),
    await household("Iskandar"),
  ];
  const screening = (household_id: string, screened_on: string, at_risk: number, verify: string | null) =>
    k
      .insertInto("family_screenings")
      .values({
        id: uuidv7(),
        region_code: "64.01.05.2003.D01",
        household_id,
        semester: `${screened_on.slice(0, 4)}-S${screened_on.slice(5, 7) <= "06" ? 1 : 2}`,
        screened_on,
        observed_json: "{}",
        facts_json: "{}",
        sources_json: "{}",
        at_risk,
        reasons_json: "[]",
        note: null,
        verify_result: verify,
        verify_note: null,
        verified_at: verify ? at : null,
        verified_by: verify ? "bidan.sandeley" : null,
        created_at: at,
        created_by: "kpm.sandeley",
      })
      .execute();
  await screening(darmawan, "2025-03-01", 1, null);
  await screening(rahman, "2025-07-10", 1, "sesuai");
  await screening(darmawan, "2025-07-12", 1, null);
  await screening(hasan, "2025-07-15", 1, "tidak_sesuai");
  await screening(iskandar, "2025-07-20", 0, null);
  const team = uuidv7();
  const member = uuidv7();
  await k
    .insertInto("tpk_teams")
    .values({ id: team, region_code: "64.01.05.2003", name: "TPK 1", created_at: at })
    .execute();
  await k
    .insertInto("tpk_members")
    .values({
      id: member,
      region_code: "64.01.05.2003",
      team_id: team,
      name: "Bidan Sri",
      role: "bidan",
      user_id: null,
      created_at: at,
    })
    .execute();
  const visit = async (household_id: string, visited_on: string) => {
    const assignment = uuidv7();
    await k
      .insertInto("tpk_assignments")
      .values({
        id: assignment,
        region_code: "64.01.05.2003",
        member_id: member,
        subject_kind: "keluarga",
        subject_id: household_id,
        first_due_on: visited_on,
        created_at: at,
      })
      .execute();
    await k
      .insertInto("tpk_visits")
      .values({
        id: uuidv7(),
        region_code: "64.01.05.2003",
        assignment_id: assignment,
        visited_on,
        counselling: "gizi",
        referral_to: null,
        referral_done: null,
        social_programme: null,
        social_outcome: null,
        next_due_on: null,
        note: null,
        created_at: at,
        created_by: "bidan.sandeley",
      })
      .execute();
  };
  await visit(rahman, "2025-08-05");
  await visit(darmawan, "2025-05-01");

  const catin = async (name: string, marriage: string, screenedOn: string | null) => {
    const id = uuidv7();
    await k
      .insertInto("catin")
      .values({
        id,
        region_code: "64.01.05.2003",
        person_id: await person(name, 2, "2001-01-01"),
        partner_person_id: null,
        partner_name: "Calon suami",
        marriage_date: marriage,
        created_at: at,
        created_by: "bidan.sandeley",
      })
      .execute();
    if (screenedOn)
      await k
        .insertInto("catin_screenings")
        .values({
          id: uuidv7(),
          region_code: "64.01.05.2003",
          catin_id: id,
          screened_on: screenedOn,
          weight_kg: 50,
          height_cm: 155,
          muac_cm: 25,
          hb_g_dl: 12.5,
          extra_json: "{}",
          created_at: at,
          created_by: "bidan.sandeley",
        })
        .execute();
  };
  await catin("Ayu", "2025-09-20", "2025-06-20");
  await catin("Bella", "2025-09-10", "2025-08-01");
  await catin("Cici", "2025-09-25", null);
  await catin("Dina", "2025-10-05", "2025-05-01");

  const child = async (name: string, birthDate: string, measures: [string, number, number][]) => {
    const id = await person(name, 1, birthDate);
    for (const [measuredOn, lenheiCm, weightKg] of measures)
      await post("/api/measurements", { personId: id, measuredOn, weightKg, lenheiCm, measure: "l" });
    return id;
  };
  const audit = (child_id: string, audited_on: string) =>
    k
      .insertInto("case_audits")
      .values({
        id: uuidv7(),
        region_code: "64.01.05.2003.P01",
        child_id,
        audited_on,
        team: "Tim audit kabupaten",
        findings_json: "{}",
        created_at: at,
        created_by: "tpps.paser",
      })
      .execute();
  const gilang = await child("Gilang", "2024-09-10", [["2025-09-05", 65, 7.5]]);
  const hadi = await child("Hadi", "2024-06-15", [["2025-08-10", 66, 7.8]]);
  await child("Indra", "2024-03-01", [
    ["2025-07-01", 70, 8.5],
    ["2025-09-10", 82, 10.5],
  ]);
  await child("Joko", "2023-08-01", [["2025-09-01", 75, 9]]);
  await audit(gilang, "2025-09-20");
  await audit(hadi, "2025-10-03");
}

describeEachDialect(
  "indicators computed from families, catin and case audits",
  (db) => {
    let api: Awaited<ReturnType<typeof testApi>>;
    beforeAll(async () => {
      api = await testApi(db());
      await seed(db(), (as, opts) => api.request(as, opts));
    });
    afterAll(async () => api.app.close());

    const figures = async (region: string, period: string) => {
      // After writes the first read asks for the background rebuild (issue 18); read once it has run.
      await api.request("tpps.kuaro", {
        method: "GET",
        url: `/api/indicators/dashboard?region=${region}&period=${period}`,
      });
      await api.jobs.idle();
      const res = await api.request("tpps.kuaro", {
        method: "GET",
        url: `/api/indicators/dashboard?region=${region}&period=${period}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      const v = res.json() as {
        indicators: {
          indicatorId: string;
          numerator: number;
          denominator: number;
          target: number;
          status: string;
        }[];
      };
      return (id: string) => {
        const f = v.indicators.find((i) => i.indicatorId === id);
        return f && [f.numerator, f.denominator, f.target, f.status];
      };
    };

    it("counts the desa's September as counted by hand, with status against the annex target", async () => {
      const fig = await figures("64.01.05.2003", "2025-09");
      expect(fig("annex.A.b.7")).toEqual([1, 2, 90, "red"]);
      expect(fig("annex.P3.b.1")).toEqual([1, 2, 90, "red"]);
      expect(fig("annex.P3.b.2")).toEqual([1, 3, 90, "red"]);
      expect(fig("annex.A.b.3")).toEqual([2, 3, 90, "red"]);
      expect(fig("annex.P5.a.8")).toEqual([1, 2, 50, "green"]);
    });

    it("shows other months and the year as defined: semester so far, audits by the month's end", async () => {
      const june = await figures("64.01.05.2003", "2025-06");
      expect(june("annex.A.b.7")).toEqual([1, 1, 90, "green"]);
      const october = await figures("64.01.05", "2025-10");
      expect(october("annex.P5.a.8")).toEqual([2, 2, 50, "green"]);
      expect(october("annex.P3.b.2")).toEqual([1, 1, 90, "green"]); // Dina
      const year = await figures("64.01.05", "2025");
      expect(year("annex.A.b.7")).toEqual([2, 3, 90, "red"]);
      expect(year("annex.P3.b.2")).toEqual([2, 4, 90, "red"]); // Ayu, Dina of four
      expect(year("annex.A.b.3")).toEqual([3, 4, 90, "red"]); // Ayu, Bella, Dina
    });
  },
  { once: true, seed: async (db) => void (await ensureDemo(db.kysely, { children: 0 })) },
);
