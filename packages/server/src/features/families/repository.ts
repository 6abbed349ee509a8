import {
  completedMonths,
  completedYears,
  FactSourcesSchema,
  type FamilyFacts,
  FamilyFactsSchema,
  FamilyRiskResultSchema,
  type FamilyScreeningView,
  isPregnancyActive,
  type LatrineType,
  type WaterSource,
} from "@tumbuh/core";
import type { Kysely, Selectable, Transaction } from "kysely";
import { parseJsonColumn } from "../../db/json-column";
import type { Database, FamilyScreeningsTable } from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";
import { childBirthDates, listPersonsOfHousehold } from "../persons/service";
import { pregnancyFactsOf } from "../pregnancies/service";

type Conn = Kysely<Database> | Transaction<Database>;
export type ScreeningRow = Selectable<FamilyScreeningsTable>;

export function toScreeningView(r: ScreeningRow | FamilyScreeningsTable): FamilyScreeningView {
  return {
    id: r.id,
    householdId: r.household_id,
    semester: r.semester,
    screenedOn: r.screened_on,
    facts: parseJsonColumn(FamilyFactsSchema, r.facts_json),
    sources: parseJsonColumn(FactSourcesSchema, r.sources_json),
    evaluation: parseJsonColumn(FamilyRiskResultSchema, r.reasons_json),
    note: r.note,
    verification:
      r.verified_at && r.verify_result
        ? {
            result: r.verify_result as "sesuai" | "tidak_sesuai",
            note: r.verify_note,
            at: r.verified_at,
            by: r.verified_by,
          }
        : null,
    createdBy: r.created_by,
    voidReason: r.voided_at ? (r.void_reason ?? "") : null,
  };
}

/**
 * What the registry already knows about a household as family-screening facts: water and latrine codes,
 * the mother (the woman 15–49 with children here, else any woman 15–49), her children's birth dates,
 * pregnancy and under-fives. A PUS is known only when a woman 15–49 has a child or a pregnancy (the
 * registry does not record marriages); otherwise the screener says.
 */
export async function registryFamilyFacts(
  db: Conn,
  scopes: readonly string[],
  household: { id: string; water_source: string; latrine_type: string },
  asOf: string,
): Promise<Partial<FamilyFacts>> {
  const members = await listPersonsOfHousehold(db, scopes, household.id);
  const women = members.filter((p) => {
    const y = completedYears(p.birth_date, asOf);
    return p.sex === 2 && y >= 15 && y <= 49;
  });
  const kids = await childBirthDates(
    db,
    women.map((w) => w.id),
  );
  const pregnancies = await pregnancyFactsOf(
    db,
    women.map((w) => w.id),
  );
  const pregnant = women.some((w) => (pregnancies.get(w.id) ?? []).some((p) => isPregnancyActive(p, asOf)));
  const mother =
    women
      .filter((w) => (kids.get(w.id) ?? []).length > 0)
      .sort((a, b) => (a.birth_date < b.birth_date ? 1 : -1))[0] ?? women[0];
  const facts: Partial<FamilyFacts> = {
    waterSource: household.water_source as WaterSource,
    latrineType: household.latrine_type as LatrineType,
    hasPregnantWoman: pregnant,
    hasUnderFive: members.some((p) => p.birth_date <= asOf && completedMonths(p.birth_date, asOf) < 60),
  };
  if (mother) {
    facts.motherBirthDate = mother.birth_date;
    facts.childBirthDates = kids.get(mother.id) ?? [];
    if (facts.childBirthDates.length > 0 || pregnant) facts.hasPus = true;
  }
  return facts;
}

/** Every screening of a household, newest first, voided ones included (its history shows them struck). */
export async function screeningsOfHousehold(db: Conn, scopes: readonly string[], householdId: string) {
  return db
    .selectFrom("family_screenings")
    .selectAll()
    .where("household_id", "=", householdId)
    .where(withinScopes("region_code", scopes))
    .orderBy("screened_on", "desc")
    .orderBy("id", "desc")
    .execute();
}

export async function findScreening(db: Conn, scopes: readonly string[], id: string) {
  return db
    .selectFrom("family_screenings")
    .selectAll()
    .where("id", "=", id)
    .where(withinScopes("region_code", scopes))
    .executeTakeFirst();
}

/** Any row with this id, whatever the scope: a client id already used. */
export async function screeningIdTaken(db: Conn, id: string) {
  return db
    .selectFrom("family_screenings")
    .select(["id", "region_code"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Void a screening (issue 17): kept with who, when and why; every list and figure leaves it out. */
export async function markScreeningVoided(db: Conn, id: string, by: string, reason: string, at: string) {
  await db
    .updateTable("family_screenings")
    .set({ voided_at: at, voided_by: by, void_reason: reason })
    .where("id", "=", id)
    .where("voided_at", "is", null)
    .execute();
}

export async function insertScreening(db: Conn, row: FamilyScreeningsTable) {
  await db.insertInto("family_screenings").values(row).execute();
}

/** Every live (not voided) screening of the semester in a region (newest first), with its household's address. */
export async function screeningsInRegion(
  db: Conn,
  scopes: readonly string[],
  regionCode: string,
  semester: string,
) {
  return db
    .selectFrom("family_screenings as s")
    .innerJoin("households as h", "h.id", "s.household_id")
    .select([
      "s.id",
      "s.household_id",
      "s.region_code",
      "s.screened_on",
      "s.at_risk",
      "s.reasons_json",
      "s.verified_at",
      "h.head_name",
      "h.address",
    ])
    .where(withinScopes("s.region_code", scopes))
    .where(withinScopes("s.region_code", [regionCode]))
    .where("s.semester", "=", semester)
    .where("s.voided_at", "is", null)
    .orderBy("s.screened_on", "desc")
    .orderBy("s.id", "desc")
    .execute();
}

/**
 * Live households of a region without a live screening in the semester (one voided by mistake does not
 * count), by head's name (at most `limit`).
 */
export async function unscreenedHouseholds(
  db: Conn,
  scopes: readonly string[],
  regionCode: string,
  semester: string,
  limit: number,
) {
  return db
    .selectFrom("households as h")
    .select(["h.id", "h.head_name", "h.address"])
    .where("h.deleted_at", "is", null)
    .where(withinScopes("h.region_code", scopes))
    .where(withinScopes("h.region_code", [regionCode]))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("family_screenings as s")
            .select("s.id")
            .whereRef("s.household_id", "=", "h.id")
            .where("s.semester", "=", semester)
            .where("s.voided_at", "is", null),
        ),
      ),
    )
    .orderBy("h.head_name")
    .orderBy("h.id")
    .limit(limit)
    .execute();
}
