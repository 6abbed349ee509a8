import {
  type Actor,
  type CatinInput,
  type CatinList,
  type CatinScreeningInput,
  type CatinView,
  catinCoverage,
  type RecordVoidInput,
  readScopes,
  semesterOf,
  semesterRange,
  todayIso,
} from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { CatinScreeningsTable, CatinTable, Database } from "../../db/schema";
import { inTransaction } from "../../db/transaction";
import { errors } from "../../errors";
import { nowIso } from "../../util/ids";
import { appendAudit, voidAudited } from "../audit/service";
import { createPerson, findPerson } from "../persons/service";
import { writableRegion } from "../region-guard";
import { findRegion } from "../regions/service";
import {
  catinIdTaken,
  catinInRegion,
  catinScreeningIdTaken,
  findCatin,
  findCatinScreening,
  insertCatin,
  insertCatinScreening,
  markCatinScreeningVoided,
  screeningsOfCatin,
  toCatinView,
} from "./repository";

const LEVELS = ["desa", "dusun", "posyandu"] as const;

/** One catin; the NIK is masked unless `fullNik` (the certificate, which identifies the person to the KUA). */
export async function viewCatin(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  fullNik = false,
): Promise<CatinView> {
  const c = await findCatin(db, readScopes(actor), id);
  if (!c) throw errors.notFound();
  const screenings = (await screeningsOfCatin(db, [c.id])).get(c.id) ?? [];
  return toCatinView(c, screenings, fullNik);
}

/**
 * Registers a bride/groom-to-be with the planned marriage date (Paser Pasal 12(3)c): a registered person,
 * or a new one created through the persons service. Replaying the same client id returns the record.
 */
export async function registerCatin(
  db: Kysely<Database>,
  actor: Actor,
  input: CatinInput,
): Promise<CatinView> {
  if (await catinIdTaken(db, input.id)) return viewCatin(db, actor, input.id);
  const scopes = readScopes(actor);
  // Everything that can refuse the catin is checked before a new person is created, so a refused
  // registration leaves no person behind (and a retry does not make a second one).
  if (input.partnerPersonId && !(await findPerson(db, scopes, input.partnerPersonId)))
    throw errors.missingReference("partnerPersonId", "partnerPersonId: no such person in your area");
  if (input.person && input.marriageDate < input.person.birthDate)
    throw errors.validation("marriageDate", "marriageDate: before the birth date");
  let personId = input.personId ?? null;
  if (input.person) {
    await writableRegion(db, actor, input.person.regionCode, LEVELS, "person.regionCode");
    personId = (await createPerson(db, actor, input.person)).person.id;
  }
  const person = personId ? await findPerson(db, scopes, personId) : undefined;
  if (!person || person.merged_into) throw errors.notFound();
  await writableRegion(db, actor, person.region_code, LEVELS);
  if (input.marriageDate < person.birth_date)
    throw errors.validation("marriageDate", "marriageDate: before the birth date");
  const row: CatinTable = {
    id: input.id,
    region_code: person.region_code,
    person_id: person.id,
    partner_person_id: input.partnerPersonId ?? null,
    partner_name: input.partnerName ?? null,
    marriage_date: input.marriageDate,
    created_at: nowIso(),
    created_by: actor.username,
  };
  await inTransaction(db, async (trx) => {
    await insertCatin(trx, row);
    await appendAudit(trx, actor, {
      action: "catin.create",
      entity: "catin",
      entityId: row.id,
      regionCode: row.region_code,
      after: row,
    });
  });
  return viewCatin(db, actor, row.id);
}

/** A catin screening (Paser Pasal 13(1)a); appended; the client id makes a replay a no-op. */
export async function recordCatinScreening(
  db: Kysely<Database>,
  actor: Actor,
  catinId: string,
  input: CatinScreeningInput,
): Promise<CatinView> {
  const taken = await catinScreeningIdTaken(db, input.id);
  if (taken) {
    if (taken.catin_id !== catinId) throw errors.conflict("This id belongs to another screening.", "id");
    return viewCatin(db, actor, catinId);
  }
  const c = await findCatin(db, readScopes(actor), catinId);
  if (!c) throw errors.notFound();
  await writableRegion(db, actor, c.region_code, LEVELS);
  if (input.screenedOn > todayIso()) throw errors.validation("screenedOn", "screenedOn: is in the future");
  if (input.screenedOn < c.birth_date)
    throw errors.validation("screenedOn", "screenedOn: before the birth date");
  const row: CatinScreeningsTable = {
    id: input.id,
    region_code: c.region_code,
    catin_id: c.id,
    screened_on: input.screenedOn,
    weight_kg: input.weightKg,
    height_cm: input.heightCm,
    muac_cm: input.muacCm ?? null,
    hb_g_dl: input.hbGdl ?? null,
    extra_json: JSON.stringify(input.extra ?? {}),
    created_at: nowIso(),
    created_by: actor.username,
  };
  await inTransaction(db, async (trx) => {
    await insertCatinScreening(trx, row);
    await appendAudit(trx, actor, {
      action: "catin_screening.create",
      entity: "catin_screening",
      entityId: row.id,
      regionCode: row.region_code,
      after: row,
    });
  });
  return viewCatin(db, actor, catinId);
}

/**
 * Void a catin screening recorded by mistake (wrong person, wrong values), with a reason (issue 17): kept,
 * audited, shown struck on the catin's page; no certificate is printed from it and "screened ≥ 3 months
 * before marriage" no longer counts it. Voiding it again is a no-op (a phone may resend).
 */
export async function voidCatinScreening(
  db: Kysely<Database>,
  actor: Actor,
  input: RecordVoidInput,
): Promise<CatinView> {
  const s = await findCatinScreening(db, readScopes(actor), input.id);
  if (!s) throw errors.notFound();
  await writableRegion(db, actor, s.region_code, LEVELS);
  if (!s.voided_at) {
    const what = {
      action: "catin_screening.void",
      entity: "catin_screening",
      before: s,
      reason: input.reason,
    };
    await voidAudited(db, actor, s, what, (trx, at) =>
      markCatinScreeningVoided(trx, s.id, actor.userId, input.reason, at),
    );
  }
  return viewCatin(db, actor, s.catin_id);
}

/** Catin of a region, and the indicator "catin screened ≥ 3 months before marriage" for a semester. */
export async function listCatin(
  db: Kysely<Database>,
  actor: Actor,
  regionCode: string,
  semester: string = semesterOf(todayIso()),
): Promise<CatinList> {
  const scopes = readScopes(actor);
  if (!(await findRegion(db, scopes, regionCode))) throw errors.notFound();
  const rows = await catinInRegion(db, scopes, regionCode);
  const screenings = await screeningsOfCatin(
    db,
    rows.map((r) => r.id),
  );
  const views = rows.map((r) => toCatinView(r, screenings.get(r.id) ?? [], false));
  const { from, to } = semesterRange(semester);
  const coverage = catinCoverage(
    views.map((v) => ({
      marriageDate: v.marriageDate,
      screeningDates: v.screenings.filter((s) => s.voidReason == null).map((s) => s.screenedOn),
    })),
    from,
    to,
  );
  return { rows: views, coverage: { from, to, ...coverage } };
}

// What TPK visits read of a catin (features meet catin through this file, not its repository).
export { findCatin } from "./repository";
