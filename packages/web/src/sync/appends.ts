// Device writes of issue 6 (service records) and issue 8 (family screenings, catin screenings, TPK visits,
// case-audit follow-ups). All are appends: each gets a UUIDv7 made here that is also its server id, so a
// record sent twice is stored once. The local copy (`local`, until the server confirms) lets the pages
// show what was recorded and that it is not sent yet.
import type {
  CatinScreeningInput,
  FamilyScreeningInput,
  FollowUpInput,
  RecordVoidInput,
  ServiceRecordInput,
  TikaReadingInput,
  TpkVisitInput,
} from "@tumbuh/core";
import type { SyncEngine } from "./engine";
import { enqueue, fresh } from "./outbox";
import { view } from "./store";
import { uuidv7 } from "./uuidv7";

type WithoutId<T> = Omit<T, "id">;

async function append(
  engine: SyncEngine,
  entity: string,
  regionCode: string,
  personId: string,
  payload: Record<string, unknown>,
  id: string,
): Promise<string> {
  await enqueue(engine, { entity, entityId: id, kind: "append", payload }, () =>
    fresh(entity, id, regionCode, personId, { ...payload, regionCode }),
  );
  return id;
}

/** `regionCode`: the person's (the server files the record there too). */
export function recordServiceOffline(
  engine: SyncEngine,
  regionCode: string,
  input: WithoutId<ServiceRecordInput>,
  id = uuidv7(),
): Promise<string> {
  return append(engine, "service_record", regionCode, input.personId, { ...input }, id);
}

/** `regionCode`: the household's. */
export function screenFamilyOffline(
  engine: SyncEngine,
  regionCode: string,
  input: WithoutId<FamilyScreeningInput>,
  id = uuidv7(),
): Promise<string> {
  return append(engine, "family_screening", regionCode, "", { ...input }, id);
}

/** `regionCode`: the assignment's (the team's desa). */
export function recordTpkVisitOffline(
  engine: SyncEngine,
  regionCode: string,
  input: WithoutId<TpkVisitInput>,
  id = uuidv7(),
): Promise<string> {
  return append(engine, "tpk_visit", regionCode, "", { ...input }, id);
}

/** `regionCode`: the catin's. */
export function screenCatinOffline(
  engine: SyncEngine,
  regionCode: string,
  catinId: string,
  input: WithoutId<CatinScreeningInput>,
  id = uuidv7(),
): Promise<string> {
  return append(engine, "catin_screening", regionCode, "", { ...input, catinId }, id);
}

export function recordFollowUpOffline(
  engine: SyncEngine,
  regionCode: string,
  input: WithoutId<FollowUpInput>,
  id = uuidv7(),
): Promise<string> {
  return append(engine, "audit_followup", regionCode, "", { ...input }, id);
}

/** The records that can be voided with a reason from the phone (issue 17), each by its own sync op. */
export type VoidEntity =
  | "service_record_void"
  | "tpk_visit_void"
  | "family_screening_void"
  | "catin_screening_void";

/**
 * Void a record entered by mistake, with a reason: an append of its own (its id is the void's), so a void
 * sent twice is applied once. `regionCode`: the record's.
 */
export async function voidOffline(
  engine: SyncEngine,
  entity: VoidEntity,
  regionCode: string,
  input: RecordVoidInput,
): Promise<string> {
  const id = uuidv7();
  // The local copy names the voided record as `recordId` (its own id is the void's), for the pages.
  await enqueue(engine, { entity, entityId: id, kind: "append", payload: { ...input } }, () =>
    fresh(entity, id, regionCode, "", { recordId: input.id, reason: input.reason, regionCode }),
  );
  return id;
}

/** Records of `entity` made on this device and not yet confirmed by the server, oldest first. */
export async function unconfirmed<T = Record<string, unknown>>(
  engine: SyncEngine,
  entity: string,
  match: (v: T) => boolean,
): Promise<(T & { id: string })[]> {
  const ids = new Set(
    (await engine.db.outbox.filter((o) => o.entity === entity).toArray()).map((o) => o.entityId),
  );
  if (ids.size === 0) return [];
  const rows = await engine.db.records.bulkGet([...ids].map((id) => `${entity}:${id}`));
  return rows
    .filter((r) => r !== undefined)
    .map((r) => ({ ...view<T>(r), id: r.id }))
    .filter(match);
}

/** A tika pertumbuhan reading; `regionCode`: the child's. Kept under the child (personId) on the device. */
export function recordTikaOffline(
  engine: SyncEngine,
  regionCode: string,
  input: WithoutId<TikaReadingInput>,
  id = uuidv7(),
): Promise<string> {
  return append(engine, "tika_reading", regionCode, input.personId, { ...input }, id);
}
