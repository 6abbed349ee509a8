// The midwife's list of pregnant women (issue 17): ongoing pregnancies of a region with where each stands,
// her ANC and iron-tablet records and risk signals. Reads only; the pregnancies, services, persons and
// regions features own the rows.
import {
  type Actor,
  ancByTrimester,
  ancMissing,
  completedYears,
  daysBetween,
  gestationalAge,
  PREGNANT_LIST_LIMIT,
  type PregnantWomanRow,
  pregnancySignals,
  presentOn,
  readScopes,
  TARGET_AGE_RULES,
  todayIso,
} from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { errors } from "../../errors";
import { ongoingPregnanciesInRegion } from "../pregnancies/service";
import { findRegion, findRegionsByCode } from "../regions/service";
import { liveServiceRecordsOfPersons } from "../services/service";

/**
 * Ongoing pregnancies of women still here on `asOf` (core `presentOn`, issue 17: one who moved away or died
 * is not on the midwife's list), up to one more than the list shows. Read in pages of that size, so the
 * women who left never push present ones past the limit.
 */
async function presentPregnancies(
  db: Kysely<Database>,
  scopes: readonly string[],
  code: string,
  asOf: string,
) {
  const want = PREGNANT_LIST_LIMIT + 1;
  const out: Awaited<ReturnType<typeof ongoingPregnanciesInRegion>> = [];
  for (let offset = 0; out.length < want; offset += want) {
    const page = await ongoingPregnanciesInRegion(
      db,
      scopes,
      code,
      asOf,
      TARGET_AGE_RULES.pregnancyOverdueDays,
      want,
      offset,
    );
    out.push(...page.filter((p) => presentOn({ leftOn: p.left_on }, asOf)));
    if (page.length < want) break;
  }
  return out.slice(0, want);
}

export async function listPregnantWomen(db: Kysely<Database>, actor: Actor, code: string, asOf = todayIso()) {
  const scopes = readScopes(actor);
  const region = await findRegion(db, scopes, code);
  if (!region) throw errors.notFound();
  const rows = await presentPregnancies(db, scopes, code, asOf);
  const truncated = rows.length > PREGNANT_LIST_LIMIT;
  const live = rows.slice(0, PREGNANT_LIST_LIMIT);
  const earliestLmp = live.reduce((m, p) => (p.lmp_date < m ? p.lmp_date : m), asOf);
  const records = await liveServiceRecordsOfPersons(
    db,
    live.map((p) => p.person_id),
    ["anc", "ttd"],
    earliestLmp,
    asOf,
  );
  const byPerson = new Map<string, { service: string; given_on: string }[]>();
  for (const r of records) byPerson.set(r.person_id, [...(byPerson.get(r.person_id) ?? []), r]);
  const places = new Map(
    (await findRegionsByCode(db, [...new Set(live.map((p) => p.person_region_code))])).map((r) => [
      r.code,
      r.name,
    ]),
  );

  const women: PregnantWomanRow[] = [];
  for (const p of live) {
    const age = gestationalAge(p.lmp_date, asOf);
    if (!age) continue;
    const mine = (byPerson.get(p.person_id) ?? []).filter((r) => r.given_on >= p.lmp_date);
    const anc = mine.filter((r) => r.service === "anc").map((r) => r.given_on);
    const ttd = mine.filter((r) => r.service === "ttd").map((r) => r.given_on);
    const byTrimester = ancByTrimester(p.lmp_date, anc, asOf);
    women.push({
      personId: p.person_id,
      pregnancyId: p.id,
      name: p.name,
      placeName: places.get(p.person_region_code) ?? region.name,
      ageYears: completedYears(p.birth_date, asOf),
      lmpDate: p.lmp_date,
      eddDate: p.edd_date,
      gravida: p.gravida,
      weeks: age.weeks,
      days: age.days,
      trimester: age.trimester,
      daysToEdd: daysBetween(asOf, p.edd_date),
      ancVisits: anc.length,
      ancByTrimester: byTrimester,
      ancMissing: ancMissing(p.lmp_date, byTrimester, asOf),
      lastAncOn: anc.sort().at(-1) ?? null,
      // A month counts once however many packs were handed out in it.
      ttdMonths: new Set(ttd.map((d) => d.slice(0, 7))).size,
      lastTtdOn: ttd.sort().at(-1) ?? null,
      ...pregnancySignals({ muacCm: p.muac_cm, hbGdl: p.hb_g_dl }),
      highRisk: p.high_risk === 1,
      highRiskNote: p.high_risk_note,
    });
  }
  return { region, asOf, women, truncated };
}
