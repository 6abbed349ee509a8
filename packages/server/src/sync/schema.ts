import type { Generated } from "kysely";

// The sync feature's tables as Kysely sees them (see db/schema.ts for the conventions).

/** The change feed, written by triggers on every synced table (never by application code). */
export interface SyncChangesTable {
  seq: Generated<number>;
  entity: string;
  entity_id: string;
  region_code: string;
}

/** Device operations already applied: a replayed op id gets the stored result back. */
export interface SyncOpsTable {
  op_id: string;
  user_id: string;
  entity: string;
  entity_id: string;
  kind: string;
  /** applied | conflict | rejected */
  status: string;
  result_json: string;
  applied_at: string;
  /** SHA-256 of entity, kind, entity id, base revision and payload; null for ops stored before it was kept. */
  payload_hash: string | null;
}

/** Ops answered "retry" (a record they need is not there): counted so they end in a final state. */
export interface SyncOpRetriesTable {
  op_id: string;
  user_id: string;
  tries: number;
  first_at: string;
  last_at: string;
}

/** A stale offline edit kept with both versions until a person resolves it. */
export interface SyncConflictsTable {
  id: string;
  op_id: string;
  entity: string;
  entity_id: string;
  region_code: string;
  user_id: string;
  user_name: string;
  base_revision: number;
  mine_json: string;
  theirs_json: string;
  created_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
  resolution: string | null;
}

/** Where each user's device last pulled from (a feed seq): the feed is compacted below all of them. */
export interface SyncDevicesTable {
  user_id: string;
  position: number | string;
  seen_at: string;
}

/** One row (id 1): the feed holds no change at or below `seq` any more (a pull from below re-copies). */
export interface SyncFeedFloorTable {
  id: number;
  seq: number | string;
  compacted_at: string;
}

/** A row only inside a bulk writer's transaction: its inserts' feed rows are written set-based (see db/fed-insert.ts). */
export interface SyncFeedDeferredTable {
  id: number;
}

export interface SyncTables {
  sync_feed_deferred: SyncFeedDeferredTable;
  sync_devices: SyncDevicesTable;
  sync_feed_floor: SyncFeedFloorTable;
  sync_changes: SyncChangesTable;
  sync_ops: SyncOpsTable;
  sync_op_retries: SyncOpRetriesTable;
  sync_conflicts: SyncConflictsTable;
}
