// The device's copy of the user's scope and its outbox, in IndexedDB (Dexie), one database per user so
// a second person signing in on the same phone never sees — or sends — the first one's data.
import type { SyncOpKind, SyncPlace } from "@tumbuh/core";
import Dexie, { type EntityTable } from "dexie";

/** One record of the scope as the server last sent it, plus the device's not-yet-confirmed changes. */
export interface LocalRecord {
  /** `${entity}:${id}` */
  key: string;
  entity: string;
  id: string;
  regionCode: string;
  /** For measurements and pregnancies: whose. "" otherwise (IndexedDB cannot index undefined). */
  personId: string;
  /** The server's version (empty until the server has confirmed a record made on this device). */
  data: Record<string, unknown>;
  /** Changes made on this device and not yet confirmed, shown over `data`. */
  local?: Record<string, unknown>;
}

export type OutboxState = "pending" | "rejected";

export interface OutboxItem {
  seq?: number;
  opId: string;
  entity: string;
  entityId: string;
  kind: SyncOpKind;
  baseRevision: number | null;
  payload: Record<string, unknown>;
  state: OutboxState;
  /** How many times it was sent; an op sent once is never changed again (its id may be applied already). */
  attempts: number;
  /**
   * An edit made while an earlier edit of the same record was already sent: it keeps that edit's base
   * revision (so it conflicts if that one did) until that one is applied, then takes its new revision.
   */
  chained?: boolean;
  error?: { code: string; message: string; field?: string };
  createdAt: number;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export type SyncDb = Dexie & {
  records: EntityTable<LocalRecord, "key">;
  outbox: EntityTable<OutboxItem, "seq">;
  meta: EntityTable<MetaRow, "key">;
  places: EntityTable<SyncPlace, "code">;
};

export const syncDbName = (userId: string) => `tumbuh-sync-${userId}`;

export function openSyncDb(userId: string): SyncDb {
  const db = new Dexie(syncDbName(userId)) as SyncDb;
  db.version(1).stores({
    records: "key, [entity+regionCode], personId",
    outbox: "++seq, opId, entityId, state",
    meta: "key",
    places: "code",
  });
  return db;
}

export const recordKey = (entity: string, id: string) => `${entity}:${id}`;

/** What the device shows: the server's version with the device's pending changes over it. */
export function view<T = Record<string, unknown>>(r: LocalRecord): T {
  return (r.local ? { ...r.data, ...r.local } : r.data) as T;
}
