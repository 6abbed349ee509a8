import {
  type Actor,
  type MeasurementInput,
  type MeasurementView,
  type MeasurementVoidInput,
  type PosyanduSession,
  type PosyanduSessionInput,
  readScopes,
  SessionCadresJson,
  todayIso,
} from "@tumbuh/core";
import {
  type Derived,
  derive,
  GROWTH_VERSION,
  measurementViews,
  type PlausibilityIssue,
  plausibilityIssues,
  type RawMeasurement,
} from "@tumbuh/core/growth-views";
import type { Kysely } from "kysely";
import { parseJsonColumn } from "../../db/json-column";
import type { Database, MeasurementsTable } from "../../db/schema";
import { withinScopes } from "../../db/scope-filter";
import { inTransaction } from "../../db/transaction";
import { AppError, errors } from "../../errors";
import { nowIso, uuidv7 } from "../../util/ids";
import { appendAudit } from "../audit/service";
import { findPerson } from "../persons/service";
import { writableRegion } from "../region-guard";
import {
  findSession,
  insertMeasurements,
  insertSession,
  liveMeasurement,
  measurementOnDay,
  measurementsOf,
  toRaw,
  voidRow,
} from "./repository";

/** A measurement row with its derived columns, ready to store (also used by the import). */
export function measurementRow(
  person: { id: string; sex: number; birth_date: string; region_code: string },
  raw: RawMeasurement,
  meta: { sessionId: string | null; importId: string | null; createdBy: string | null; at: string },
  /** What `derive` gives for this person and raw measurement, when the caller derived many at once. */
  d: Derived = derive({ sex: person.sex === 2 ? 2 : 1, birthDate: person.birth_date }, raw),
): MeasurementsTable {
  return {
    id: raw.id,
    person_id: person.id,
    region_code: person.region_code,
    session_id: meta.sessionId,
    import_id: meta.importId,
    measured_on: raw.measuredOn,
    weight_kg: raw.weightKg,
    lenhei_cm: raw.lenheiCm,
    measure: raw.measure,
    muac_cm: raw.muacCm,
    headc_cm: raw.headcCm,
    oedema: raw.oedema ? 1 : 0,
    measured_by: raw.measuredBy,
    created_at: meta.at,
    created_by: meta.createdBy,
    deleted_at: null,
    age_days: d.ageDays,
    zlen: d.zlen,
    zwei: d.zwei,
    zwfl: d.zwfl,
    zbmi: d.zbmi,
    flagged: d.flags.length > 0 ? 1 : 0,
    tbu: d.tbu,
    bbu: d.bbu,
    bbtb: d.bbtb,
    imtu: d.imtu,
    growth_version: GROWTH_VERSION,
  };
}

/**
 * Record one measurement, or a correction of one (`supersedes`: the old row is voided, kept, in the same
 * transaction). Impossible input (a date before birth or in the future, nothing measured) is refused; an
 * implausible value (core plausibilityIssues) is refused unless `confirmedImplausible` says why it is kept,
 * and then stored with that confirmation and flagged.
 */
export async function recordMeasurement(
  db: Kysely<Database>,
  actor: Actor,
  input: MeasurementInput,
  opts: { id?: string } = {},
): Promise<MeasurementView> {
  const person = await findPerson(db, readScopes(actor), input.personId);
  if (!person || person.merged_into) throw errors.notFound();
  await writableRegion(db, actor, person.region_code, ["desa", "dusun", "posyandu"]);
  if (input.measuredOn > todayIso()) throw errors.validation("measuredOn", "measuredOn: is in the future");
  if (input.measuredOn < person.birth_date)
    throw errors.validation("measuredOn", "measuredOn: before the birth date");
  if (input.weightKg == null && input.lenheiCm == null && input.muacCm == null && input.headcCm == null) {
    throw errors.validation("weightKg", "weightKg: enter at least one measurement");
  }
  if (input.lenheiCm != null && !input.measure) {
    throw errors.validation(
      "measure",
      "measure: say whether length (lying, l) or height (standing, h) was measured",
    );
  }
  if (input.sessionId && !(await findSession(db, readScopes(actor), { id: input.sessionId }))) {
    throw errors.missingReference("sessionId", "sessionId: no such posyandu session in your area");
  }
  const replaced = input.supersedes ? await liveMeasurement(db, person.id, input.supersedes) : undefined;
  if (input.supersedes && !replaced) throw errors.notFound();
  if (input.supersedes && !input.changeReason) {
    throw errors.validation("changeReason", "changeReason: say why the measurement is corrected");
  }
  const sameDay = await measurementOnDay(db, person.id, input.measuredOn);
  if (sameDay && sameDay.id !== replaced?.id) {
    throw new AppError(
      409,
      "already_measured",
      "This child already has a measurement on that day.",
      "measuredOn",
    );
  }
  const raw: RawMeasurement = {
    id: opts.id ?? uuidv7(),
    measuredOn: input.measuredOn,
    weightKg: input.weightKg ?? null,
    lenheiCm: input.lenheiCm ?? null,
    measure: input.measure ?? null,
    muacCm: input.muacCm ?? null,
    headcCm: input.headcCm ?? null,
    oedema: input.oedema ?? false,
    measuredBy: input.measuredBy ?? actor.displayName,
  };
  const child = { sex: person.sex === 2 ? (2 as const) : (1 as const), birthDate: person.birth_date };
  const earlier = (await measurementsOf(db, person.id)).filter((m) => m.id !== replaced?.id);
  const issues = plausibilityIssues(child, earlier, raw);
  if (issues.length > 0 && !input.confirmedImplausible) throw implausible(issues);
  const at = nowIso();
  const row: MeasurementsTable = {
    ...measurementRow(person, raw, {
      sessionId: input.sessionId ?? null,
      importId: null,
      createdBy: actor.userId,
      at,
    }),
    supersedes: replaced?.id ?? null,
    change_reason: input.changeReason ?? null,
    implausible_json:
      issues.length > 0 && input.confirmedImplausible
        ? JSON.stringify({ issues, reason: input.confirmedImplausible.reason, by: actor.userId, at })
        : null,
  };
  await inTransaction(db, async (trx) => {
    if (replaced) await voidRow(trx, replaced.id, actor.userId, input.changeReason ?? "", at);
    await insertMeasurements(trx, [row]);
    await appendAudit(trx, actor, {
      action: replaced ? "measurement.correct" : "measurement.create",
      entity: "measurement",
      entityId: row.id,
      regionCode: row.region_code,
      ...(replaced ? { before: replaced } : {}),
      after: {
        ...raw,
        ...(replaced ? { supersedes: replaced.id, reason: input.changeReason } : {}),
        ...(row.implausible_json ? { implausible: JSON.parse(row.implausible_json) } : {}),
      },
    });
  });
  // The view carries N/T against the child's earlier weighings.
  const all = await measurementsOf(db, person.id);
  const { views } = measurementViews({ sex: person.sex === 2 ? 2 : 1, birthDate: person.birth_date }, all);
  return views.find((v) => v.id === raw.id) as MeasurementView;
}

/** The refusal of an implausible value not confirmed: names the field to look at again. */
function implausible(issues: PlausibilityIssue[]): AppError {
  const first = issues[0];
  const field =
    first?.kind === "length_drop" || (first?.kind === "who_flag" && first.indicator === "zlen")
      ? "lenheiCm"
      : "weightKg";
  return new AppError(
    400,
    "implausible_measurement",
    `${field}: implausible (${issues.map((i) => (i.kind === "who_flag" ? i.indicator : i.kind)).join(", ")}); measure again or send confirmedImplausible`,
    field,
  );
}

/**
 * Void a measurement entered by mistake (kept, with who and why): it leaves lists, growth, scorecard and
 * indicators, which all read live rows only. Voiding a voided one again is a no-op (a phone may resend).
 */
export async function voidMeasurement(
  db: Kysely<Database>,
  actor: Actor,
  input: MeasurementVoidInput,
): Promise<void> {
  const row = await db
    .selectFrom("measurements")
    .selectAll()
    .where("id", "=", input.measurementId)
    .where(withinScopes("region_code", readScopes(actor)))
    .executeTakeFirst();
  if (!row) throw errors.notFound();
  await writableRegion(db, actor, row.region_code, ["desa", "dusun", "posyandu"]);
  if (row.deleted_at) return;
  await inTransaction(db, async (trx) => {
    await voidRow(trx, row.id, actor.userId, input.reason, nowIso());
    await appendAudit(trx, actor, {
      action: "measurement.void",
      entity: "measurement",
      entityId: row.id,
      regionCode: row.region_code,
      before: toRaw(row),
      after: { reason: input.reason },
    });
  });
}

export async function openSession(
  db: Kysely<Database>,
  actor: Actor,
  input: PosyanduSessionInput,
): Promise<{ created: boolean; session: PosyanduSession }> {
  await writableRegion(db, actor, input.posyanduCode, ["posyandu"], "posyanduCode");
  if (input.heldOn > todayIso()) throw errors.validation("heldOn", "heldOn: is in the future");
  const existing = await findSession(db, readScopes(actor), {
    region: input.posyanduCode,
    day: input.heldOn,
  });
  const view = (s: { id: string; region_code: string; held_on: string; cadres_json: string }) => ({
    id: s.id,
    posyanduCode: s.region_code,
    heldOn: s.held_on,
    cadres: parseJsonColumn(SessionCadresJson, s.cadres_json),
  });
  if (existing) return { created: false, session: view(existing) };
  const row = {
    id: uuidv7(),
    region_code: input.posyanduCode,
    held_on: input.heldOn,
    cadres_json: JSON.stringify(input.cadres),
    created_at: nowIso(),
    created_by: actor.userId,
  };
  await inTransaction(db, async (trx) => {
    await insertSession(trx, row);
    await appendAudit(trx, actor, {
      action: "posyandu_session.create",
      entity: "posyandu_session",
      entityId: row.id,
      regionCode: row.region_code,
      after: row,
    });
  });
  return { created: true, session: view(row) };
}

// What other features read of measurements: a person's measurements, the days a region weighed
// (scorecard) and the month's working lists (planning's social mapping).
export { registryLists } from "./lists";
export {
  lengthsInRegion,
  type MeasuredDays,
  measurementDayRowsInRegion,
  measurementDaysInRegion,
  measurementDaysOf,
  measurementsOf,
  weighingsInRegion,
} from "./repository";
