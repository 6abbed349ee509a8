// Every write on the device: the record changes in the local store and an operation joins the outbox,
// in one IndexedDB transaction, so what the cadre sees and what will be sent never disagree.
import type {
  HouseholdInput,
  MeasurementInput,
  MeasurementVoidInput,
  PersonInput,
  PersonLeaveInput,
  PersonReturnInput,
  PregnancyInput,
  SyncOpKind,
} from "@tumbuh/core";
import { ApiError } from "../api/client";
import type { SyncEngine } from "./engine";
import { type LocalRecord, type OutboxItem, recordKey } from "./store";
import { uuidv7 } from "./uuidv7";

export async function enqueue(
  engine: SyncEngine,
  op: { entity: string; entityId: string; kind: SyncOpKind; payload: Record<string, unknown> },
  record: (old: LocalRecord | undefined) => LocalRecord,
  /** For an edit, from the record as read in this transaction (a sync may have just moved it on). */
  baseRevision: number | null | ((old: LocalRecord | undefined) => number) = null,
): Promise<void> {
  const { db } = engine;
  await db.transaction("rw", db.outbox, db.records, async () => {
    const key = recordKey(op.entity, op.entityId);
    const old = await db.records.get(key);
    const next = record(old);
    // Never queue what the server would refuse for the role: a read-only user, or outside the write scope.
    const scopes = engine.policy.writeScopes ?? [""];
    if (
      !engine.policy.writer ||
      !scopes.some((s) => s === "" || next.regionCode === s || next.regionCode.startsWith(`${s}.`))
    ) {
      throw new ApiError(403, "forbidden", "not allowed to write here");
    }
    await db.records.put(next);
    const item: OutboxItem = {
      opId: uuidv7(),
      ...op,
      baseRevision: typeof baseRevision === "function" ? baseRevision(old) : baseRevision,
      state: "pending",
      attempts: 0,
      createdAt: Date.now(),
    };
    if (op.kind === "update") {
      const earlier = await db.outbox
        .where("entityId")
        .equals(op.entityId)
        .filter((o) => o.state === "pending" && (o.kind === "update" || o.kind === "create"))
        .last();
      // Not sent yet: fold this edit into it (one op, the same base).
      if (earlier && earlier.attempts === 0 && earlier.seq !== undefined) {
        await db.outbox.update(earlier.seq, { payload: { ...earlier.payload, ...op.payload } });
        return;
      }
      if (earlier) {
        item.baseRevision = earlier.kind === "update" ? earlier.baseRevision : 1;
        item.chained = true;
      }
    }
    await db.outbox.add(item);
  });
  engine.changed();
}

export const fresh = (
  entity: string,
  id: string,
  regionCode: string,
  personId: string,
  local: Record<string, unknown>,
): LocalRecord => ({
  key: recordKey(entity, id),
  entity,
  id,
  regionCode,
  personId,
  data: {},
  local,
});

export async function registerPerson(engine: SyncEngine, input: PersonInput, id = uuidv7()): Promise<string> {
  const payload = { ...input };
  await enqueue(engine, { entity: "person", entityId: id, kind: "create", payload }, () =>
    fresh("person", id, input.regionCode, "", { ...payload, revision: 1 }),
  );
  return id;
}

export async function recordMeasurement(
  engine: SyncEngine,
  regionCode: string,
  input: MeasurementInput,
): Promise<string> {
  const id = uuidv7();
  const payload = { ...input } as Record<string, unknown>;
  await enqueue(engine, { entity: "measurement", entityId: id, kind: "append", payload }, () =>
    fresh("measurement", id, regionCode, input.personId, payload),
  );
  return id;
}

export async function editPerson(
  engine: SyncEngine,
  id: string,
  changes: Partial<Omit<PersonInput, "regionCode">>,
): Promise<void> {
  const rec = await engine.db.records.get(recordKey("person", id));
  if (!rec) throw new Error("no such person on this device");
  // Not `rec`'s revision: the answer to an earlier edit may be settled between this read and the write.
  const base = (old: LocalRecord | undefined) => {
    const revision = (old ?? rec).data.revision;
    return typeof revision === "number" ? revision : 1;
  };
  await enqueue(
    engine,
    { entity: "person", entityId: id, kind: "update", payload: changes },
    (old) => ({ ...(old ?? rec), local: { ...(old ?? rec).local, ...changes } }),
    base,
  );
}

export async function registerHousehold(engine: SyncEngine, input: HouseholdInput): Promise<string> {
  const id = uuidv7();
  await enqueue(engine, { entity: "household", entityId: id, kind: "create", payload: { ...input } }, () =>
    fresh("household", id, input.regionCode, "", { ...input, revision: 1 }),
  );
  return id;
}

export async function registerPregnancy(
  engine: SyncEngine,
  regionCode: string,
  input: PregnancyInput,
): Promise<string> {
  const id = uuidv7();
  await enqueue(engine, { entity: "pregnancy", entityId: id, kind: "create", payload: { ...input } }, () =>
    fresh("pregnancy", id, regionCode, input.personId, { ...input, revision: 1 }),
  );
  return id;
}

/**
 * Void a measurement on the phone (a mistake: wrong child, wrong day): it disappears from the day at once;
 * the server keeps it, voided, with the reason.
 */
export async function voidMeasurement(engine: SyncEngine, input: MeasurementVoidInput): Promise<void> {
  const key = recordKey("measurement", input.measurementId);
  const rec = await engine.db.records.get(key);
  if (!rec) throw new Error("no such measurement on this device");
  const id = uuidv7();
  await enqueue(
    engine,
    { entity: "measurement_void", entityId: id, kind: "append", payload: { ...input } },
    () => fresh("measurement_void", id, rec.regionCode, rec.personId, { ...input }),
  );
  await engine.db.records.update(key, { local: { ...rec.local, deleted: true } });
}

/**
 * Mark a child (or woman) moved away or died on the phone: the posyandu day leaves the child out from that
 * day at once; the server stores the mark (`person_leave`), audited, and the person's change comes back.
 */
export async function markLeft(engine: SyncEngine, input: PersonLeaveInput): Promise<void> {
  const key = recordKey("person", input.personId);
  const rec = await engine.db.records.get(key);
  if (!rec) throw new Error("no such person on this device");
  const id = uuidv7();
  await enqueue(engine, { entity: "person_leave", entityId: id, kind: "append", payload: { ...input } }, () =>
    fresh("person_leave", id, rec.regionCode, input.personId, { ...input }),
  );
  await engine.db.records.update(key, { local: { ...rec.local, leftOn: input.leftOn } });
}

/**
 * Undo a mistaken moved-away/died mark on the phone (issue 17): the person is back on the posyandu day at
 * once; the server clears the mark (`person_leave_undo`), audited with the reason, and the person's change
 * comes back.
 */
export async function unmarkLeft(engine: SyncEngine, input: PersonReturnInput): Promise<void> {
  const key = recordKey("person", input.personId);
  const rec = await engine.db.records.get(key);
  if (!rec) throw new Error("no such person on this device");
  const id = uuidv7();
  await enqueue(
    engine,
    { entity: "person_leave_undo", entityId: id, kind: "append", payload: { ...input } },
    () => fresh("person_leave_undo", id, rec.regionCode, input.personId, { ...input }),
  );
  await engine.db.records.update(key, { local: { ...rec.local, leftOn: null } });
}
