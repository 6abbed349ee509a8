import {
  type Actor,
  type RecordVoidInput,
  readScopes,
  ServiceRecordInput,
  type ServiceRecordView,
  todayIso,
} from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database, ServiceRecordsTable } from "../../db/schema";
import { inTransaction } from "../../db/transaction";
import { errors } from "../../errors";
import { nowIso, uuidv7 } from "../../util/ids";
import { appendAudit, voidAudited } from "../audit/service";
import { findPerson } from "../persons/service";
import { writableRegion } from "../region-guard";
import {
  findServiceRecord,
  findServiceRecordById,
  insertServiceRecord,
  isSuperseded,
  markServiceRecordVoided,
  serviceRecordsOfPerson,
  toServiceRecordView,
} from "./repository";

export interface RecordServiceResult {
  record: ServiceRecordView;
  /** False when the id was already stored (a replay): nothing was written. */
  created: boolean;
}

/**
 * Record a service given to a target (or, received = false, that it was not received / is no longer held).
 * For the offline sync: the client may send its own UUIDv7 `id`; a replay with an id already stored is a
 * no-op returning the stored record (created = false). Records are appends: a correction is a new record
 * with `supersedes` = the id it replaces, which must belong to the same person and not be superseded yet.
 */
export async function recordService(
  db: Kysely<Database>,
  actor: Actor,
  raw: ServiceRecordInput,
): Promise<RecordServiceResult> {
  const parsed = ServiceRecordInput.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? "body");
    throw errors.validation(field, `${field}: ${issue?.message ?? "invalid"}`);
  }
  const input = parsed.data;
  const scopes = readScopes(actor);
  if (input.id) {
    const existing = await findServiceRecordById(db, input.id);
    if (existing) {
      if (existing.person_id !== input.personId)
        throw errors.conflict("id: already used for another record", "id");
      const visible = await findServiceRecord(db, scopes, input.id);
      if (!visible) throw errors.notFound();
      return { record: toServiceRecordView(visible, !(await isSuperseded(db, visible.id))), created: false };
    }
  }
  const person = await findPerson(db, scopes, input.personId);
  if (!person || person.merged_into) throw errors.notFound();
  await writableRegion(db, actor, person.region_code, ["desa", "dusun", "posyandu"]);
  if (input.givenOn > todayIso()) throw errors.validation("givenOn", "givenOn: is in the future");
  const isChildService = !["anc", "ttd", "nifas"].includes(input.service);
  if (isChildService && input.givenOn < person.birth_date)
    throw errors.validation("givenOn", "givenOn: before the person's birth");
  if (input.supersedes) {
    const old = await findServiceRecord(db, scopes, input.supersedes);
    if (!old || old.person_id !== person.id)
      throw errors.validation("supersedes", "supersedes: no record of this person with that id");
    if (await isSuperseded(db, old.id))
      throw errors.conflict("supersedes: that record was already corrected", "supersedes");
    if (old.voided_at) throw errors.conflict("supersedes: that record was voided", "supersedes");
  }
  const row: ServiceRecordsTable = {
    id: input.id ?? uuidv7(),
    person_id: person.id,
    region_code: person.region_code,
    service: input.service,
    given_on: input.givenOn,
    detail: input.service === "imunisasi" ? (input.detail ?? null) : null,
    received: input.received ? 1 : 0,
    supersedes: input.supersedes ?? null,
    note: input.note ?? null,
    recorded_at: nowIso(),
    recorded_by: actor.userId,
    quantity: input.service === "ttd" ? (input.quantity ?? null) : null,
  };
  try {
    await inTransaction(db, async (trx) => {
      await insertServiceRecord(trx, row);
      await appendAudit(trx, actor, {
        action: input.supersedes ? "service.correct" : "service.record",
        entity: "service_record",
        entityId: row.id,
        regionCode: row.region_code,
        after: row,
      });
    });
  } catch (e) {
    // Two replays of one id racing, or two corrections of one record: the unique indexes decide.
    const stored = await findServiceRecordById(db, row.id);
    if (stored && stored.person_id === row.person_id)
      return { record: toServiceRecordView(stored, !(await isSuperseded(db, stored.id))), created: false };
    if (row.supersedes && (await isSuperseded(db, row.supersedes)))
      throw errors.conflict("supersedes: that record was already corrected", "supersedes");
    throw e;
  }
  return { record: toServiceRecordView(row, true), created: true };
}

/**
 * Void a record entered by mistake (wrong person, never given), with a reason (issue 17): kept, audited,
 * out of the scorecard, indicators and lists. Voiding it again is a no-op (a phone may resend); a record
 * already corrected is voided through its correction.
 */
export async function voidServiceRecord(
  db: Kysely<Database>,
  actor: Actor,
  input: RecordVoidInput,
): Promise<ServiceRecordView> {
  const row = await findServiceRecord(db, readScopes(actor), input.id);
  if (!row) throw errors.notFound();
  await writableRegion(db, actor, row.region_code, ["desa", "dusun", "posyandu"]);
  if (row.voided_at) return toServiceRecordView(row, !(await isSuperseded(db, row.id)));
  if (await isSuperseded(db, row.id)) throw errors.conflict("id: that record was already corrected", "id");
  const what = { action: "service.void", entity: "service_record", before: row, reason: input.reason };
  const at = await voidAudited(db, actor, row, what, (trx, at) =>
    markServiceRecordVoided(trx, row.id, actor.userId, input.reason, at),
  );
  return toServiceRecordView(
    { ...row, voided_at: at, voided_by: actor.userId, void_reason: input.reason },
    true,
  );
}

/** A person's service records, newest first, with whether each is still live. */
export async function personServiceRecords(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
): Promise<ServiceRecordView[]> {
  const person = await findPerson(db, readScopes(actor), personId);
  if (!person) throw errors.notFound();
  const rows = await serviceRecordsOfPerson(db, person.id);
  const superseded = new Set(rows.map((r) => r.supersedes).filter((s): s is string => s !== null));
  return rows.map((r) => toServiceRecordView(r, !superseded.has(r.id)));
}

// The records of pregnant women the midwife's list counts (antenatal feature).
export { liveServiceRecordsOfPersons } from "./repository";
// The scorecard as indicators (Pasal 7 counts) and planning (social mapping) read it.
export { buildScorecard, coveringCodes } from "./scorecard";
// The scorecard's stored per-desa counts, rebuilt with the dashboards' figures (indicators/aggregates).
export {
  figurePeriods,
  markScorecardFigures,
  replaceScorecardFigures,
  scorecardFiguresOf,
  scorecardView,
} from "./scorecard-figures";
export { scorecardTargetsPerPerson } from "./scorecard-per-desa";
