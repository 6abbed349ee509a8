import { afterEach, beforeEach, expect, it } from "vitest";
import type { Db } from "../../db/database";
import { ensureDemo } from "../../demo/demo";
import { testApi } from "../../testing/api";
import { describeEachDialect } from "../../testing/dialects";
import { uuidv7 } from "../../util/ids";
import { insertPregnancy } from "../pregnancies/repository";
import { seedHandDesa } from "../services/fixture-desa";

/*
 * Desa Sandeley, September 2025, the services fixture (services/fixture-desa.ts) plus four people, counted
 * by hand with the scorecard rules (core services/rules.ts):
 *
 * Pregnant in September (Paser follows 6 ANC contacts, Permenkes 21/2021): Wati (LMP 1 Mar, one T1 and
 *   one T2 visit; T2 ended 13 Sep and needs 2 → ANC T; no counselling where 2 are due → T) and Rina (LMP
 *   10 Jan, day 263 on 30 Sep, no ANC at all → T; one counselling on 3 Sep where 3 are due by 36 weeks → T).
 *   Sari delivered on 20 Aug, so in September she is post-partum, not pregnant (ANC/counselling TS).
 *   → Pasal 7 g ANC to standard 0 / 2; Pasal 7 c counselled 0 / 2.
 * Post-partum: Sari, day 41 on 30 Sep, KF1–KF3 windows closed (KF4 closes on day 42); checks on days 1, 6
 *   and 21, one in each → Y. Wati, Rina: TS.
 *   → Pasal 7 t 1 / 1.
 * Infants with 11 completed months on 30 Sep (born 1–30 Oct 2024): Eka (all 11 antigens → Y) and Fajar
 *   (all but measles → T). Andi (8 months) and Bunga (1 month) are not in the cohort.
 *   → Pasal 7 i 1 / 2 (50 % against the annex's 90 % → red).
 * Children 0–23 months: Andi, Bunga, Eka, Fajar; only Eka's parent attended a parenting class in September.
 *   → Pasal 7 p 1 / 4.
 * Children 2–6 years: Citra (PAUD in September → Y), Dedi (none → T).  → Pasal 7 q 1 / 2.
 */
async function seedMore(db: Db, request: Parameters<typeof seedHandDesa>[1]) {
  const post = async (as: string, url: string, payload: object) => {
    const res = await request(as, { method: "POST", url, payload });
    if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json() as { person: { id: string } };
  };
  const person = async (name: string, sex: 1 | 2, birthDate: string, regionCode: string) =>
    (await post("kpm.sandeley", "/api/persons", { regionCode, name, sex, birthDate })).person.id;
  const rina = await person("Rina Marlina", 2, "1998-06-01", "64.01.05.2003");
  const sari = await person("Sari Dewi", 2, "1995-02-02", "64.01.05.2003");
  const eka = await person("Eka Putra", 1, "2024-10-05", "64.01.05.2003.P01");
  const fajar = await person("Fajar Nugroho", 1, "2024-10-20", "64.01.05.2003.P02");
  const at = "2025-03-20T02:00:00.000Z";
  const pregnancy = (personId: string, lmp: string, edd: string, ended: string | null) =>
    insertPregnancy(db.kysely, {
      id: uuidv7(),
      person_id: personId,
      region_code: "64.01.05.2003",
      lmp_date: lmp,
      edd_date: edd,
      gravida: 1,
      muac_cm: 25,
      hb_g_dl: 12,
      high_risk: 0,
      high_risk_note: null,
      ended_on: ended,
      outcome: ended ? "lahir_hidup" : null,
      created_at: at,
      updated_at: at,
      revision: 1,
      deleted_at: null,
    });
  await pregnancy(rina, "2025-01-10", "2025-10-17", null);
  await pregnancy(sari, "2024-11-01", "2025-08-08", "2025-08-20");
  const record = (personId: string, service: string, givenOn: string, extra: object = {}) =>
    post("bidan.sandeley", "/api/service-records", { personId, service, givenOn, ...extra });
  await record(rina, "konseling_gizi", "2025-09-03");
  for (const day of ["2025-08-21", "2025-08-26", "2025-09-10"]) await record(sari, "nifas", day);
  const antigens = ["hb0", "bcg", "polio1", "dpt1", "polio2", "dpt2", "polio3", "dpt3", "polio4", "ipv"];
  for (const [i, a] of antigens.entries()) {
    const day = `2024-${String(10 + Math.floor(i / 4)).padStart(2, "0")}-${String(10 + (i % 4)).padStart(2, "0")}`;
    await record(eka, "imunisasi", day, { detail: a });
    await record(fajar, "imunisasi", day < "2024-10-20" ? "2024-10-21" : day, { detail: a });
  }
  await record(eka, "imunisasi", "2025-07-08", { detail: "campak" });
  await record(eka, "kelas_pengasuhan", "2025-09-18");
}

/** The demo, the hand-computed desa and the records above. */
async function seed(db: Db): Promise<void> {
  await ensureDemo(db.kysely, { children: 0 });
  const api = await testApi(db);
  const request = (as: string, opts: Parameters<typeof api.request>[1]) => api.request(as, opts);
  await seedHandDesa(db, request);
  await seedMore(db, request);
  await api.app.close();
}

describeEachDialect(
  "indicators computed from service records",
  (db) => {
    let api: Awaited<ReturnType<typeof testApi>>;
    // Each test has its own copy of the seeded database (one adds a record) and its own app on it.
    beforeEach(async () => {
      api = await testApi(db());
    });
    afterEach(async () => api.app.close());

    const dashboard = async (region: string, period: string) => {
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
      return res.json() as {
        indicators: {
          indicatorId: string;
          numerator: number;
          denominator: number;
          value: number | null;
          target: number | null;
          status: string;
          mode: string;
          computation: string | null;
        }[];
      };
    };

    it("counts the desa's September as counted by hand, and shows the status against the catalog target", async () => {
      const v = await dashboard("64.01.05.2003", "2025-09");
      const fig = (id: string) => {
        const f = v.indicators.find((i) => i.indicatorId === id);
        if (!f) throw new Error(`no ${id}`);
        return [f.computation, f.numerator, f.denominator, f.target, f.status];
      };
      expect(fig("pasal7.g")).toEqual(["anc_to_standard", 0, 2, null, "none"]);
      expect(fig("pasal7.c")).toEqual(["pregnant_counselled", 0, 2, null, "none"]);
      expect(fig("pasal7.t")).toEqual(["postpartum_services", 1, 1, null, "none"]);
      expect(fig("pasal7.i")).toEqual(["complete_basic_immunisation", 1, 2, 90, "red"]);
      expect(fig("pasal7.p")).toEqual(["parenting_class", 1, 4, null, "none"]);
      expect(fig("pasal7.q")).toEqual(["paud_enrolment", 1, 2, null, "none"]);
    });

    it("adds the desa up to the kecamatan, and a later record changes the figure on the next read", async () => {
      const before = await dashboard("64.01.05", "2025-09");
      const paud = () => before.indicators.find((i) => i.indicatorId === "pasal7.q");
      expect([paud()?.numerator, paud()?.denominator]).toEqual([1, 2]);
      // Dedi now attends PAUD in September: the trigger marks the desa, the next dashboard read recounts it.
      const dedi = await db()
        .kysely.selectFrom("persons")
        .select("id")
        .where("name", "=", "Dedi Kurniawan")
        .executeTakeFirstOrThrow();
      const res = await api.request("kpm.sandeley", {
        method: "POST",
        url: "/api/service-records",
        payload: { personId: dedi.id, service: "paud", givenOn: "2025-09-02" },
      });
      expect(res.statusCode, res.body).toBe(201);
      const after = await dashboard("64.01.05", "2025-09");
      const q = after.indicators.find((i) => i.indicatorId === "pasal7.q");
      expect([q?.numerator, q?.denominator]).toEqual([2, 2]);
    });
  },
  { seed },
);
