import type { Actor, SyncOpKind } from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { Database } from "../db/schema";

/** One operation as a handler receives it: payload already checked by the kind's schema. */
export interface ApplyOp<P> {
  entityId: string;
  baseRevision: number | null;
  payload: P;
}

export interface OpHandler<P> {
  schema: z.ZodType<P>;
  /** Write through the feature's own service, inside `trx`; returns the record's new revision if it has one. */
  apply(trx: Kysely<Database>, actor: Actor, op: ApplyOp<P>): Promise<{ revision?: number }>;
}

/** How a record is sent to devices: `regionCode` decides who may receive it. */
export interface PulledRow {
  id: string;
  regionCode: string;
  data: Record<string, unknown>;
}

/**
 * Everything sync knows about one entity (the table-driven contract, docs/ARCHITECTURE.md "Offline sync"):
 * - `ops`: the kinds a device may send (create / update / append) with their payload schema and apply;
 * - `current` (needed for update): the record's revision and wire form now, to detect a stale edit and
 *   keep "theirs" in the conflict;
 * - `load`: the current rows for ids from the change feed (deleted/merged ones too, as the device must
 *   learn about them). The table must be fed by the sync_changes triggers (a migration adds them).
 */
export interface EntityHandler {
  name: string;
  // Each kind has its own payload type; push checks the payload with that kind's schema before apply.
  // biome-ignore lint/suspicious/noExplicitAny: a heterogeneous table of handlers
  ops: Partial<Record<SyncOpKind, OpHandler<any>>>;
  current?(
    trx: Kysely<Database>,
    actor: Actor,
    id: string,
  ): Promise<{ revision: number; data: Record<string, unknown> } | undefined>;
  load(db: Kysely<Database>, ids: readonly string[]): Promise<PulledRow[]>;
}

const handlers = new Map<string, EntityHandler>();

/** Adds a handler; registering the same handler again is a no-op, two handlers for one name an error. */
export function registerEntity(handler: EntityHandler): void {
  const existing = handlers.get(handler.name);
  if (existing === handler) return;
  if (existing) throw new Error(`sync entity registered twice: ${handler.name}`);
  handlers.set(handler.name, handler);
}

export function entityHandler(name: string): EntityHandler | undefined {
  return handlers.get(name);
}
