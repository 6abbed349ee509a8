// The device side of sync: push the outbox (oldest first, each op once, idempotent on the server), then
// pull what changed in the user's scope. Runs on start, when the network comes back, every 30 s while
// online and shortly after every write. A 401 stops it without touching the outbox: after logging in
// again the same user's outbox is sent.
import type { SyncOp, SyncOpResult, SyncPullResponse } from "@tumbuh/core";
import { type LocalRecord, type OutboxItem, openSyncDb, recordKey, type SyncDb } from "./store";

export interface SyncApi {
  syncPush(ops: SyncOp[]): Promise<SyncOpResult[]>;
  syncPull(
    cursor: string | null,
    opts?: { limit?: number; keep?: string; places?: boolean },
  ): Promise<SyncPullResponse>;
}

/**
 * What this user's device may hold and send. A read-only user (no write power) has no offline store at
 * all: nothing is pulled and nothing can be queued. A user whose scope is wider than a desa keeps only the
 * desa or posyandu they choose; until then writes are still sent but nothing is downloaded.
 */
export interface DevicePolicy {
  writer: boolean;
  wide: boolean;
  /** Where this user may write (scopes of the assignments with write power); the outbox checks it. */
  writeScopes?: readonly string[];
}

/** A cursor past any feed: a pull with it returns only the places list (for choosing what to keep). */
const PLACES_ONLY_CURSOR = "999999999999999999";

export interface SyncStatus {
  running: boolean;
  pending: number;
  rejected: number;
  /** Server-side conflicts this device's edits caused since it started (see the sync page for all). */
  conflicts: number;
  lastSyncAt: number | null;
  lastError: string | null;
  loginExpired: boolean;
  /** The first pull has finished: the scope is on the device. */
  ready: boolean;
  /** A wide-scope user has not chosen the desa or posyandu to keep on this device yet. */
  needsPlace: boolean;
  /** The desa or posyandu kept on this device (null: the whole scope). */
  keep: string | null;
}

const BATCH = 100;
const EVERY_MS = 30_000;
const SOON_MS = 300;
const ONLINE_RETRIES_MS = [1_000, 3_000, 8_000] as const;

export class SyncEngine {
  readonly db: SyncDb;
  private status: SyncStatus = {
    running: false,
    pending: 0,
    rejected: 0,
    conflicts: 0,
    lastSyncAt: null,
    lastError: null,
    loginExpired: false,
    ready: false,
    needsPlace: false,
    keep: null,
  };
  private listeners = new Set<(s: SyncStatus) => void>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private soon: ReturnType<typeof setTimeout> | undefined;
  private current: Promise<void> | null = null;
  private again = false;
  // The signal came back. Chromium (and phones) fire "online" before the network really carries requests,
  // so a round that still fails for the network is tried again soon, a few times, instead of waiting for
  // the next 30 s tick.
  private readonly onOnline = () => void this.syncSoonAfterSignal(ONLINE_RETRIES_MS);

  constructor(
    readonly userId: string,
    private readonly api: SyncApi,
    readonly policy: DevicePolicy = { writer: true, wide: false, writeScopes: [""] },
  ) {
    this.db = openSyncDb(userId);
  }

  get snapshot(): SyncStatus {
    return this.status;
  }

  subscribe(fn: (s: SyncStatus) => void): () => void {
    this.listeners.add(fn);
    fn(this.status);
    return () => this.listeners.delete(fn);
  }

  private set(patch: Partial<SyncStatus>) {
    this.status = { ...this.status, ...patch };
    for (const l of this.listeners) l(this.status);
  }

  async refreshCounts(): Promise<void> {
    const [pending, rejected, last, ready, keep] = await Promise.all([
      this.db.outbox.where("state").equals("pending").count(),
      this.db.outbox.where("state").equals("rejected").count(),
      this.db.meta.get("lastSyncAt"),
      this.db.meta.get("cursor"),
      this.db.meta.get("keep"),
    ]);
    const kept = (keep?.value as string | undefined) ?? null;
    this.set({
      pending,
      rejected,
      lastSyncAt: (last?.value as number | undefined) ?? null,
      ready: ready !== undefined,
      keep: kept,
      needsPlace: this.policy.wide && kept === null,
    });
  }

  /**
   * Keep `code` (a desa or posyandu) on this device instead of what was kept: records not waiting to be
   * sent are forgotten and the new place is pulled from the start.
   */
  async keepPlace(code: string): Promise<void> {
    await this.db.transaction("rw", this.db.records, this.db.meta, async () => {
      await this.db.records.filter((r) => r.local === undefined).delete();
      await this.db.meta.delete("cursor");
      await this.db.meta.put({ key: "keep", value: code });
    });
    await this.refreshCounts();
    await this.syncNow();
  }

  /** The places of the user's scope (to choose one to keep), without downloading any record. */
  async fetchPlaces(): Promise<void> {
    const res = await this.api.syncPull(PLACES_ONLY_CURSOR, { places: true, limit: 1 });
    await this.db.transaction("rw", this.db.places, async () => {
      await this.db.places.clear();
      await this.db.places.bulkPut(res.places);
    });
  }

  start(): void {
    // A read-only user never gets an offline copy: nothing to write, so nothing to carry.
    if (this.timer || !this.policy.writer) return;
    window.addEventListener("online", this.onOnline);
    this.timer = setInterval(() => {
      if (navigator.onLine) void this.syncNow();
    }, EVERY_MS);
    void this.refreshCounts().then(() => this.syncNow());
  }

  stop(): void {
    window.removeEventListener("online", this.onOnline);
    if (this.timer) clearInterval(this.timer);
    if (this.soon) clearTimeout(this.soon);
    this.timer = undefined;
  }

  /** After a write on the device: count it now, send it soon (a burst of writes goes in one batch). */
  changed(): void {
    void this.refreshCounts();
    if (this.soon) clearTimeout(this.soon);
    this.soon = setTimeout(() => void this.syncNow(), SOON_MS);
  }

  private async syncSoonAfterSignal(waits: readonly number[]): Promise<void> {
    await this.syncNow();
    const [wait, ...rest] = waits;
    if (wait === undefined || this.status.lastError !== "network" || !navigator.onLine) return;
    setTimeout(() => void this.syncSoonAfterSignal(rest), wait);
  }

  /** One push-then-pull round; concurrent calls share it (and ask for one more round after it). */
  syncNow(): Promise<void> {
    if (this.current) {
      this.again = true;
      return this.current;
    }
    this.current = (async () => {
      do {
        this.again = false;
        await this.round();
        // A call made during the round asked for one after it, even when this one failed: the signal may
        // have come back meanwhile (an "online" event must never be lost to a round that began offline).
      } while (this.again);
    })().finally(() => {
      this.current = null;
    });
    return this.current;
  }

  private async round(): Promise<void> {
    this.set({ running: true });
    try {
      await this.push();
      const keep = ((await this.db.meta.get("keep"))?.value as string | undefined) ?? null;
      if (!this.policy.wide || keep) await this.pull(keep);
      await this.db.meta.put({ key: "lastSyncAt", value: Date.now() });
      this.set({ lastError: null, loginExpired: false });
    } catch (e) {
      const status = (e as { status?: number }).status;
      const code = (e as { code?: string }).code ?? "network";
      this.set({ lastError: code, loginExpired: status === 401 });
    } finally {
      await this.refreshCounts();
      this.set({ running: false });
    }
  }

  private async push(): Promise<void> {
    // Records with an op answered "retry" in this round: nothing more of theirs goes until the next round,
    // but the rest of the outbox does (a full batch of retries must not hold back everything behind it).
    const waiting = new Set<string>();
    for (;;) {
      // Read and marked as sent in one transaction: an edit saved in between would be folded into an op
      // already read, then overwritten by the mark, and lost.
      const batch = await this.db.transaction("rw", this.db.outbox, async () => {
        const pending = await this.db.outbox.where("state").equals("pending").sortBy("seq");
        // One edit per record per batch: the next edit's base revision depends on how this one ends.
        const edited = new Set<string>();
        const picked: OutboxItem[] = [];
        for (const item of pending) {
          if (waiting.has(item.entityId)) continue;
          if (item.kind === "update") {
            if (edited.has(item.entityId)) continue;
            edited.add(item.entityId);
          }
          picked.push(item);
          if (picked.length === BATCH) break;
        }
        await this.db.outbox.bulkPut(picked.map((i) => ({ ...i, attempts: i.attempts + 1 })));
        return picked;
      });
      if (batch.length === 0) return;
      const results = await this.api.syncPush(
        batch.map((i) => ({
          opId: i.opId,
          entity: i.entity,
          entityId: i.entityId,
          kind: i.kind,
          baseRevision: i.baseRevision,
          payload: i.payload,
        })),
      );
      let answered = false;
      await this.db.transaction("rw", this.db.outbox, this.db.records, async () => {
        for (const [n, r] of results.entries()) {
          const item = batch[n];
          if (!item?.seq) continue;
          answered = true;
          if (r.status === "retry") {
            waiting.add(item.entityId);
            await this.db.outbox.update(item.seq, { error: r.error });
            continue;
          }
          if (r.status === "rejected") {
            await this.db.outbox.update(item.seq, { state: "rejected", error: r.error });
            continue;
          }
          await this.db.outbox.delete(item.seq);
          if (r.status === "conflict") this.set({ conflicts: this.status.conflicts + 1 });
          await this.settle(item, r);
        }
      });
      if (!answered) return;
    }
  }

  /** The op is done on the server: what the device shows becomes the server's version. */
  private async settle(item: OutboxItem, r: SyncOpResult): Promise<void> {
    const key = recordKey(item.entity, item.entityId);
    const rec = await this.db.records.get(key);
    if (!rec) return;
    const stillPending = await this.db.outbox.where("entityId").equals(item.entityId).count();
    if (r.status === "applied" && r.revision) {
      // An edit made while this one was on its way was based on it: now its base is known.
      await this.db.outbox
        .where("entityId")
        .equals(item.entityId)
        .filter((o) => o.kind === "update" && o.chained === true && o.state === "pending")
        .modify({ baseRevision: r.revision, chained: false });
    }
    if (r.status === "applied") {
      const data = { ...rec.data, ...item.payload, ...(r.revision ? { revision: r.revision } : {}) };
      const next: LocalRecord = { ...rec, data };
      if (stillPending === 0) delete next.local;
      await this.db.records.put(next);
    } else if (stillPending === 0) {
      // A conflict: the server kept its version (theirs); the next pull brings it. Ours is in the conflict.
      const next: LocalRecord = { ...rec };
      delete next.local;
      await this.db.records.put(next);
    }
  }

  private async pull(keep: string | null): Promise<void> {
    for (let page = 0; page < 1000; page++) {
      const cursor = ((await this.db.meta.get("cursor"))?.value as string | undefined) ?? null;
      // The places list once per pull: with its first page (a new posyandu reaches the phone).
      const res = await this.api.syncPull(cursor, { ...(keep ? { keep } : {}), places: page === 0 });
      await this.db.transaction("rw", this.db.records, this.db.places, this.db.meta, async () => {
        // The server compacted its change feed past this device's cursor: it sends a full copy, so what
        // the device holds goes first (its own unsent changes stay, as when choosing another place).
        if (res.reset) await this.db.records.filter((r) => r.local === undefined).delete();
        const keys = res.records.map((r) => recordKey(r.entity, r.id));
        const existing = await this.db.records.bulkGet(keys);
        const puts: LocalRecord[] = [];
        const deletes: string[] = [];
        res.records.forEach((r, i) => {
          const key = keys[i] as string;
          const old = existing[i];
          const data = r.data;
          if (r.gone || !data || data.deleted === true || data.mergedInto) {
            // Kept while a change made here waits, unless that change was to void it too.
            if (!old?.local || old.local.deleted === true) deletes.push(key);
            return;
          }
          const rec: LocalRecord = {
            key,
            entity: r.entity,
            id: r.id,
            regionCode: String(data.regionCode ?? ""),
            personId: typeof data.personId === "string" ? data.personId : "",
            data,
          };
          if (old?.local) rec.local = old.local;
          puts.push(rec);
        });
        await this.db.records.bulkPut(puts);
        await this.db.records.bulkDelete(deletes);
        if (page === 0 && (cursor === null || res.places.length > 0)) {
          await this.db.places.clear();
          await this.db.places.bulkPut(res.places);
        }
        await this.db.meta.put({ key: "cursor", value: res.cursor });
      });
      if (!res.more) return;
    }
  }
}
