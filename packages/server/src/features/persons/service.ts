import {
  type Actor,
  type ChartIndicator,
  type ChartView,
  checkNik,
  hasPowerAt,
  levelOfCode,
  nameKey,
  type PersonInput,
  type PersonLeaveInput,
  type PersonPatch,
  type PersonRecord,
  type PersonReturnInput,
  type PersonView,
  readScopes,
  todayIso,
} from "@tumbuh/core";
import { chartFor, childAlerts, measurementViews } from "@tumbuh/core/growth-views";
import type { Kysely } from "kysely";
import type { Database, PersonsTable } from "../../db/schema";
import { inTransaction } from "../../db/transaction";
import { errors } from "../../errors";
import { nowIso, uuidv7 } from "../../util/ids";
import { appendAudit } from "../audit/service";
import { findHousehold, toHouseholdView, visibleHousehold } from "../households/service";
import { measurementsOf } from "../measurements/repository";
import { pregnanciesOf, toPregnancyView } from "../pregnancies/repository";
import { writableRegion } from "../region-guard";
import { existingCodes } from "../regions/service";
import {
  childBirthDates,
  childrenOf,
  findLivePersonByNik,
  findPerson,
  insertPerson,
  type PersonRow,
  searchPersons,
  summariesWithFacts,
  toSummary,
  updatePerson,
} from "./repository";

const PERSON_LEVELS = ["desa", "dusun", "posyandu"] as const;

/** NIK check against the kecamatan codes we know; a malformed NIK is a 400 on the field. */
async function nikWarnings(
  db: Kysely<Database>,
  nik: string | null | undefined,
  person: { birthDate: string; sex: 1 | 2 },
) {
  if (!nik) return [];
  const kec = `${nik.slice(0, 2)}.${nik.slice(2, 4)}.${nik.slice(4, 6)}`;
  const known = /^\d{16}$/.test(nik) ? await existingCodes(db, [kec]) : new Set<string>();
  const r = checkNik(nik, person, (c) => known.has(c) && levelOfCode(c) === "kecamatan");
  if (r.error) throw errors.validation("nik", `nik: ${r.error}`);
  return r.warnings;
}

/**
 * The same NIK is one person. A caller who can see the record that has it gets a 409 naming the field; a
 * NIK registered outside the caller's area is accepted as new, since refusing it would confirm to anyone
 * that the NIK exists (issue 18). The two records are then one pair in features/duplicates ("same_nik")
 * for someone whose area holds both, who merges them.
 */
async function assertNikFree(
  db: Kysely<Database>,
  actor: Actor,
  nik: string | null | undefined,
  selfId?: string,
) {
  if (!nik) return;
  const other = await findLivePersonByNik(db, nik, readScopes(actor));
  if (other && other.id !== selfId) throw errors.conflict("nik: this NIK is already registered", "nik");
}

async function assertMother(db: Kysely<Database>, actor: Actor, motherId: string, childId?: string) {
  const mother = await findPerson(db, readScopes(actor), motherId);
  if (!mother) throw errors.missingReference("motherId", "motherId: no such woman in your area");
  if (mother.sex !== 2 || mother.merged_into || motherId === childId) {
    throw errors.validation("motherId", "motherId: no such woman in your area");
  }
}

/** `opts.id`: an id made on a device (offline sync), so a replay finds the same record. */
export async function createPerson(
  db: Kysely<Database>,
  actor: Actor,
  input: PersonInput,
  opts: { id?: string } = {},
) {
  await writableRegion(db, actor, input.regionCode, PERSON_LEVELS);
  const nik = input.nik?.trim() || null;
  const warnings = await nikWarnings(db, nik, input);
  await assertNikFree(db, actor, nik);
  if (input.householdId) await visibleHousehold(db, actor, input.householdId);
  if (input.motherId) await assertMother(db, actor, input.motherId);
  if (input.birthDate > todayIso()) throw errors.validation("birthDate", "birthDate: is in the future");
  const at = nowIso();
  const row: PersonsTable & { left_on: null; left_reason: null } = {
    id: opts.id ?? uuidv7(),
    region_code: input.regionCode,
    household_id: input.householdId ?? null,
    name: input.name,
    name_key: nameKey(input.name),
    sex: input.sex,
    birth_date: input.birthDate,
    nik,
    mother_id: input.motherId ?? null,
    parent_name: input.parentName ?? null,
    birth_weight_kg: input.birthWeightKg ?? null,
    birth_length_cm: input.birthLengthCm ?? null,
    created_at: at,
    updated_at: at,
    revision: 1,
    deleted_at: null,
    merged_into: null,
    left_on: null,
    left_reason: null,
  };
  await inTransaction(db, async (trx) => {
    await insertPerson(trx, row);
    await appendAudit(trx, actor, {
      action: "person.create",
      entity: "person",
      entityId: row.id,
      regionCode: row.region_code,
      after: row,
    });
  });
  return { person: detail(actor, row, todayIso()), warnings };
}

/** The record as `actor` may read it: the full NIK only with the readNik power there (else null; nikMasked stays). */
function detail(actor: Actor, r: PersonRow, asOf: string, facts = {}): PersonRecord {
  return {
    ...toSummary(r, asOf, facts),
    nik: hasPowerAt(actor, "readNik", r.region_code) ? r.nik : null,
    householdId: r.household_id,
    motherId: r.mother_id,
    parentName: r.parent_name,
    birthWeightKg: r.birth_weight_kg,
    birthLengthCm: r.birth_length_cm,
    revision: r.revision,
    leftOn: r.left_on ?? null,
    leftReason: r.left_reason === "moved" || r.left_reason === "died" ? r.left_reason : null,
  };
}

/** Edit with optimistic concurrency: a stale revision is a 409 conflict, never a silent overwrite. */
export async function editPerson(db: Kysely<Database>, actor: Actor, id: string, changes: PersonPatch) {
  const before = await findPerson(db, readScopes(actor), id);
  if (!before || before.merged_into) throw errors.notFound();
  await writableRegion(db, actor, before.region_code, PERSON_LEVELS);
  const merged = {
    birthDate: changes.birthDate ?? before.birth_date,
    sex: (changes.sex ?? before.sex) as 1 | 2,
  };
  const nik = changes.nik === undefined ? before.nik : changes.nik?.trim() || null;
  const warnings = await nikWarnings(db, nik, merged);
  await assertNikFree(db, actor, nik, id);
  if (changes.householdId) await visibleHousehold(db, actor, changes.householdId);
  if (changes.motherId) await assertMother(db, actor, changes.motherId, id);
  const set: Partial<PersonsTable> = { updated_at: nowIso() };
  if (changes.name !== undefined) Object.assign(set, { name: changes.name, name_key: nameKey(changes.name) });
  if (changes.sex !== undefined) set.sex = changes.sex;
  if (changes.birthDate !== undefined) set.birth_date = changes.birthDate;
  if (changes.nik !== undefined) set.nik = nik;
  if (changes.householdId !== undefined) set.household_id = changes.householdId ?? null;
  if (changes.motherId !== undefined) set.mother_id = changes.motherId ?? null;
  if (changes.parentName !== undefined) set.parent_name = changes.parentName ?? null;
  if (changes.birthWeightKg !== undefined) set.birth_weight_kg = changes.birthWeightKg ?? null;
  if (changes.birthLengthCm !== undefined) set.birth_length_cm = changes.birthLengthCm ?? null;
  const after = await inTransaction(db, async (trx) => {
    if (!(await updatePerson(trx, id, changes.revision, set))) {
      throw errors.conflict("This record was changed by someone else; reload it and edit again.");
    }
    const row = (await findPerson(trx, [""], id)) as PersonRow;
    await appendAudit(trx, actor, {
      action: "person.update",
      entity: "person",
      entityId: id,
      regionCode: row.region_code,
      before,
      after: row,
    });
    return row;
  });
  return { person: detail(actor, after, todayIso()), warnings };
}

/**
 * A person moved away or died on `leftOn` (issue 17): from that day she or he leaves the registry lists,
 * the posyandu day, due lists, the inbox and (core `presentOn`) the denominators; the record stays readable.
 * Marking again with the same day and reason is a no-op (a phone may send the op twice); another day or
 * reason is a new revision, audited like the first.
 */
export async function leavePerson(db: Kysely<Database>, actor: Actor, input: PersonLeaveInput) {
  const before = await findPerson(db, readScopes(actor), input.personId);
  if (!before || before.merged_into) throw errors.notFound();
  await writableRegion(db, actor, before.region_code, PERSON_LEVELS);
  if (input.leftOn > todayIso()) throw errors.validation("leftOn", "leftOn: is in the future");
  if (input.leftOn < before.birth_date) throw errors.validation("leftOn", "leftOn: before the birth date");
  if (before.left_on === input.leftOn && before.left_reason === input.reason)
    return detail(actor, before, todayIso());
  return writeLeave(db, actor, before, { left_on: input.leftOn, left_reason: input.reason }, "person.leave", {
    leftOn: input.leftOn,
    leftReason: input.reason,
    note: input.note ?? null,
  });
}

/**
 * Undo a moved-away/died mark made by mistake (issue 17), with the reason: the day and reason are cleared,
 * so the person is in the lists, due lists and denominators again (core `presentOn` finds nothing
 * recorded) — for every period, as the mark was wrong. Same permission as the mark; the audit keeps what
 * was cleared and why. A person not marked is left as is (a phone may send the undo twice).
 */
export async function undoLeavePerson(db: Kysely<Database>, actor: Actor, input: PersonReturnInput) {
  const before = await findPerson(db, readScopes(actor), input.personId);
  if (!before || before.merged_into) throw errors.notFound();
  await writableRegion(db, actor, before.region_code, PERSON_LEVELS);
  if (!before.left_on && !before.left_reason) return detail(actor, before, todayIso());
  return writeLeave(db, actor, before, { left_on: null, left_reason: null }, "person.leave_undo", {
    leftOn: null,
    leftReason: null,
    reason: input.reason,
  });
}

/**
 * Set (or clear) a person's moved-away/died day and reason at the revision the caller read, audited with
 * what they were before: the mark and its undo differ only in the values and the audit entry.
 */
async function writeLeave(
  db: Kysely<Database>,
  actor: Actor,
  before: PersonRow,
  leave: Pick<PersonsTable, "left_on" | "left_reason">,
  action: "person.leave" | "person.leave_undo",
  audited: Record<string, unknown>,
) {
  const after = await inTransaction(db, async (trx) => {
    if (!(await updatePerson(trx, before.id, before.revision, { ...leave, updated_at: nowIso() }))) {
      throw errors.conflict("This record was changed by someone else; reload it and edit again.");
    }
    const row = (await findPerson(trx, [""], before.id)) as PersonRow;
    await appendAudit(trx, actor, {
      action,
      entity: "person",
      entityId: row.id,
      regionCode: row.region_code,
      before: { leftOn: before.left_on ?? null, leftReason: before.left_reason ?? null },
      after: audited,
    });
    return row;
  });
  return detail(actor, after, todayIso());
}

/** The full page of a person: profile, household, family, pregnancies, measurements with growth results. */
export async function viewPerson(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  asOf = todayIso(),
): Promise<PersonView> {
  const scopes = readScopes(actor);
  let row = await findPerson(db, scopes, id);
  // An old link to a merged record leads to the record it was merged into.
  for (let hops = 0; row?.merged_into && hops < 5; hops++)
    row = await findPerson(db, scopes, row.merged_into);
  if (!row || row.merged_into) throw errors.notFound();
  const sex = row.sex === 2 ? 2 : 1;
  const [householdRow, motherRow, kids, pregnancyRows, raws, kidDates] = await Promise.all([
    row.household_id ? findHousehold(db, scopes, row.household_id) : undefined,
    row.mother_id ? findPerson(db, scopes, row.mother_id) : undefined,
    childrenOf(db, scopes, row.id),
    pregnanciesOf(db, row.id),
    measurementsOf(db, row.id),
    childBirthDates(db, [row.id]),
  ]);
  const pregnancies = pregnancyRows.map((p) => toPregnancyView(p, asOf));
  const facts = {
    pregnancies: pregnancyRows.map((p) => ({
      lmpDate: p.lmp_date,
      eddDate: p.edd_date,
      endedOn: p.ended_on,
    })),
    childBirthDates: kidDates.get(row.id) ?? [],
  };
  const { views, twoT } = measurementViews({ sex, birthDate: row.birth_date }, raws);
  let nikWarningsNow: string[] = [];
  try {
    nikWarningsNow = await nikWarnings(db, row.nik, { birthDate: row.birth_date, sex });
  } catch (e) {
    // A stored NIK that no longer passes (e.g. regions re-imported) is shown as a warning, not a failure.
    nikWarningsNow = [e instanceof Error ? e.message : String(e)];
  }
  return {
    person: detail(actor, row, asOf, facts),
    nikWarnings: nikWarningsNow,
    household: householdRow ? toHouseholdView(householdRow) : null,
    mother: motherRow && !motherRow.merged_into ? toSummary(motherRow, asOf) : null,
    children: kids.map((k) => toSummary(k, asOf)),
    pregnancies,
    measurements: views,
    alerts: childAlerts(views, twoT),
  };
}

export async function findPersons(
  db: Kysely<Database>,
  actor: Actor,
  q: { region: string; q: string; limit: number },
  asOf = todayIso(),
) {
  const rows = await searchPersons(db, readScopes(actor), q.region, q.q, q.limit);
  return summariesWithFacts(db, rows, asOf);
}

// Finding people and their summaries, as other features read them (through this file, not the repository).
export {
  childBirthDates,
  findLivePersonByNik,
  findPerson,
  findPersonsByIds,
  listPersonsOfHousehold,
  personsInRegionBornBetween,
  personsInRegionBornBetweenQuery,
  summariesWithFacts,
  toSummary,
} from "./repository";

/** One growth chart of a child the actor may read: WHO SD lines and the child's points. */
export async function personChart(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  indicator: ChartIndicator,
): Promise<ChartView> {
  const person = await findPerson(db, readScopes(actor), id);
  if (!person || person.merged_into) throw errors.notFound();
  const raws = await measurementsOf(db, person.id);
  return chartFor({ sex: person.sex === 2 ? 2 : 1, birthDate: person.birth_date }, indicator, raws);
}
