// Reading the posyandu's records from the device store, as the day's pages need them.
import type { SyncPlace } from "@tumbuh/core";
import type { SyncEngine } from "../../sync/engine";
import { type LocalRecord, recordKey, view } from "../../sync/store";
import type { LocalChild, LocalMeasurement } from "./day";

export function toChild(r: LocalRecord): LocalChild {
  const v = view(r);
  return {
    id: r.id,
    regionCode: String(v.regionCode ?? r.regionCode),
    name: String(v.name ?? ""),
    sex: v.sex === 2 ? 2 : 1,
    birthDate: String(v.birthDate ?? ""),
    parentName: (v.parentName as string | null | undefined) ?? null,
    nikMasked: (v.nikMasked as string | null | undefined) ?? null,
    motherId: typeof v.motherId === "string" ? v.motherId : null,
    birthWeightKg: typeof v.birthWeightKg === "number" ? v.birthWeightKg : null,
    birthLengthCm: typeof v.birthLengthCm === "number" ? v.birthLengthCm : null,
    revision: typeof v.revision === "number" ? v.revision : 1,
    leftOn: typeof v.leftOn === "string" ? v.leftOn : null,
  };
}

export function toMeasurement(r: LocalRecord): LocalMeasurement {
  const v = view(r);
  const num = (x: unknown) => (typeof x === "number" ? x : null);
  return {
    id: r.id,
    personId: r.personId,
    measuredOn: String(v.measuredOn ?? ""),
    weightKg: num(v.weightKg),
    lenheiCm: num(v.lenheiCm),
    measure: v.measure === "l" || v.measure === "h" ? v.measure : null,
    muacCm: num(v.muacCm),
    headcCm: num(v.headcCm),
    oedema: v.oedema === true,
  };
}

/** Persons registered at the posyandu (and below it): one index range, no scan of the whole scope. */
export async function childrenAt(engine: SyncEngine, posyandu: string): Promise<LocalChild[]> {
  const rows = await engine.db.records
    .where("[entity+regionCode]")
    .between(["person", posyandu], ["person", `${posyandu}/`])
    .toArray();
  return rows
    .filter((r) => r.regionCode === posyandu || r.regionCode.startsWith(`${posyandu}.`))
    .map(toChild);
}

/** A measurement voided (on the server, or on this phone and not sent yet) is no longer shown. */
const live = (r: LocalRecord) => view(r).deleted !== true;

/** The posyandu's live measurements, by child. */
export async function measurementsAt(
  engine: SyncEngine,
  posyandu: string,
): Promise<Map<string, LocalMeasurement[]>> {
  const rows = await engine.db.records
    .where("[entity+regionCode]")
    .between(["measurement", posyandu], ["measurement", `${posyandu}/`])
    .toArray();
  const by = new Map<string, LocalMeasurement[]>();
  for (const r of rows) {
    if (!live(r)) continue;
    const m = toMeasurement(r);
    const list = by.get(m.personId);
    if (list) list.push(m);
    else by.set(m.personId, [m]);
  }
  return by;
}

/** The children of the posyandu with their mothers' names (mothers may be registered at the desa). */
export async function childrenWithMothers(engine: SyncEngine, posyandu: string): Promise<LocalChild[]> {
  const kids = await childrenAt(engine, posyandu);
  const motherIds = [...new Set(kids.map((k) => k.motherId).filter((id): id is string => id !== null))];
  const mothers = await engine.db.records.bulkGet(motherIds.map((id) => recordKey("person", id)));
  const names = new Map<string, string>();
  mothers.forEach((m, i) => {
    if (m) names.set(motherIds[i] as string, String(view(m).name ?? ""));
  });
  return kids.map((k) => ({ ...k, motherName: k.motherId ? (names.get(k.motherId) ?? null) : null }));
}

export async function measuredOnDay(engine: SyncEngine, posyandu: string, day: string): Promise<Set<string>> {
  const rows = await engine.db.records
    .where("[entity+regionCode]")
    .between(["measurement", posyandu], ["measurement", `${posyandu}/`])
    .toArray();
  return new Set(rows.filter((r) => live(r) && toMeasurement(r).measuredOn === day).map((r) => r.personId));
}

export async function childWithHistory(engine: SyncEngine, id: string) {
  const rec = await engine.db.records.get(recordKey("person", id));
  if (!rec) return null;
  const ms = await engine.db.records.where("personId").equals(id).toArray();
  return {
    child: toChild(rec),
    pending: rec.local !== undefined,
    history: ms.filter((m) => m.entity === "measurement" && live(m)).map(toMeasurement),
  };
}

export async function posyanduPlaces(engine: SyncEngine): Promise<SyncPlace[]> {
  return (await engine.db.places.toArray()).filter((p) => p.level === "posyandu");
}

export async function placeName(engine: SyncEngine, code: string): Promise<string | null> {
  return (await engine.db.places.get(code))?.name ?? null;
}
