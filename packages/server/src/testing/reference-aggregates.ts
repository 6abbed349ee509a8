// The per-desa rebuild of the dashboards' figures as it was before issue 18 (one query set per desa, one
// scorecard per desa and quarter), kept only as the reference the set-based rebuild
// (features/indicators/aggregates.ts) is tested against: same raw rows in, the same figures out.
// Updated deliberately for issue 14 (rules changed, not the way of reading): quarter and semester rows; a
// month's S/D as the SKDN's (core countChildren); a person who left (persons.left_on) leaves from that day;
// Pasal 7 c, g, p, q, t count persons over a quarter, semester or year (written out here on its own, not
// with core countPersons, so the two ways check each other).
import {
  addDays,
  type ChildCounts,
  completedMonths,
  countChildren,
  isSafeWater,
  LATRINE_TYPES,
  type LatrineType,
  monthEnd,
  monthsEnding,
  periodContaining,
  type ScoreCell,
  SYSTEM_ACTOR,
  shiftMonth,
} from "@tumbuh/core";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema";
import { withinScopes } from "../db/scope-filter";
import { inTransaction } from "../db/transaction";
import { AppError } from "../errors";
import { regencyFirstMeasurement } from "../features/indicators/aggregates";
import { rebuildDesaRecords } from "../features/indicators/record-aggregates";
import {
  insertCounts,
  KEEP_MONTHS,
  PERSON_RULES,
  SERVICE_CODES,
} from "../features/indicators/service-aggregates";
import { buildScorecard } from "../features/services/service";

const MAX_MONTHS = 120;
const IDL_AGE_MONTHS = 11;

function quarterOf(month: string): string {
  const m = Number(month.slice(5, 7));
  return `${month.slice(0, 4)}-Q${Math.floor((m - 1) / 3) + 1}`;
}

/** Recount one desa from its raw rows and replace its aggregate rows. */
async function rebuildDesa(
  trx: Transaction<Database> | Kysely<Database>,
  desa: string,
  today: string,
): Promise<void> {
  const first = await trx
    .selectFrom("measurements as m")
    .innerJoin("persons as p", "p.id", "m.person_id")
    .select((eb) => eb.fn.min("m.measured_on").as("first"))
    .where(withinScopes("p.region_code", [desa]))
    .where("m.deleted_at", "is", null)
    .executeTakeFirst();
  // A balita counts in S from birth, weighed or not: the months start at the earliest-born child's birth
  // when that comes before the first measurement (persons too old to be a balita in the window left out).
  const born = await trx
    .selectFrom("persons")
    .select((eb) => eb.fn.min("birth_date").as("first"))
    .where(withinScopes("region_code", [desa]))
    .where("deleted_at", "is", null)
    .where("merged_into", "is", null)
    .where("birth_date", ">", addDays(`${monthsEnding(today.slice(0, 7), MAX_MONTHS)[0]}-01`, -1900))
    .where("birth_date", "<=", today)
    .executeTakeFirst();
  // ... but not before the regency's first measurement (as the rebuild).
  const began = await regencyFirstMeasurement(trx, desa);
  const bornFrom = born?.first && began && born.first < began ? began : born?.first;
  const earliest = [first?.first, bornFrom].filter((d): d is string => !!d).sort()[0] ?? null;
  const periods = periodsToKeep(earliest, today);
  const start = `${periods[0]}-01`;
  const children = await trx
    .selectFrom("persons")
    .select(["id", "birth_date", "left_on"])
    .where(withinScopes("region_code", [desa]))
    .where("deleted_at", "is", null)
    .where("merged_into", "is", null)
    .where("birth_date", ">", addDays(start, -1900))
    .execute();
  const measurements = await trx
    .selectFrom("measurements as m")
    .innerJoin("persons as p", "p.id", "m.person_id")
    .select(["m.person_id", "m.measured_on", "m.weight_kg", "m.zlen", "m.zwei", "m.zwfl", "m.flagged"])
    .where(withinScopes("p.region_code", [desa]))
    .where("p.deleted_at", "is", null)
    .where("p.merged_into", "is", null)
    .where("m.deleted_at", "is", null)
    .where("m.measured_on", ">=", start)
    .execute();
  const longer = [
    ...new Set(
      periods.flatMap((p) => (["quarter", "semester", "year"] as const).map((k) => periodContaining(k, p))),
    ),
  ];
  const counts = countChildren(
    children.map((c) => ({ id: c.id, birthDate: c.birth_date, leftOn: c.left_on })),
    measurements.map((m) => ({
      personId: m.person_id,
      measuredOn: m.measured_on,
      zlen: m.zlen,
      zwei: m.zwei,
      zwfl: m.zwfl,
      flagged: m.flagged === 1,
      weighed: m.weight_kg !== null,
    })),
    [...periods, ...longer],
  );
  await trx.deleteFrom("indicator_desa_periods").where("desa_code", "=", desa).execute();
  const rows = [...counts]
    .filter(([, c]) => c.registered > 0 || c.measured > 0)
    .map(([period, c]) => toRow(desa, period, c));
  for (let i = 0; i < rows.length; i += 200) {
    await trx
      .insertInto("indicator_desa_periods")
      .values(rows.slice(i, i + 200))
      .execute();
  }

  const households = await trx
    .selectFrom("households")
    .select(["water_source", "latrine_type"])
    .where(withinScopes("region_code", [desa]))
    .where("deleted_at", "is", null)
    .execute();
  await trx.deleteFrom("indicator_desa_households").where("desa_code", "=", desa).execute();
  if (households.length > 0) {
    await trx
      .insertInto("indicator_desa_households")
      .values({
        desa_code: desa,
        households: households.length,
        safe_water: households.filter((h) => isSafeWater("bps", h.water_source)).length,
        proper_sanitation: households.filter(
          (h) => LATRINE_TYPES[h.latrine_type as LatrineType]?.layak === true,
        ).length,
      })
      .execute();
  }
  await rebuildDesaServices(trx, desa, today);
  await rebuildDesaRecords(trx, desa, today);
}

/** Months from the desa's first measurement (at most MAX_MONTHS back) to the current month. */
function periodsToKeep(firstMeasured: string | null, today: string): string[] {
  const month = today.slice(0, 7);
  const all = monthsEnding(month, MAX_MONTHS);
  const from = firstMeasured ? firstMeasured.slice(0, 7) : month;
  const kept = all.filter((m) => m >= from);
  return kept.length > 0 ? kept : [month];
}

function toRow(desa: string, period: string, c: ChildCounts) {
  return {
    desa_code: desa,
    period,
    registered: c.registered,
    measured: c.measured,
    flagged: c.flagged,
    len_n: c.lenN,
    stunted: c.stunted,
    wei_n: c.weiN,
    underweight: c.underweight,
    wfl_n: c.wflN,
    wasted: c.wasted,
  };
}

async function rebuildDesaServices(
  trx: Transaction<Database> | Kysely<Database>,
  desa: string,
  today: string,
): Promise<void> {
  await trx.deleteFrom("indicator_desa_services").where("desa_code", "=", desa).execute();
  // Counting starts the month the desa began recording services: its first record other than an
  // immunisation (those are back-filled from the child's book, years back). Before that, "T" would only
  // mean "nothing recorded yet", so those months have no rows ("no data"), and the rebuild stays short.
  const first = async (immunisation: boolean) =>
    (
      await trx
        .selectFrom("service_records")
        .select((eb) => eb.fn.min("given_on").as("first"))
        .where(withinScopes("region_code", [desa]))
        .where("service", immunisation ? "=" : "<>", "imunisasi")
        .executeTakeFirst()
    )?.first ?? null;
  const started = (await first(false)) ?? (await first(true));
  if (started === null) return;
  const thisMonth = today.slice(0, 7);
  const earliest = shiftMonth(thisMonth, -(KEEP_MONTHS - 1));
  const firstMonth = started.slice(0, 7);
  const from = firstMonth > earliest ? firstMonth : earliest;
  if (from > thisMonth) return;

  const persons = await trx
    .selectFrom("persons")
    .select(["id", "birth_date", "left_on"])
    .where(withinScopes("region_code", [desa]))
    .execute();
  const births = new Map(persons.map((p) => [p.id, p.birth_date]));
  const leftOn = new Map(persons.map((p) => [p.id, p.left_on]));
  const counts = new Map<string, { numerator: number; denominator: number }>();
  const kinds = ["quarter", "semester", "year"] as const;
  const tally = (code: string, month: string, cell: ScoreCell | null | undefined) => {
    if (cell !== "Y" && cell !== "T") return;
    for (const period of [month, ...kinds.map((k) => periodContaining(k, month))]) {
      const key = `${code}|${period}`;
      const c = counts.get(key) ?? { numerator: 0, denominator: 0 };
      c.denominator++;
      if (cell === "Y") c.numerator++;
      counts.set(key, c);
    }
  };
  // code → person → month → cell, for the persons counts of the longer periods.
  const judged = new Map<string, Map<string, Map<string, ScoreCell>>>();
  const quarters: string[] = [];
  for (let m = from; m <= thisMonth; m = shiftMonth(m, 1)) {
    const q = quarterOf(m);
    if (quarters.at(-1) !== q) quarters.push(q);
  }
  for (const quarter of quarters) {
    let built: Awaited<ReturnType<typeof buildScorecard>>;
    try {
      built = await buildScorecard(trx, SYSTEM_ACTOR, desa, quarter, { rows: false });
    } catch (e) {
      // A desa code that is not (or no longer) a region has no scorecard.
      if (e instanceof AppError && e.status === 404) return;
      throw e;
    }
    const months = built.view.months;
    for (const row of built.rows) {
      const left = leftOn.get(row.personId);
      months.forEach((month, i) => {
        if (month < from || month > thisMonth) return;
        if (left && left <= `${month}-01`) return;
        for (const code of Object.keys(PERSON_RULES)) {
          const cell = row.cells[code]?.[i];
          if (cell !== "Y" && cell !== "T") continue;
          const byPerson = judged.get(code) ?? new Map<string, Map<string, ScoreCell>>();
          judged.set(code, byPerson);
          const byMonth = byPerson.get(row.personId) ?? new Map<string, ScoreCell>();
          byPerson.set(row.personId, byMonth);
          byMonth.set(month, cell);
        }
        // Pasal 7 i "bayi 0–11 bulan telah diimunisasi dasar secara lengkap": each child is counted once, in
        // the month it has 11 completed months — when every antigen of the schedule (Permenkes 12/2017; core
        // ANTIGENS, measles due from 10 months) is due, so the scorecard's "complete for age" is "complete".
        // Summed over a year this is the year's cohort of infants and those fully immunised before age one.
        const born = births.get(row.personId);
        if (row.group === "anak_0_23" && born && completedMonths(born, monthEnd(month)) === IDL_AGE_MONTHS)
          tally(SERVICE_CODES.idl, month, row.cells.anak_imunisasi?.[i]);
      });
    }
  }
  // Persons per period: in it when judged in any of its months; met it by the last judged month ("last") or
  // by any month ("any"), the way PERSON_RULES says for the code.
  for (const [code, byPerson] of judged) {
    for (const byMonth of byPerson.values()) {
      const months = [...byMonth.keys()].sort();
      const periods = new Set(months.flatMap((m) => [m, ...kinds.map((k) => periodContaining(k, m))]));
      for (const period of periods) {
        const inside = months.filter(
          (m) => m === period || kinds.some((k) => periodContaining(k, m) === period),
        );
        const met =
          PERSON_RULES[code] === "last"
            ? byMonth.get(inside.at(-1) as string) === "Y"
            : inside.some((m) => byMonth.get(m) === "Y");
        const key = `${code}|${period}`;
        const c = counts.get(key) ?? { numerator: 0, denominator: 0 };
        c.denominator++;
        if (met) c.numerator++;
        counts.set(key, c);
      }
    }
  }
  await insertCounts(trx, desa, counts);
}

/** Throw the aggregates away and rebuild every desa from scratch (tests compare this with the incremental way). */
export async function referenceRebuildAll(db: Kysely<Database>, today: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom("indicator_desa_periods").execute();
    await trx.deleteFrom("indicator_desa_households").execute();
    await trx.deleteFrom("indicator_dirty").execute();
    await trx.deleteFrom("indicator_desa_services").execute();
    const codes = new Set<string>();
    for (const t of [
      "persons",
      "households",
      "service_records",
      "pregnancies",
      "family_screenings",
      "catin",
      "tpk_assignments",
    ] as const) {
      for (const r of await trx.selectFrom(t).select("region_code").distinct().execute())
        codes.add(r.region_code.slice(0, 13));
    }
    for (const desa of [...codes].sort()) await rebuildDesa(trx, desa, today);
  });
}
