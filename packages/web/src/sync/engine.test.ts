import type { SyncOp } from "@tumbuh/core";
import { afterEach, describe, expect, it } from "vitest";
import type { SyncApi, SyncEngine } from "./engine";
import { editPerson, recordMeasurement, registerPerson } from "./outbox";
import { recordKey, view } from "./store";
import { FakeSyncServer, type ManualEngine, networkDown, newDevice, PLACE } from "./testDevice";

const P01 = PLACE.code;
const child = { regionCode: P01, name: "Bima", sex: 1 as const, birthDate: "2025-03-01" };

const devices: SyncEngine[] = [];
function device(api: SyncApi = new FakeSyncServer(), userId?: string): ManualEngine {
  const engine = newDevice(api, userId);
  devices.push(engine);
  return engine;
}
afterEach(() => {
  for (const d of devices.splice(0)) d.db.close();
});

const uuid = () => crypto.randomUUID();
const records = (e: SyncEngine) => e.db.records.toArray();
const cursor = async (e: SyncEngine) => (await e.db.meta.get("cursor"))?.value;

describe("a sync round", () => {
  it("pushes the outbox oldest first, then pulls; the device ends with the server's versions", async () => {
    const server = new FakeSyncServer();
    const calls: string[] = [];
    const engine = device({
      syncPush: (ops) => {
        calls.push("push");
        return server.syncPush(ops);
      },
      syncPull: (c) => {
        calls.push("pull");
        return server.syncPull(c);
      },
    });
    const theirs = uuid();
    server.put("person", theirs, { ...child, name: "Dari Bidan" }, 1);
    const id = await registerPerson(engine, child);
    const m = await recordMeasurement(engine, P01, { personId: id, measuredOn: "2026-01-10", weightKg: 8 });
    await engine.syncNow();
    expect(calls).toEqual(["push", "pull"]);
    expect(server.sent.map((o) => o.entityId)).toEqual([id, m]);
    expect(await engine.db.outbox.count()).toBe(0);
    const byKey = new Map((await records(engine)).map((r) => [r.key, r]));
    expect(byKey.get(recordKey("person", id))).toMatchObject({ data: { ...child, revision: 1 } });
    expect(byKey.get(recordKey("person", id))?.local).toBeUndefined();
    expect(byKey.get(recordKey("measurement", m))).toMatchObject({ personId: id, data: { weightKg: 8 } });
    expect(byKey.get(recordKey("person", theirs))).toMatchObject({ data: { name: "Dari Bidan" } });
    expect(await engine.db.places.toArray()).toEqual([PLACE]);
    expect(await cursor(engine)).toBe("3");
    expect(engine.snapshot).toMatchObject({ ready: true, pending: 0, lastError: null, running: false });
  });

  it("offline: the round fails without losing anything and the next one sends it all", async () => {
    const server = new FakeSyncServer();
    const engine = device(server);
    const id = await registerPerson(engine, child);
    server.down = networkDown();
    await engine.syncNow();
    expect(engine.snapshot).toMatchObject({
      lastError: "network",
      loginExpired: false,
      ready: false,
      pending: 1,
    });
    server.down = null;
    await engine.syncNow();
    expect(server.get("person", id).data).toMatchObject(child);
    expect(engine.snapshot).toMatchObject({ lastError: null, ready: true, pending: 0 });
  });

  it("the signal returning during a round that fails offline still gets its own round: the op goes at once", async () => {
    const server = new FakeSyncServer();
    let online = false;
    let duringRound: Promise<void> | undefined;
    const engine: ManualEngine = device({
      syncPush: (ops) => {
        if (online) return server.syncPush(ops);
        // The "online" event arrives while this offline round is on its way to failing.
        online = true;
        duringRound = engine.syncNow();
        throw networkDown();
      },
      syncPull: (c) => server.syncPull(c),
    });
    const id = await registerPerson(engine, child);
    await engine.syncNow();
    await duringRound;
    expect(server.get("person", id).data).toMatchObject(child);
    expect(engine.snapshot).toMatchObject({ lastError: null, pending: 0 });
  });

  it("an op sent again after its answer was lost is answered from the server's memory, not applied twice", async () => {
    const server = new FakeSyncServer();
    const engine = device(server);
    const id = await registerPerson(engine, child);
    await recordMeasurement(engine, P01, { personId: id, measuredOn: "2026-01-10", weightKg: 8 });
    server.loseNextAnswer = true;
    await engine.syncNow();
    expect(await engine.db.outbox.toArray()).toMatchObject([{ attempts: 1 }, { attempts: 1 }]);
    const answers: unknown[] = [];
    const listening: SyncApi = {
      syncPush: async (ops) => {
        const r = await server.syncPush(ops);
        answers.push(...r);
        return r;
      },
      syncPull: (c) => server.syncPull(c),
    };
    // The same store opened again (as after reloading the page).
    engine.db.close();
    const again = device(listening, engine.userId);
    await again.syncNow();
    expect(answers).toMatchObject([
      { status: "applied", replayed: true },
      { status: "applied", replayed: true },
    ]);
    expect(new Set(server.sent.map((o) => o.opId)).size).toBe(2);
    expect(await again.db.outbox.count()).toBe(0);
    expect([...server.records.keys()].filter((k) => k.startsWith("measurement:"))).toHaveLength(1);
  });

  it("a full batch of ops the server cannot take yet does not hold back what comes after it", async () => {
    const server = new FakeSyncServer();
    // Weighings of a child registered on another phone that has not synced yet: "retry" until it has.
    const elsewhere = uuid();
    server.decide = (op) =>
      op.payload.personId === elsewhere
        ? { opId: op.opId, status: "retry", error: { code: "not_found", message: "-" } }
        : undefined;
    const engine = device(server);
    for (let i = 0; i < 120; i++)
      await recordMeasurement(engine, P01, { personId: elsewhere, measuredOn: "2026-01-10", weightKg: 8 });
    const id = await registerPerson(engine, child);
    await engine.syncNow();
    expect(server.get("person", id).data).toMatchObject(child);
    // Each waiting op went out once in the round, not again and again.
    expect(server.sent).toHaveLength(121);
    expect(engine.snapshot).toMatchObject({ pending: 120, lastError: null, ready: true });
    server.decide = undefined;
    server.put("person", elsewhere, { ...child }, 1);
    await engine.syncNow();
    expect(engine.snapshot.pending).toBe(0);
  });

  it("pull pages through the cursor, each page stored before the next is asked for", async () => {
    const server = new FakeSyncServer();
    server.pageSize = 2;
    for (let i = 0; i < 5; i++) server.put("person", uuid(), { ...child, name: `Anak ${i}` }, 1);
    const engine = device(server);
    await engine.syncNow();
    expect(server.pulls).toEqual([null, "2", "4"]);
    expect(await engine.db.records.count()).toBe(5);
    server.put("person", uuid(), { ...child, name: "Anak 5" }, 1);
    await engine.syncNow();
    expect(server.pulls.slice(3)).toEqual(["5"]);
    expect(await engine.db.records.count()).toBe(6);
    expect(await cursor(engine)).toBe("6");
  });

  it("a pulled record keeps showing the device's changes still waiting to be sent", async () => {
    const server = new FakeSyncServer();
    const engine = device(server);
    const id = uuid();
    server.put("person", id, { ...child }, 1);
    await engine.syncNow();
    await editPerson(engine, id, { parentName: "Ibu Ani" });
    server.decide = (op) => ({ opId: op.opId, status: "retry", error: { code: "not_found", message: "-" } });
    server.edit("person", id, { name: "Bima Sakti" });
    await engine.syncNow();
    const rec = await engine.db.records.get(recordKey("person", id));
    expect(rec?.data).toMatchObject({ name: "Bima Sakti", revision: 2 });
    expect(rec && view(rec)).toMatchObject({ name: "Bima Sakti", parentName: "Ibu Ani" });
  });

  it("a record that leaves the scope, is deleted or merged is removed; one with unsent changes stays", async () => {
    const server = new FakeSyncServer();
    const [moved, deleted, merged, edited] = [uuid(), uuid(), uuid(), uuid()];
    for (const id of [moved, deleted, merged, edited]) server.put("person", id, { ...child }, 1);
    const engine = device(server);
    await engine.syncNow();
    expect(await engine.db.records.count()).toBe(4);
    await editPerson(engine, edited, { name: "Bima Sakti" });
    server.remove("person", moved);
    server.edit("person", deleted, { deleted: true });
    server.edit("person", merged, { mergedInto: edited });
    server.remove("person", edited);
    server.down = null;
    // Push first: keep the edit waiting (the server does not know the record any more) to see the pull alone.
    server.decide = (op) => ({ opId: op.opId, status: "retry", error: { code: "not_found", message: "-" } });
    await engine.syncNow();
    const left = await records(engine);
    expect(left.map((r) => r.id)).toEqual([edited]);
    expect(view(left[0] as (typeof left)[number])).toMatchObject({ name: "Bima Sakti" });
  });
});

describe("a server that compacted its change feed", () => {
  it("answers a cursor further behind with reset: the device forgets what it held, keeps its unsent edit", async () => {
    const server = new FakeSyncServer();
    const removed = uuid();
    const kept = uuid();
    server.put("person", removed, { ...child, name: "Sudah Pindah" }, 1);
    server.put("person", kept, { ...child, name: "Tetap" }, 1);
    let compacted = false;
    const engine = device({
      syncPush: (ops) => server.syncPush(ops),
      // After the compaction the server no longer has `removed` in scope and cannot say "gone": it sends
      // the scope as it is now, flagged reset.
      syncPull: async (c) =>
        compacted && c !== null && !c.startsWith("s")
          ? {
              records: [{ entity: "person", id: kept, data: { ...child, name: "Tetap", revision: 2 } }],
              cursor: "s9.1.",
              more: true,
              places: [PLACE],
              reset: true,
            }
          : compacted
            ? { records: [], cursor: "9", more: false, places: [] }
            : server.syncPull(c),
    });
    await engine.syncNow();
    expect((await records(engine)).map((r) => r.id).sort()).toEqual([removed, kept].sort());
    compacted = true;
    // The server cannot take the device's new child yet: it waits in the outbox while the reset page arrives.
    server.decide = (op) => ({ opId: op.opId, status: "retry", error: { code: "not_found", message: "-" } });
    const mine = await registerPerson(engine, { ...child, name: "Baru Offline" });
    await engine.syncNow();
    const byId = new Map((await records(engine)).map((r) => [r.id, r]));
    expect([...byId.keys()].sort()).toEqual([kept, mine].sort());
    expect(byId.get(kept)?.data).toMatchObject({ name: "Tetap", revision: 2 });
    expect(byId.get(mine)?.local).toBeDefined();
    expect(await cursor(engine)).toBe("9");
  });
});

describe("conflicts", () => {
  it("a stale edit comes back as a conflict: counted, the op is done, the device shows the server's version", async () => {
    const server = new FakeSyncServer();
    const engine = device(server);
    const id = uuid();
    server.put("person", id, { ...child }, 1);
    await engine.syncNow();
    await editPerson(engine, id, { name: "Bima Mine" });
    server.edit("person", id, { name: "Bima Theirs" });
    await engine.syncNow();
    expect(server.conflicts).toMatchObject([
      {
        op: { entityId: id, baseRevision: 1, payload: { name: "Bima Mine" } },
        theirs: { name: "Bima Theirs" },
      },
    ]);
    expect(engine.snapshot.conflicts).toBe(1);
    expect(await engine.db.outbox.count()).toBe(0);
    const rec = await engine.db.records.get(recordKey("person", id));
    expect(rec?.local).toBeUndefined();
    expect(rec?.data).toMatchObject({ name: "Bima Theirs", revision: 2 });
  });

  it("an edit chained to one that conflicted conflicts too (it was made on the same old revision)", async () => {
    const server = new FakeSyncServer();
    const engine = device(server);
    const id = uuid();
    server.put("person", id, { ...child }, 1);
    await engine.syncNow();
    await editPerson(engine, id, { name: "Mine 1" });
    server.down = networkDown();
    await engine.syncNow();
    server.down = null;
    await editPerson(engine, id, { name: "Mine 2" });
    server.edit("person", id, { name: "Theirs" });
    await engine.syncNow();
    expect(server.conflicts.map((c) => (c.op as SyncOp).payload)).toEqual([
      { name: "Mine 1" },
      { name: "Mine 2" },
    ]);
    expect(engine.snapshot.conflicts).toBe(2);
    expect(server.get("person", id).data.name).toBe("Theirs");
  });
});

describe("saving while a sync runs", () => {
  const macrotask = () => new Promise((resolve) => setImmediate(resolve));

  it("an edit saved at any moment around the start of a sync is sent, never lost", async () => {
    // Every order of "save an edit" and "start a sync" a few IndexedDB steps apart (the edit folds into
    // an unsent edit, or is chained to one just marked as sent).
    const lost: string[] = [];
    for (const editFirst of [true, false])
      for (let steps = 0; steps < 4; steps++)
        for (let ticks = 0; ticks < 4; ticks++) {
          const server = new FakeSyncServer();
          const engine = device(server);
          const id = uuid();
          server.put("person", id, { ...child }, 1);
          await engine.syncNow();
          await editPerson(engine, id, { name: "Bima Sakti" });
          const later = () => editPerson(engine, id, { parentName: "Ibu Ani" });
          const first = editFirst ? later() : engine.syncNow();
          for (let i = 0; i < steps; i++) await macrotask();
          for (let i = 0; i < ticks; i++) await Promise.resolve();
          await Promise.all([first, editFirst ? engine.syncNow() : later()]);
          await engine.syncNow();
          const data = server.get("person", id).data;
          const rec = await engine.db.records.get(recordKey("person", id));
          if (
            data.parentName !== "Ibu Ani" ||
            data.name !== "Bima Sakti" ||
            rec?.data.parentName !== "Ibu Ani"
          )
            lost.push(`${editFirst ? "edit" : "sync"} first, ${steps} steps ${ticks} ticks apart`);
          expect(server.conflicts).toEqual([]);
          expect(await engine.db.outbox.count()).toBe(0);
        }
    expect(lost).toEqual([]);
  });

  it("an edit saved while the answer to the previous edit arrives is based on it, not a conflict", async () => {
    const server = new FakeSyncServer();
    let arrived = () => {};
    let answer = () => {};
    const onItsWay = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    let hold = false;
    const engine = device({
      syncPush: async (ops) => {
        if (hold) {
          hold = false;
          arrived();
          await new Promise<void>((resolve) => {
            answer = resolve;
          });
        }
        return server.syncPush(ops);
      },
      syncPull: (c) => server.syncPull(c),
    });
    const id = uuid();
    server.put("person", id, { ...child }, 1);
    await engine.syncNow();
    await editPerson(engine, id, { name: "Bima Sakti" });
    hold = true;
    const syncing = engine.syncNow();
    await onItsWay;
    // The edit reads the record, then the answer is settled, then the edit is written.
    const editing = editPerson(engine, id, { parentName: "Ibu Ani" });
    answer();
    await Promise.all([syncing, editing]);
    await engine.syncNow();
    expect(server.conflicts).toEqual([]);
    expect(server.get("person", id)).toMatchObject({
      revision: 3,
      data: { name: "Bima Sakti", parentName: "Ibu Ani" },
    });
  });
});
