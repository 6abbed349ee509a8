import {
  type Actor,
  addDays,
  type PregnancyEndInput,
  type PregnancyInput,
  type PregnancyPatch,
  type PregnancyView,
  readScopes,
  todayIso,
} from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database, PregnanciesTable } from "../../db/schema";
import { inTransaction } from "../../db/transaction";
import { errors } from "../../errors";
import { nowIso, uuidv7 } from "../../util/ids";
import { appendAudit } from "../audit/service";
import { findPerson } from "../persons/service";
import { writableRegion } from "../region-guard";
import {
  endPregnancy,
  findPregnancy,
  insertPregnancy,
  pregnanciesOf,
  toPregnancyView,
  updatePregnancy,
} from "./repository";

/** Naegele's rule: expected delivery = first day of the last period + 280 days. */
const NAEGELE_DAYS = 280;

export async function createPregnancy(
  db: Kysely<Database>,
  actor: Actor,
  input: PregnancyInput,
  opts: { id?: string } = {},
): Promise<PregnancyView> {
  const woman = await findPerson(db, readScopes(actor), input.personId);
  if (!woman || woman.merged_into) throw errors.notFound();
  if (woman.sex !== 2) throw errors.validation("personId", "personId: a pregnancy belongs to a woman");
  await writableRegion(db, actor, woman.region_code, ["desa", "dusun", "posyandu"]);
  const today = todayIso();
  if (input.lmpDate > today) throw errors.validation("lmpDate", "lmpDate: is in the future");
  if (input.lmpDate < addDays(today, -310))
    throw errors.validation("lmpDate", "lmpDate: more than 44 weeks ago");
  const edd = input.eddDate ?? addDays(input.lmpDate, NAEGELE_DAYS);
  if (edd <= input.lmpDate) throw errors.validation("eddDate", "eddDate: must be after lmpDate");
  const open = (await pregnanciesOf(db, woman.id)).find(
    (p) => p.ended_on === null && toPregnancyView(p, today).active,
  );
  if (open)
    throw errors.conflict("This woman already has an ongoing pregnancy; record its end first.", "personId");
  const at = nowIso();
  const row: PregnanciesTable = {
    id: opts.id ?? uuidv7(),
    person_id: woman.id,
    region_code: woman.region_code,
    lmp_date: input.lmpDate,
    edd_date: edd,
    gravida: input.gravida,
    muac_cm: input.muacCm ?? null,
    hb_g_dl: input.hbGdl ?? null,
    high_risk: input.highRisk ? 1 : 0,
    high_risk_note: input.highRiskNote ?? null,
    ended_on: null,
    outcome: null,
    created_at: at,
    updated_at: at,
    revision: 1,
    deleted_at: null,
  };
  await inTransaction(db, async (trx) => {
    await insertPregnancy(trx, row);
    await appendAudit(trx, actor, {
      action: "pregnancy.create",
      entity: "pregnancy",
      entityId: row.id,
      regionCode: row.region_code,
      after: row,
    });
  });
  return toPregnancyView(row, today);
}

export async function finishPregnancy(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  input: PregnancyEndInput,
): Promise<PregnancyView> {
  const p = await findPregnancy(db, readScopes(actor), id);
  if (!p) throw errors.notFound();
  await writableRegion(db, actor, p.region_code, ["desa", "dusun", "posyandu"]);
  if (input.endedOn < p.lmp_date) throw errors.validation("endedOn", "endedOn: before the last period");
  if (input.endedOn > todayIso()) throw errors.validation("endedOn", "endedOn: is in the future");
  const at = nowIso();
  await inTransaction(db, async (trx) => {
    await endPregnancy(trx, id, input.endedOn, input.outcome, at);
    await appendAudit(trx, actor, {
      action: "pregnancy.end",
      entity: "pregnancy",
      entityId: id,
      regionCode: p.region_code,
      before: p,
      after: input,
    });
  });
  const after = await findPregnancy(db, [""], id);
  return toPregnancyView(after ?? p, todayIso());
}

/**
 * Correct a pregnancy's record (a later ANC visit: LiLA, Hb, risk) with optimistic concurrency: a stale
 * revision is a 409 conflict, never a silent overwrite. A new LMP moves the EDD by Naegele unless given.
 */
export async function editPregnancy(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  changes: PregnancyPatch,
): Promise<PregnancyView> {
  const before = await findPregnancy(db, readScopes(actor), id);
  if (!before) throw errors.notFound();
  await writableRegion(db, actor, before.region_code, ["desa", "dusun", "posyandu"]);
  const today = todayIso();
  const lmp = changes.lmpDate ?? before.lmp_date;
  if (changes.lmpDate !== undefined) {
    if (lmp > today) throw errors.validation("lmpDate", "lmpDate: is in the future");
    if (lmp < addDays(today, -310)) throw errors.validation("lmpDate", "lmpDate: more than 44 weeks ago");
  }
  const edd =
    changes.eddDate ?? (changes.lmpDate !== undefined ? addDays(lmp, NAEGELE_DAYS) : before.edd_date);
  if (edd <= lmp) throw errors.validation("eddDate", "eddDate: must be after lmpDate");
  const set: Partial<PregnanciesTable> = { updated_at: nowIso(), lmp_date: lmp, edd_date: edd };
  if (changes.gravida !== undefined) set.gravida = changes.gravida;
  if (changes.muacCm !== undefined) set.muac_cm = changes.muacCm ?? null;
  if (changes.hbGdl !== undefined) set.hb_g_dl = changes.hbGdl ?? null;
  if (changes.highRisk !== undefined) set.high_risk = changes.highRisk ? 1 : 0;
  if (changes.highRiskNote !== undefined) set.high_risk_note = changes.highRiskNote ?? null;
  const after = await inTransaction(db, async (trx) => {
    if (!(await updatePregnancy(trx, id, changes.revision, set))) {
      throw errors.conflict("This record was changed by someone else; reload it and edit again.");
    }
    const row = (await findPregnancy(trx, [""], id)) as NonNullable<typeof before>;
    await appendAudit(trx, actor, {
      action: "pregnancy.update",
      entity: "pregnancy",
      entityId: id,
      regionCode: row.region_code,
      before,
      after: row,
    });
    return row;
  });
  return toPregnancyView(after, today);
}

// What other features read of pregnancies (through this file, not the repository).
export {
  insertPregnancy,
  ongoingPregnanciesInRegion,
  pregnanciesInRegion,
  pregnanciesInRegionQuery,
  pregnanciesOf,
  pregnancyFactsOf,
  toPregnancyView,
} from "./repository";
