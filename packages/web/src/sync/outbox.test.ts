import Dexie from "dexie";
import { afterEach, describe, expect, it } from "vitest";
import { recordServiceOffline, recordTpkVisitOffline, unconfirmed, voidOffline } from "./appends";
import type { SyncEngine } from "./engine";
import {
  editPerson,
  enqueue,
  fresh,
  markLeft,
  recordMeasurement,
  registerPerson,
  unmarkLeft,
} from "./outbox";
import { forgetSyncedStore, unsentCount } from "./session";
import { recordKey, syncDbName, view } from "./store";
import { FakeSyncServer, loginExpired, type ManualEngine, newDevice, PLACE } from "./testDevice";

const P01 = PLACE.code;
const child = { regionCode: P01, name: "Bima", sex: 1 as const, birthDate: "2025-03-01" };

const devices: SyncEngine[] = [];
function device(server = new FakeSyncServer()): { server: FakeSyncServer; engine: ManualEngine } {
  const engine = newDevice(server);
  devices.push(engine);
  return { server, engine };
}
afterEach(() => {
  for (const d of devices.splice(0)) d.db.close();
});

const outbox = (e: SyncEngine) => e.db.outbox.orderBy("seq").toArray();
const record = async (e: SyncEngine, entity: string, id: string) => e.db.records.get(recordKey(entity, id));

/** A person the server already had, pulled onto the device. */
async function pulledPerson(server: FakeSyncServer, engine: SyncEngine, id = crypto.randomUUID()) {
  server.put("person", id, { ...child, name: "Sari" }, 3);
  await engine.syncNow();
  return id;
}

describe("writing on the device", () => {
  it("a registration changes the local record and queues its op in one go", async () => {
    const { engine } = device();
    const id = await registerPerson(engine, child);
    const rec = await record(engine, "person", id);
    expect(rec).toMatchObject({ regionCode: P01, data: {}, local: { ...child, revision: 1 } });
    expect(view(rec as NonNullable<typeof rec>)).toMatchObject({ name: "Bima" });
    expect(await outbox(engine)).toMatchObject([
      { entity: "person", entityId: id, kind: "create", payload: child, state: "pending", attempts: 0 },
    ]);
    expect(engine.snapshot.pending).toBe(1);
  });

  it("nothing is half written: if the op cannot be stored the record change is undone, and the reverse", async () => {
    const { engine } = device();
    const id = crypto.randomUUID();
    // A function cannot be stored in IndexedDB: the op's add fails after the record was put.
    const unstorable = { name: "Bima", oops: () => 0 };
    await expect(
      enqueue(engine, { entity: "person", entityId: id, kind: "create", payload: unstorable }, () =>
        fresh("person", id, P01, "", { name: "Bima" }),
      ),
    ).rejects.toThrow();
    expect(await record(engine, "person", id)).toBeUndefined();
    await expect(
      enqueue(engine, { entity: "person", entityId: id, kind: "create", payload: { name: "Bima" } }, () => {
        throw new Error("the record cannot be made");
      }),
    ).rejects.toThrow();
    expect(await outbox(engine)).toEqual([]);
  });

  it("a measurement is an append: the child's id is indexed, the region comes with it", async () => {
    const { engine } = device();
    const personId = crypto.randomUUID();
    const m = { personId, measuredOn: "2026-01-10", weightKg: 8.4, lenheiCm: 72, measure: "l" as const };
    const id = await recordMeasurement(engine, P01, m);
    expect(await engine.db.records.where("personId").equals(personId).toArray()).toMatchObject([
      { key: recordKey("measurement", id), regionCode: P01, data: {}, local: m },
    ]);
    expect(await outbox(engine)).toMatchObject([{ kind: "append", entityId: id, payload: m }]);
  });

  it("an edit shows over the server's version and names the revision it was made on", async () => {
    const { server, engine } = device();
    const id = await pulledPerson(server, engine);
    await editPerson(engine, id, { name: "Sari Dewi" });
    const rec = await record(engine, "person", id);
    expect(rec?.data).toMatchObject({ name: "Sari", revision: 3 });
    expect(rec?.local).toEqual({ name: "Sari Dewi" });
    expect(await outbox(engine)).toMatchObject([
      { kind: "update", baseRevision: 3, payload: { name: "Sari Dewi" } },
    ]);
    await expect(editPerson(engine, crypto.randomUUID(), { name: "x" })).rejects.toThrow();
  });

  it("edits not sent yet fold into one op; an edit after the first was sent waits for it", async () => {
    const { server, engine } = device();
    const id = await pulledPerson(server, engine);
    await editPerson(engine, id, { name: "Sari Dewi" });
    await editPerson(engine, id, { parentName: "Ibu Ani" });
    expect(await outbox(engine)).toMatchObject([
      { kind: "update", baseRevision: 3, payload: { name: "Sari Dewi", parentName: "Ibu Ani" } },
    ]);
    // Sent, but the answer never came back: the op may be applied already, so it is never changed again.
    server.loseNextAnswer = true;
    await engine.syncNow();
    await editPerson(engine, id, { name: "Sari Dewi Lestari" });
    const ops = await outbox(engine);
    expect(ops).toHaveLength(2);
    expect(ops[1]).toMatchObject({ baseRevision: 3, chained: true, payload: { name: "Sari Dewi Lestari" } });
    await engine.syncNow();
    // One edit of a record per batch; the second went out on the revision the first one made.
    const edits = server.pushes.slice(-2).map((batch) => batch.filter((o) => o.entityId === id));
    expect(edits.map((b) => b.length)).toEqual([1, 1]);
    expect(edits[1]?.[0]).toMatchObject({ baseRevision: 4, payload: { name: "Sari Dewi Lestari" } });
    expect(server.get("person", id)).toMatchObject({ revision: 5, data: { name: "Sari Dewi Lestari" } });
    expect(await outbox(engine)).toEqual([]);
    expect((await record(engine, "person", id))?.local).toBeUndefined();
  });

  it("an edit of a registration still waiting is folded into it: one create goes out", async () => {
    const { server, engine } = device();
    const id = await registerPerson(engine, child);
    await editPerson(engine, id, { name: "Bima Sakti" });
    expect(await outbox(engine)).toMatchObject([
      { kind: "create", payload: { ...child, name: "Bima Sakti" } },
    ]);
    await engine.syncNow();
    expect(server.sent.map((o) => o.kind)).toEqual(["create"]);
    expect(await record(engine, "person", id)).toMatchObject({ data: { name: "Bima Sakti", revision: 1 } });
  });
});

describe("issue 17 on the device: a void and an undone moved-away mark", () => {
  it("a TPK visit is voided by its own op naming it; until sent, the page can tell it is pending", async () => {
    const { server, engine } = device();
    const assignmentId = crypto.randomUUID();
    const visit = await recordTpkVisitOffline(engine, P01, { assignmentId, visitedOn: "2026-06-01" });
    const voidId = await voidOffline(engine, "tpk_visit_void", P01, { id: visit, reason: "Salah keluarga" });
    expect(await outbox(engine)).toMatchObject([
      { entity: "tpk_visit", entityId: visit, kind: "append" },
      {
        entity: "tpk_visit_void",
        entityId: voidId,
        kind: "append",
        payload: { id: visit, reason: "Salah keluarga" },
      },
    ]);
    const pending = await unconfirmed<{ recordId: string }>(engine, "tpk_visit_void", () => true);
    expect(pending.map((v) => v.recordId)).toEqual([visit]);
    await engine.syncNow();
    // The visit goes first, so the server finds the record the void names.
    expect(server.pushes[0]?.map((o) => o.entity)).toEqual(["tpk_visit", "tpk_visit_void"]);
    expect(await unconfirmed(engine, "tpk_visit_void", () => true)).toEqual([]);
  });

  it("a mark undone: the person is here again on the phone at once, and the undo goes out with its reason", async () => {
    const { server, engine } = device();
    const id = await pulledPerson(server, engine);
    await markLeft(engine, { personId: id, leftOn: "2026-06-01", reason: "moved" });
    expect(
      view((await record(engine, "person", id)) as NonNullable<Awaited<ReturnType<typeof record>>>),
    ).toMatchObject({
      leftOn: "2026-06-01",
    });
    await unmarkLeft(engine, { personId: id, reason: "Salah anak" });
    const rec = await record(engine, "person", id);
    expect(view(rec as NonNullable<typeof rec>)).toMatchObject({ leftOn: null });
    expect((await outbox(engine)).map((o) => [o.entity, o.payload])).toEqual([
      ["person_leave", { personId: id, leftOn: "2026-06-01", reason: "moved" }],
      ["person_leave_undo", { personId: id, reason: "Salah anak" }],
    ]);
    await expect(
      unmarkLeft(engine, { personId: crypto.randomUUID(), reason: "tidak ada" }),
    ).rejects.toThrow();
  });
});

describe("what the server answers", () => {
  it("a refused op stays on the device, with its values and the reason, and is not sent again", async () => {
    const { server, engine } = device();
    const error = { code: "validation", message: "weightKg: too big", field: "payload.weightKg" };
    server.decide = (op) => (op.kind === "append" ? { opId: op.opId, status: "rejected", error } : undefined);
    const personId = crypto.randomUUID();
    const m = { personId, measuredOn: "2026-01-10", weightKg: 80 };
    const id = await recordMeasurement(engine, P01, m);
    await engine.syncNow();
    expect(await outbox(engine)).toMatchObject([{ entityId: id, state: "rejected", error, payload: m }]);
    expect((await record(engine, "measurement", id))?.local).toEqual(m);
    expect(engine.snapshot).toMatchObject({ pending: 0, rejected: 1, lastError: null });
    await engine.syncNow();
    expect(server.pushes).toHaveLength(1);
  });

  it("retry: the op stays pending and goes out again, until it is applied", async () => {
    const { server, engine } = device();
    let notYet = 2;
    server.decide = (op) =>
      notYet-- > 0
        ? { opId: op.opId, status: "retry", error: { code: "not_found", message: "-" } }
        : undefined;
    const id = await recordServiceOffline(engine, P01, {
      personId: crypto.randomUUID(),
      service: "ttd",
      givenOn: "2026-01-10",
    });
    await engine.syncNow();
    expect(await outbox(engine)).toMatchObject([
      { entityId: id, state: "pending", error: { code: "not_found" } },
    ]);
    await engine.syncNow();
    await engine.syncNow();
    expect(server.sent.map((o) => o.entityId)).toEqual([id, id, id]);
    expect(new Set(server.sent.map((o) => o.opId)).size).toBe(1);
    expect(await outbox(engine)).toEqual([]);
  });

  it("a 401 pauses sync and keeps the outbox as it was; after logging in again it is sent", async () => {
    const { server, engine } = device();
    const id = await registerPerson(engine, child);
    server.down = loginExpired();
    await engine.syncNow();
    expect(engine.snapshot).toMatchObject({ loginExpired: true, lastError: "unauthenticated", pending: 1 });
    expect(await outbox(engine)).toMatchObject([{ entityId: id, state: "pending", payload: child }]);
    expect((await record(engine, "person", id))?.local).toMatchObject(child);
    server.down = null;
    await engine.syncNow();
    expect(engine.snapshot).toMatchObject({ loginExpired: false, lastError: null, pending: 0 });
    expect(server.get("person", id).data).toMatchObject(child);
  });
});

describe("logout", () => {
  it("deletes the user's store only when nothing is unsent (pending or refused)", async () => {
    const { server, engine } = device();
    const name = syncDbName(engine.userId);
    expect(await unsentCount(engine.userId)).toBe(0);
    await registerPerson(engine, child);
    server.decide = (op) => ({
      opId: op.opId,
      status: "rejected",
      error: { code: "forbidden", message: "-" },
    });
    engine.db.close();
    expect(await forgetSyncedStore(engine.userId)).toBe(false);
    expect(await Dexie.exists(name)).toBe(true);
    await engine.db.open();
    await engine.syncNow();
    expect(engine.snapshot.rejected).toBe(1);
    engine.db.close();
    expect(await forgetSyncedStore(engine.userId)).toBe(false);
    await engine.db.open();
    await engine.db.outbox.clear();
    engine.db.close();
    expect(await forgetSyncedStore(engine.userId)).toBe(true);
    expect(await Dexie.exists(name)).toBe(false);
    expect(await unsentCount(engine.userId)).toBe(0);
  });
});
