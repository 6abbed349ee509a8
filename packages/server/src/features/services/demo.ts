import {
  ANTIGEN_CODES,
  ANTIGENS,
  addDays,
  completedMonths,
  monthEnd,
  monthStart,
  pregnancySignals,
  type RecordedService,
  RULES,
  SYSTEM_ACTOR,
  shiftMonth,
} from "@tumbuh/core";
import type { Kysely } from "kysely";
import { bulkInsert } from "../../db/bulk-insert";
import type { Database, ServiceRecordsTable } from "../../db/schema";
import { inTransaction } from "../../db/transaction";
import { bulkLoad } from "../../demo/bulk-load";
import { idMaker } from "../../demo/population/ids";
import { createRng, hash32 } from "../../demo/population/random";
import { appendAudit } from "../audit/service";
import { personsInRegionBornBetween } from "../persons/service";
import { pregnanciesInRegion } from "../pregnancies/service";

/** Months of service records the demo holds, ending with the current month (covers the last full quarter). */
const DEMO_SERVICE_MONTHS = 5;

/**
 * Synthetic service records for the demo regency's targets, so the scorecard shows a realistic mix of
 * Y / T / TS: each family gets a "diligence" that makes it more or less likely to receive each service;
 * immunisations follow the schedule with delays. Deterministic from the seed and the persons' facts.
 * Writes through the one bulk path, in one transaction with the rest of the demo.
 */
export async function createDemoServiceRecords(
  db: Kysely<Database>,
  options: { regency: string; seed: number; today: string },
): Promise<{ records: number; seconds: number; readAndGenerateSeconds: number }> {
  const started = performance.now();
  const { today } = options;
  const lastMonth = today.slice(0, 7);
  const firstMonth = shiftMonth(lastMonth, -(DEMO_SERVICE_MONTHS - 1));
  const from = monthStart(firstMonth);
  const all = [""];
  const children = await personsInRegionBornBetween(
    db,
    all,
    options.regency,
    addDays(monthStart(shiftMonth(firstMonth, -(RULES.paudToMonths + 1))), 1),
    today,
  );
  const pregnancies = await pregnanciesInRegion(db, all, options.regency, from, today, RULES.nifasDays + 28);
  const rows: ServiceRecordsTable[] = [];
  const nextId = idMaker(createRng(options.seed ^ hash32("services")), Date.UTC(2024, 6, 1));
  const add = (
    person: { id: string; region_code: string },
    service: RecordedService,
    day: string,
    detail: string | null = null,
  ) => {
    if (day > today) return;
    rows.push({
      id: nextId(),
      person_id: person.id,
      region_code: person.region_code,
      service,
      given_on: day,
      detail,
      received: 1,
      supersedes: null,
      note: null,
      // A month's pack of iron tablets per TTD record (the scorecard counts ≥ 90 in the pregnancy).
      quantity: service === "ttd" ? 30 : null,
      recorded_at: `${day}T03:00:00.000Z`,
      recorded_by: null,
    });
  };
  const months: string[] = [];
  for (let m = firstMonth; m <= lastMonth; m = shiftMonth(m, 1)) months.push(m);

  // Sorted so the records (and their ids) do not depend on the order the database returns rows in.
  children.sort((a, b) => a.id.localeCompare(b.id));
  for (const c of children) {
    const rng = createRng(options.seed ^ hash32(c.id));
    const diligence = 0.35 + rng.float() * 0.6;
    const p = { id: c.id, region_code: c.region_code };
    const ageAtEnd = completedMonths(c.birth_date, monthEnd(lastMonth));
    if (ageAtEnd <= RULES.child0to23ToMonths + DEMO_SERVICE_MONTHS) {
      for (const a of ANTIGEN_CODES) {
        if (!rng.chance(0.55 + diligence * 0.45)) continue;
        const due = addDays(c.birth_date, ANTIGENS[a].scheduleMonths * 30);
        add(p, "imunisasi", addDays(due, a === "hb0" ? 0 : rng.int(0, 25)), a);
      }
      if (rng.chance(0.5 + diligence * 0.4)) add(p, "akta_lahir", addDays(c.birth_date, rng.int(7, 120)));
      if (rng.chance(0.45 + diligence * 0.45)) add(p, "jkn", addDays(c.birth_date, rng.int(0, 90)));
    }
    for (const m of months) {
      const age = completedMonths(c.birth_date, monthEnd(m));
      if (c.birth_date > monthEnd(m)) continue;
      const day = (lo: number) => `${m}-${String(rng.int(lo, 28)).padStart(2, "0")}`;
      if (age <= RULES.child0to23ToMonths) {
        if (rng.chance(diligence * 0.9)) add(p, "konseling_gizi", day(1));
        if (rng.chance(diligence * 0.45)) add(p, "kunjungan_rumah", day(1));
        if (rng.chance(diligence * 0.55)) add(p, "kelas_pengasuhan", day(1));
      } else if (age <= RULES.paudToMonths && rng.chance(diligence * (age >= 36 ? 0.9 : 0.4))) {
        add(p, "paud", day(1));
      }
    }
  }

  pregnancies.sort((a, b) => a.id.localeCompare(b.id));
  for (const preg of pregnancies) {
    const rng = createRng(options.seed ^ hash32(preg.id));
    const diligence = 0.4 + rng.float() * 0.55;
    const p = { id: preg.person_id, region_code: preg.region_code };
    const end = preg.ended_on ?? today;
    // ANC: one per trimester, a second in the third, each with the family's likelihood.
    for (const dayOfPregnancy of [60, 150, 215, 250]) {
      const d = addDays(preg.lmp_date, dayOfPregnancy + rng.int(-10, 10));
      if (d <= end && rng.chance(0.45 + diligence * 0.5)) add(p, "anc", d);
    }
    if (rng.chance(0.5 + diligence * 0.45)) add(p, "jkn", addDays(preg.lmp_date, rng.int(-400, 60)));
    const risky = pregnancySignals({ muacCm: preg.muac_cm, hbGdl: null }).kek || preg.high_risk === 1;
    for (const m of months) {
      if (preg.lmp_date > monthEnd(m) || end < monthStart(m)) continue;
      const lo = preg.lmp_date > monthStart(m) ? Number(preg.lmp_date.slice(8)) : 1;
      const day = () => `${m}-${String(rng.int(Math.min(lo, 28), 28)).padStart(2, "0")}`;
      const inside = (d: string) => (d <= end ? d : end);
      if (rng.chance(diligence * 0.95)) add(p, "ttd", inside(day()));
      if (rng.chance(diligence * 0.6)) add(p, "konseling_gizi", inside(day()));
      if (risky && rng.chance(0.3 + diligence * 0.5)) add(p, "kunjungan_rumah", inside(day()));
    }
    if (preg.ended_on && (preg.outcome === "lahir_hidup" || preg.outcome === "lahir_mati")) {
      for (const k of [1, 5, 20, 35]) {
        if (rng.chance(0.35 + diligence * 0.6)) add(p, "nifas", addDays(preg.ended_on, k));
      }
    }
  }
  const generated = performance.now();
  await inTransaction(db, async (trx) => {
    // Into the empty table without its feed/mark triggers and secondary indexes (demo/bulk-load.ts).
    await bulkLoad(db, ["service_records"], () => bulkInsert(db, trx, "service_records", rows));
    await appendAudit(trx, SYSTEM_ACTOR, {
      action: "demo.service_records",
      entity: "demo",
      entityId: null,
      regionCode: options.regency,
      after: { seed: options.seed, today, records: rows.length },
    });
  });
  const done = performance.now();
  return {
    records: rows.length,
    seconds: (done - started) / 1000,
    readAndGenerateSeconds: (generated - started) / 1000,
  };
}
