import type { InjectOptions } from "fastify";
import type { Db } from "../../db/database";
import { uuidv7 } from "../../util/ids";
import { insertPregnancy } from "../pregnancies/service";

type Request = (
  as: string,
  opts: InjectOptions,
) => Promise<{ statusCode: number; body: string; json(): unknown }>;

/**
 * A small desa (Sandeley) whose September 2025 scorecard is computed by hand in services.test.ts:
 * one KEK pregnant woman, two children 0–23 months, two children 2–6 years, two households. Registry data
 * through the API; the pregnancy straight into its table (the API refuses a last period over 44 weeks ago,
 * and this pregnancy is from 2025). Service records through the API, including one correction.
 */
export async function seedHandDesa(db: Db, request: Request) {
  const post = async (as: string, url: string, payload: object) => {
    const res = await request(as, { method: "POST", url, payload });
    if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json() as { id: string; supersedes: string | null; person: { id: string } };
  };
  const h1 = await post("kpm.sandeley", "/api/households", {
    regionCode: "64.01.05.2003.D01",
    headName: "Rahman",
    address: "RT 01 Sandeley",
    waterSource: "sumur_tak_terlindung", // not layak
    latrineType: "sendiri_septik", // layak
  });
  const h2 = await post("kpm.sandeley", "/api/households", {
    regionCode: "64.01.05.2003.D02",
    headName: "Darmawan",
    address: "RT 04 Sandeley",
    waterSource: "ledeng", // layak
    latrineType: "cemplung", // not layak
  });
  const person = async (
    name: string,
    sex: 1 | 2,
    birthDate: string,
    regionCode: string,
    extra: object = {},
  ) =>
    (await post("kpm.sandeley", "/api/persons", { regionCode, name, sex, birthDate, ...extra })).person
      .id as string;
  const wati = await person("Wati Lestari", 2, "1996-03-14", "64.01.05.2003", { householdId: h1.id });
  const andi = await person("Andi Saputra", 1, "2025-01-20", "64.01.05.2003.P01", { householdId: h2.id });
  const bunga = await person("Bunga Citra", 2, "2025-08-10", "64.01.05.2003.P02", { birthLengthCm: 49 });
  const citra = await person("Citra Anggraini", 2, "2022-05-05", "64.01.05.2003.P01", { householdId: h1.id });
  const dedi = await person("Dedi Kurniawan", 1, "2023-02-10", "64.01.05.2003.P02");

  const at = "2025-03-20T02:00:00.000Z";
  await insertPregnancy(db.kysely, {
    id: uuidv7(),
    person_id: wati,
    region_code: "64.01.05.2003",
    lmp_date: "2025-03-01",
    edd_date: "2025-12-06",
    gravida: 2,
    muac_cm: 22.0, // KEK: MUAC < 23.5 cm, so home visits apply
    hb_g_dl: 11.8,
    high_risk: 0,
    high_risk_note: null,
    ended_on: null,
    outcome: null,
    created_at: at,
    updated_at: at,
    revision: 1,
    deleted_at: null,
  });

  for (const day of ["2025-07-15", "2025-08-15", "2025-09-15"]) {
    await post("kader.melati", "/api/measurements", {
      personId: andi,
      measuredOn: day,
      weightKg: 8.1,
      lenheiCm: 70.2,
      measure: "l",
    });
  }
  await post("kpm.sandeley", "/api/measurements", {
    personId: bunga,
    measuredOn: "2025-09-20",
    weightKg: 4.4,
  });

  const record = (as: string, personId: string, service: string, givenOn: string, extra: object = {}) =>
    post(as, "/api/service-records", { personId, service, givenOn, ...extra });
  await record("bidan.sandeley", wati, "anc", "2025-04-10");
  await record("bidan.sandeley", wati, "anc", "2025-07-05");
  await record("bidan.sandeley", wati, "ttd", "2025-09-05");
  await record("kpm.sandeley", wati, "kunjungan_rumah", "2025-09-12");
  await record("kpm.sandeley", wati, "jkn", "2025-01-10");
  await record("bidan.sandeley", andi, "imunisasi", "2025-01-20", { detail: "hb0" });
  await record("bidan.sandeley", andi, "imunisasi", "2025-02-25", { detail: "bcg" });
  await record("kpm.sandeley", andi, "akta_lahir", "2025-03-01");
  // A home visit typed by mistake, corrected into the counselling it was: only the correction counts.
  const wrong = await record("kpm.sandeley", andi, "kunjungan_rumah", "2025-09-15");
  const corrected = await record("kpm.sandeley", andi, "konseling_gizi", "2025-09-15", {
    id: uuidv7(),
    supersedes: wrong.id,
  });
  await record("bidan.sandeley", bunga, "imunisasi", "2025-08-10", { detail: "hb0" });
  await record("kpm.sandeley", citra, "paud", "2025-09-01");
  return { wati, andi, bunga, citra, dedi, corrected };
}
