import { addDays, monthsEnding } from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database, HouseholdsTable, MeasurementsTable, PersonsTable } from "../src/db/schema";
import { BulkWriter } from "../src/demo/population/insert";

/**
 * Five years of monthly posyandu weighings for every desa of the demo regency, written straight to the
 * tables (the bench measures reading, not the growth engine): `underFive` children under five at any
 * time, each weighed in ~80% of the months of its balita years, with stored z-scores drawn around a child's
 * own level (regency stunting ≈ 20%) and 0.5% WHO-flagged values. Deterministic (fixed-seed PRNG).
 */
export async function writeFiveYears(
  db: Kysely<Database>,
  opts: { underFive: number; lastMonth: string; seed?: number },
): Promise<{ children: number; measurements: number; households: number }> {
  let s = (opts.seed ?? 472024) >>> 0;
  const rnd = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const r2 = (x: number) => Math.round(x * 100) / 100;
  const desa = (
    await db
      .selectFrom("regions")
      .select("code")
      .where("level", "=", "desa")
      .where("code", "like", "64.01.%")
      .orderBy("code")
      .execute()
  ).map((r) => r.code);
  const months = monthsEnding(opts.lastMonth, 60);
  const first = `${months[0]}-01`;
  const lastDay = addDays(`${monthsEnding(opts.lastMonth, 1)[0]}-28`, 0);
  const span = (Date.parse(lastDay) - Date.parse(first)) / 86_400_000 + 5 * 365;
  const now = new Date().toISOString();
  const perDesa = Math.round((opts.underFive * (span / (5 * 365))) / desa.length);
  const counts = { children: 0, measurements: 0, households: 0 };
  await db.transaction().execute(async (trx) => {
    const w = new BulkWriter(db, trx);
    for (const d of desa) {
      const households: HouseholdsTable[] = [];
      for (let h = 0; h < perDesa / 2; h++) {
        households.push({
          id: `bh-${d}-${h}`,
          region_code: d,
          kk_number: null,
          head_name: null,
          address: `RT ${h % 9}`,
          rt: null,
          rw: null,
          water_source: rnd() < 0.8 ? "sumur_bor" : "air_permukaan",
          latrine_type: rnd() < 0.75 ? "sendiri_septik" : "cemplung",
          created_at: now,
          updated_at: now,
          revision: 1,
          deleted_at: null,
        });
      }
      await w.add("households", households);
      counts.households += households.length;
      const persons: PersonsTable[] = [];
      const ms: MeasurementsTable[] = [];
      const desaLevel = normal() * 0.35;
      for (let c = 0; c < perDesa; c++) {
        const id = `bc-${d}-${c}`;
        const birth = addDays(first, Math.floor(rnd() * span) - 5 * 365);
        persons.push({
          id,
          region_code: d,
          household_id: null,
          name: `Anak ${c}`,
          name_key: `ANK${c}`,
          sex: rnd() < 0.5 ? 1 : 2,
          birth_date: birth,
          nik: null,
          mother_id: null,
          parent_name: null,
          birth_weight_kg: null,
          birth_length_cm: null,
          created_at: now,
          updated_at: now,
          revision: 1,
          deleted_at: null,
          merged_into: null,
        });
        const level = -1.05 + desaLevel + normal() * 0.95;
        const wlevel = level * 0.6 + normal() * 0.7;
        for (const m of months) {
          const day = `${m}-${String(5 + Math.floor(rnd() * 20)).padStart(2, "0")}`;
          const ageDays = (Date.parse(day) - Date.parse(birth)) / 86_400_000;
          if (ageDays < 0 || ageDays >= 1826 || rnd() > 0.8) continue;
          const flagged = rnd() < 0.005;
          const zlen = r2(flagged ? -6.8 : level + normal() * 0.3);
          ms.push({
            id: `bm-${id}-${m}`,
            person_id: id,
            region_code: d,
            session_id: null,
            import_id: null,
            measured_on: day,
            weight_kg: null,
            lenhei_cm: null,
            measure: null,
            muac_cm: null,
            headc_cm: null,
            oedema: 0,
            measured_by: null,
            created_at: now,
            created_by: null,
            deleted_at: null,
            age_days: Math.round(ageDays),
            zlen,
            zwei: r2(wlevel + normal() * 0.3),
            zwfl: r2(wlevel * 0.5 + 0.2 + normal() * 0.6),
            zbmi: null,
            flagged: flagged ? 1 : 0,
            tbu: null,
            bbu: null,
            bbtb: null,
            imtu: null,
            growth_version: 1,
          });
        }
      }
      await w.add("persons", persons);
      await w.add("measurements", ms);
      counts.children += persons.length;
      counts.measurements += ms.length;
    }
    await w.finish();
  });
  return counts;
}
