// Test support for the device side of sync (not bundled: only tests import it). Dexie runs on
// fake-indexeddb in node; the engine does not schedule rounds of its own, so a test decides when the
// device syncs; and a small in-memory server answers push and pull the way the real one does.
import type { SyncOp, SyncOpResult, SyncPlace, SyncPullResponse, SyncRecord } from "@tumbuh/core";
import Dexie from "dexie";
import { IDBKeyRange, indexedDB } from "fake-indexeddb";
import { ApiError } from "../api/client";
import { type SyncApi, SyncEngine } from "./engine";
import { uuidv7 } from "./uuidv7";

// Set here rather than with "fake-indexeddb/auto": Dexie reads its globals once, when it is first loaded.
Dexie.dependencies.indexedDB = indexedDB;
Dexie.dependencies.IDBKeyRange = IDBKeyRange;

/** An engine whose writes are counted but never start a sync by timer (the app's `changed()` does). */
export class ManualEngine extends SyncEngine {
  override changed(): void {
    void this.refreshCounts();
  }
}

/** A device with its own empty store: a fresh user id names a fresh IndexedDB database. */
export function newDevice(api: SyncApi, userId = `user-${uuidv7()}`): ManualEngine {
  return new ManualEngine(userId, api);
}

export const networkDown = () => new ApiError(0, "network", "Failed to fetch");
export const loginExpired = () => new ApiError(401, "unauthenticated", "Session expired");

export const PLACE: SyncPlace = {
  code: "64.01.05.2003.P01",
  name: "Posyandu Melati",
  level: "posyandu",
  parentCode: "64.01.05.2003",
};

interface Stored {
  entity: string;
  id: string;
  revision: number | undefined;
  data: Record<string, unknown>;
}

/**
 * The server side of the protocol in memory: each op id is applied once (a replay answers the stored
 * result), a stale edit is a conflict, an edit of an unknown record is retried; every write joins a feed
 * that pull pages through. `decide` lets a test refuse or delay chosen ops.
 */
export class FakeSyncServer implements SyncApi {
  readonly records = new Map<string, Stored>();
  readonly pushes: SyncOp[][] = [];
  readonly pulls: (string | null)[] = [];
  readonly conflicts: { conflictId: string; op: SyncOp; theirs: Record<string, unknown> }[] = [];
  /** Answer an op before it is applied (undefined: apply it). */
  decide: ((op: SyncOp) => SyncOpResult | undefined) | undefined;
  /** Thrown by every call instead of an answer (network down, login expired). */
  down: Error | null = null;
  /** Apply the next push, then fail as if the answer was lost on its way back. */
  loseNextAnswer = false;
  pageSize = 100;
  private readonly done = new Map<string, SyncOpResult>();
  private readonly feed: { entity: string; id: string }[] = [];

  async syncPush(ops: SyncOp[]): Promise<SyncOpResult[]> {
    if (this.down) throw this.down;
    this.pushes.push(structuredClone(ops));
    const results = ops.map((op) => this.pushOne(op));
    if (this.loseNextAnswer) {
      this.loseNextAnswer = false;
      throw networkDown();
    }
    return results;
  }

  async syncPull(cursor: string | null): Promise<SyncPullResponse> {
    if (this.down) throw this.down;
    this.pulls.push(cursor);
    const from = cursor === null ? 0 : Number(cursor);
    const page = this.feed.slice(from, from + this.pageSize);
    const records: SyncRecord[] = page.map(({ entity, id }) => {
      const r = this.records.get(`${entity}:${id}`);
      return r ? { entity, id, data: this.wire(r) } : { entity, id, gone: true };
    });
    const next = from + page.length;
    return { records, cursor: String(next), more: next < this.feed.length, places: [PLACE] };
  }

  /** Another user changes a record on the server. */
  edit(entity: string, id: string, changes: Record<string, unknown>): void {
    const r = this.get(entity, id);
    Object.assign(r.data, changes);
    if (r.revision !== undefined) r.revision++;
    this.feed.push({ entity, id });
  }

  /** A record the server has (a seed, or another user's registration). */
  put(entity: string, id: string, data: Record<string, unknown>, revision?: number): void {
    this.records.set(`${entity}:${id}`, { entity, id, revision, data: { regionCode: PLACE.code, ...data } });
    this.feed.push({ entity, id });
  }

  /** The record leaves this user's scope (moved away, or deleted for good). */
  remove(entity: string, id: string): void {
    this.records.delete(`${entity}:${id}`);
    this.feed.push({ entity, id });
  }

  get(entity: string, id: string): Stored {
    const r = this.records.get(`${entity}:${id}`);
    if (!r) throw new Error(`no ${entity} ${id} on the fake server`);
    return r;
  }

  wire(r: Stored): Record<string, unknown> {
    return r.revision === undefined ? { ...r.data } : { ...r.data, revision: r.revision };
  }

  /** Every op the device sent, in order, across pushes. */
  get sent(): SyncOp[] {
    return this.pushes.flat();
  }

  private pushOne(op: SyncOp): SyncOpResult {
    const stored = this.done.get(op.opId);
    if (stored) return { ...stored, replayed: true };
    const result = this.decide?.(op) ?? this.apply(op);
    if (result.status !== "retry") this.done.set(op.opId, result);
    return result;
  }

  private apply(op: SyncOp): SyncOpResult {
    const { opId, entity, entityId: id } = op;
    const current = this.records.get(`${entity}:${id}`);
    if (op.kind === "update") {
      if (!current) return { opId, status: "retry", error: { code: "not_found", message: "Not found" } };
      if (current.revision !== op.baseRevision) {
        const conflictId = uuidv7();
        this.conflicts.push({ conflictId, op, theirs: this.wire(current) });
        return { opId, status: "conflict", conflictId };
      }
      this.edit(entity, id, op.payload);
      return { opId, status: "applied", revision: current.revision as number };
    }
    this.put(entity, id, { ...op.payload }, op.kind === "create" ? 1 : undefined);
    return { opId, status: "applied", ...(op.kind === "create" ? { revision: 1 } : {}) };
  }
}
