import {
  type Actor,
  addDays,
  addTikaCounts,
  type ChildTikaView,
  countTika,
  EMPTY_TIKA_COUNTS,
  LEVELS,
  type Level,
  periodBounds,
  readScopes,
  type TikaCounts,
  type TikaCountsView,
  type TikaReadingInput,
  type TikaReadingView,
  type TikaResult,
  type TikaRule,
  tikaResultOf,
  tikaRuleFor,
  todayIso,
} from "@tumbuh/core";
import { daysBetween, TIKA_MAX_AGE_DAYS, tikaBandOfLength, tikaMarks } from "@tumbuh/growth";
import type { Kysely, Selectable } from "kysely";
import type { Database, TikaReadingsTable } from "../../db/schema";
import { inTransaction } from "../../db/transaction";
import { errors } from "../../errors";
import { nowIso } from "../../util/ids";
import { appendAudit } from "../audit/service";
import { lengthsInRegion, measurementsOf } from "../measurements/service";
import { findPerson, personsInRegionBornBetween } from "../persons/service";
import { writableRegion } from "../region-guard";
import { findRegion, findRegionsByCode } from "../regions/service";
import { insertReading, readingById, readingsInRegion, readingsOfPerson } from "./repository";

const WRITE_LEVELS: readonly Level[] = ["desa", "dusun", "posyandu"];

const ruleView = (r: TikaRule) => ({ key: r.key, source: r.source, confirmed: r.confirmed });

function toReadingView(r: Selectable<TikaReadingsTable>): TikaReadingView {
  return {
    id: r.id,
    personId: r.person_id,
    measuredOn: r.measured_on,
    band: r.band as TikaReadingView["band"],
    measuredBy: r.measured_by,
    recordedBy: r.created_by,
    recordedAt: r.created_at,
  };
}

const sexOf = (sex: number): 1 | 2 | null => (sex === 1 || sex === 2 ? sex : null);

/** The band a length gives, as a result (null outside 0–23 months, implausible, or sex unknown). */
function fromLength(
  sex: 1 | 2 | null,
  birthDate: string,
  m: { on: string; lengthCm: number; measure: string | null },
  rule: TikaRule,
): TikaResult | null {
  if (!sex) return null;
  const r = tikaBandOfLength(
    {
      sex,
      birthDate,
      measuredOn: m.on,
      lengthCm: m.lengthCm,
      measure: m.measure === "h" ? "h" : "l",
    },
    rule.boundaries,
  );
  return (
    r && {
      band: r.band,
      on: m.on,
      source: "length",
      lengthCm: m.lengthCm,
      zlen: Math.round(r.zlen * 100) / 100,
    }
  );
}

/**
 * A child's tika page: its readings, the band of its latest length measurement while 0–23 months, and the
 * result shown — the latest reading, else the band from the latest length (the same choice the counts make,
 * over the child's whole record instead of one period).
 */
export async function childTika(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  today = todayIso(),
): Promise<ChildTikaView> {
  const person = await findPerson(db, readScopes(actor), personId);
  if (!person || person.merged_into) throw errors.notFound();
  const rule = tikaRuleFor(person.region_code);
  const sex = sexOf(person.sex);
  const readings = (await readingsOfPerson(db, person.id)).map(toReadingView);
  const lengths = (await measurementsOf(db, person.id))
    .filter((m) => m.lenheiCm !== null && m.lenheiCm > 0)
    .map((m) =>
      fromLength(
        sex,
        person.birth_date,
        { on: m.measuredOn, lengthCm: m.lenheiCm as number, measure: m.measure },
        rule,
      ),
    )
    .filter((r): r is TikaResult => r !== null);
  const asResults: TikaResult[] = readings.map((r) => ({
    band: r.band,
    on: r.measuredOn,
    source: "reading",
    lengthCm: null,
    zlen: null,
  }));
  const ageDays = daysBetween(person.birth_date, today);
  return {
    personId: person.id,
    eligible: ageDays >= 0 && ageDays <= TIKA_MAX_AGE_DAYS,
    readings,
    fromLength: lengths.at(-1) ?? null,
    shown: tikaResultOf(asResults, lengths, "0000-01-01", "9999-12-31"),
    marks: sex ? tikaMarks(sex, ageDays, rule.boundaries) : null,
    rule: ruleView(rule),
  };
}

/**
 * Records a reading off the mat (band, who, when) for a child 0–23 months on that day, with its audit entry
 * in one transaction. The client-made id makes a replay (offline sync) a no-op.
 */
export async function recordTikaReading(
  db: Kysely<Database>,
  actor: Actor,
  input: TikaReadingInput,
): Promise<ChildTikaView> {
  const taken = await readingById(db, input.id);
  if (taken) {
    if (taken.person_id !== input.personId)
      throw errors.conflict("This id belongs to another reading.", "id");
    return childTika(db, actor, input.personId);
  }
  const person = await findPerson(db, readScopes(actor), input.personId);
  if (!person || person.merged_into)
    throw errors.missingReference("personId", "personId: no such child in your area");
  await writableRegion(db, actor, person.region_code, WRITE_LEVELS);
  if (input.measuredOn > todayIso()) throw errors.validation("measuredOn", "measuredOn: is in the future");
  const age = daysBetween(person.birth_date, input.measuredOn);
  if (!(age >= 0 && age <= TIKA_MAX_AGE_DAYS))
    throw errors.validation("measuredOn", "measuredOn: the child is not 0–23 months old", "outside_tika_age");
  const row: TikaReadingsTable = {
    id: input.id,
    person_id: person.id,
    region_code: person.region_code,
    measured_on: input.measuredOn,
    band: input.band,
    measured_by: input.measuredBy ?? null,
    created_at: nowIso(),
    created_by: actor.username,
  };
  await inTransaction(db, async (trx) => {
    await insertReading(trx, row);
    await appendAudit(trx, actor, {
      action: "tika_reading.create",
      entity: "tika_reading",
      entityId: row.id,
      regionCode: row.region_code,
      after: row,
    });
  });
  return childTika(db, actor, person.id);
}

/** Rows one level down: a desa's posyandu/dusun, a kecamatan's desa, a regency's kecamatan. */
function rowDepth(level: Level): number {
  if (level === "dusun" || level === "posyandu") return LEVELS.indexOf(level) + 1;
  return LEVELS.indexOf(level) + 2; // a region code of level i has i + 1 segments
}

/**
 * Children 0–23 months terindikasi / berisiko / tidak stunting by tika in a region and period (PALI Pasal 40
 * ayat (2) d–f, (4); Pasal 37 monthly), per area one level down. A child counts when it is 0–23 months at
 * some time in the period (born no more than 730 days before the period starts) and registered in the area;
 * its result is `tikaResultOf` (latest reading in the period, else latest length in the period).
 */
export async function tikaCountsOf(
  db: Kysely<Database>,
  scopes: readonly string[],
  regionCode: string,
  period: string,
): Promise<TikaCountsView> {
  const region = await findRegion(db, scopes, regionCode);
  if (!region) throw errors.notFound();
  const { start, end } = periodBounds(period);
  const bornFrom = addDays(start, -TIKA_MAX_AGE_DAYS);
  const rule = tikaRuleFor(region.code);
  const children = await personsInRegionBornBetween(db, scopes, region.code, bornFrom, end);
  const readings = new Map<string, TikaResult[]>();
  for (const r of await readingsInRegion(db, scopes, region.code, start, end)) {
    const list = readings.get(r.person_id) ?? [];
    list.push({
      band: r.band as TikaResult["band"],
      on: r.measured_on,
      source: "reading",
      lengthCm: null,
      zlen: null,
    });
    readings.set(r.person_id, list);
  }
  const lengths = new Map<string, { on: string; lengthCm: number; measure: string | null }[]>();
  for (const m of await lengthsInRegion(db, scopes, region.code, start, end, bornFrom)) {
    const list = lengths.get(m.person_id) ?? [];
    list.push({ on: m.measured_on, lengthCm: m.lenhei_cm as number, measure: m.measure });
    lengths.set(m.person_id, list);
  }
  const depth = rowDepth(region.level);
  const groups = new Map<string, (TikaResult | null)[]>();
  for (const c of children) {
    const sex = sexOf(c.sex);
    const fromLengths = (lengths.get(c.id) ?? [])
      .map((m) => fromLength(sex, c.birth_date, m, rule))
      .filter((r): r is TikaResult => r !== null);
    // Readings are only taken of children 0–23 months (checked on entry), so they need no age filter here.
    const result = tikaResultOf(readings.get(c.id) ?? [], fromLengths, start, end);
    const key = c.region_code.split(".").slice(0, depth).join(".");
    const list = groups.get(key) ?? [];
    list.push(result);
    groups.set(key, list);
  }
  const names = new Map((await findRegionsByCode(db, [...groups.keys()])).map((r) => [r.code, r.name]));
  const rows = [...groups]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, list]) => ({ code, name: names.get(code) ?? region.name, counts: countTika(list) }));
  const total = rows.reduce<TikaCounts>((sum, r) => addTikaCounts(sum, r.counts), EMPTY_TIKA_COUNTS);
  return {
    regionCode: region.code,
    regionName: region.name,
    regionLevel: region.level,
    period,
    rule: ruleView(rule),
    rows,
    total,
  };
}

/** The counts as the API serves them (the caller's read scopes); what reports/sections/tika.ts reads. */
export function tikaCounts(db: Kysely<Database>, actor: Actor, regionCode: string, period: string) {
  return tikaCountsOf(db, readScopes(actor), regionCode, period);
}
