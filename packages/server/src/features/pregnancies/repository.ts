import {
  addDays,
  isPregnancyActive,
  type PregnancyFacts,
  type PregnancyView,
  pregnancySignals,
} from "@tumbuh/core";
import type { Kysely, Selectable, Transaction } from "kysely";
import type { Database, PregnanciesTable } from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";

type Conn = Kysely<Database> | Transaction<Database>;
export type PregnancyRow = Selectable<PregnanciesTable>;

export function toPregnancyView(p: PregnancyRow, asOf: string): PregnancyView {
  const signals = pregnancySignals({ muacCm: p.muac_cm, hbGdl: p.hb_g_dl });
  return {
    id: p.id,
    lmpDate: p.lmp_date,
    eddDate: p.edd_date,
    gravida: p.gravida,
    muacCm: p.muac_cm,
    hbGdl: p.hb_g_dl,
    highRisk: p.high_risk === 1,
    highRiskNote: p.high_risk_note,
    ...signals,
    active: isPregnancyActive({ lmpDate: p.lmp_date, eddDate: p.edd_date, endedOn: p.ended_on }, asOf),
    endedOn: p.ended_on,
    outcome: p.outcome,
    revision: p.revision,
  };
}

export async function pregnanciesOf(db: Conn, personId: string): Promise<PregnancyRow[]> {
  return db
    .selectFrom("pregnancies")
    .selectAll()
    .where("person_id", "=", personId)
    .where("deleted_at", "is", null)
    .orderBy("lmp_date", "desc")
    .execute();
}

export async function findPregnancy(db: Conn, scopes: readonly string[], id: string) {
  return db
    .selectFrom("pregnancies")
    .selectAll()
    .where("id", "=", id)
    .where("deleted_at", "is", null)
    .where(withinScopes("region_code", scopes))
    .executeTakeFirst();
}

export async function insertPregnancy(db: Conn, row: PregnanciesTable) {
  await db.insertInto("pregnancies").values(row).execute();
}

export async function endPregnancy(db: Conn, id: string, endedOn: string, outcome: string, at: string) {
  await db
    .updateTable("pregnancies")
    .set((eb) => ({ ended_on: endedOn, outcome, updated_at: at, revision: eb("revision", "+", 1) }))
    .where("id", "=", id)
    .execute();
}

/** Optimistic update: only when the record is still at `expectedRevision`. */
export async function updatePregnancy(
  db: Conn,
  id: string,
  expectedRevision: number,
  changes: Partial<PregnanciesTable>,
): Promise<boolean> {
  const res = await db
    .updateTable("pregnancies")
    .set({ ...changes, revision: expectedRevision + 1 })
    .where("id", "=", id)
    .where("revision", "=", expectedRevision)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** The facts a woman's target roles depend on, for many women at once. */
export async function pregnancyFactsOf(
  db: Conn,
  personIds: readonly string[],
): Promise<Map<string, PregnancyFacts[]>> {
  const facts = new Map<string, PregnancyFacts[]>();
  for (let i = 0; i < personIds.length; i += 500) {
    const rows = await db
      .selectFrom("pregnancies")
      .select(["person_id", "lmp_date", "edd_date", "ended_on"])
      .where("person_id", "in", personIds.slice(i, i + 500))
      .where("deleted_at", "is", null)
      .execute();
    for (const p of rows) {
      facts.set(p.person_id, [
        ...(facts.get(p.person_id) ?? []),
        { lmpDate: p.lmp_date, eddDate: p.edd_date, endedOn: p.ended_on },
      ]);
    }
  }
  return facts;
}

/**
 * Live pregnancies of live women registered in a region (and scope) that may touch [from, to]: started by
 * `to`, and not ended (or expected) long before `from`. A superset; core's rules decide exactly.
 */
export async function pregnanciesInRegion(
  db: Conn,
  scopes: readonly string[],
  regionCode: string,
  from: string,
  to: string,
  slackDays: number,
) {
  return pregnanciesInRegionQuery(db, scopes, regionCode, from, to, slackDays).execute();
}

/** The query of `pregnanciesInRegion`, not run (a caller may add a column: the woman's row key, db/row-key). */
export function pregnanciesInRegionQuery(
  db: Conn,
  scopes: readonly string[],
  regionCode: string,
  from: string,
  to: string,
  slackDays: number,
) {
  const earliest = addDays(from, -slackDays);
  return livePregnanciesIn(db, scopes, regionCode)
    .select([
      "pregnancies.id",
      "pregnancies.person_id",
      "pregnancies.lmp_date",
      "pregnancies.edd_date",
      "pregnancies.ended_on",
      "pregnancies.outcome",
      "pregnancies.muac_cm",
      "pregnancies.high_risk",
      "persons.name",
      "persons.region_code",
      "persons.household_id",
      "persons.birth_date",
      "persons.left_on",
    ])
    .where("pregnancies.lmp_date", "<=", to)
    .where((eb) =>
      eb.or([
        eb("pregnancies.ended_on", ">=", earliest),
        eb.and([eb("pregnancies.ended_on", "is", null), eb("pregnancies.edd_date", ">=", earliest)]),
      ]),
    );
}

/**
 * Pregnancies not ended by `asOf` and not past their expected date by more than `overdueDays`, of live
 * women registered in a region (and scope), with the woman's name and birth date: the midwife's list.
 * Soonest expected date first (then name, id: a stable order to page by); `limit` rows from `offset`.
 */
export async function ongoingPregnanciesInRegion(
  db: Conn,
  scopes: readonly string[],
  regionCode: string,
  asOf: string,
  overdueDays: number,
  limit: number,
  offset = 0,
) {
  return (
    livePregnanciesIn(db, scopes, regionCode)
      .selectAll("pregnancies")
      // left_on: the list asks core presentOn with it (a woman who moved away or died is not on it).
      .select([
        "persons.name",
        "persons.birth_date",
        "persons.region_code as person_region_code",
        "persons.left_on",
      ])
      .where("pregnancies.lmp_date", "<=", asOf)
      .where((eb) => eb.or([eb("pregnancies.ended_on", "is", null), eb("pregnancies.ended_on", ">", asOf)]))
      .where("pregnancies.edd_date", ">=", addDays(asOf, -overdueDays))
      .orderBy("pregnancies.edd_date")
      .orderBy("persons.name")
      .orderBy("pregnancies.id")
      .limit(limit)
      .offset(offset)
      .execute()
  );
}

/** Live pregnancies of live (not deleted, not merged) women registered in a region, within the caller's scopes. */
function livePregnanciesIn(db: Conn, scopes: readonly string[], regionCode: string) {
  return db
    .selectFrom("pregnancies")
    .innerJoin("persons", "persons.id", "pregnancies.person_id")
    .where("pregnancies.deleted_at", "is", null)
    .where("persons.deleted_at", "is", null)
    .where("persons.merged_into", "is", null)
    .where(withinScopes("persons.region_code", scopes))
    .where(withinScopes("persons.region_code", [regionCode]));
}
