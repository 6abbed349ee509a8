import { z } from "zod";

/**
 * The offline sync wire contract (server and PWA). A device queues every write as an operation with an
 * id it made itself (UUIDv7) and, for edits, the revision it edited; the server applies each op at most
 * once and keeps a stale edit as a conflict for a person to resolve.
 */
export const SYNC_OP_KINDS = ["create", "update", "append"] as const;
export type SyncOpKind = (typeof SYNC_OP_KINDS)[number];

export const SyncOp = z.strictObject({
  opId: z.string().uuid(),
  entity: z.string().min(1).max(40),
  entityId: z.string().uuid(),
  kind: z.enum(SYNC_OP_KINDS),
  /** The revision the device edited (update ops only). */
  baseRevision: z.number().int().min(1).nullish(),
  payload: z.record(z.string(), z.unknown()),
});
export type SyncOp = z.infer<typeof SyncOp>;

export const SyncPushRequest = z.strictObject({ ops: z.array(SyncOp).min(1).max(200) });

/**
 * applied: written (or already written by this same op earlier: `replayed`).
 * conflict: a stale edit, kept with both versions (`conflictId`).
 * rejected: refused for good (bad value, no power); the device shows it and keeps the values.
 * retry: not applied now (e.g. the record it refers to has not arrived yet); push it again later.
 */
export const SYNC_OP_STATUSES = ["applied", "conflict", "rejected", "retry"] as const;
export type SyncOpStatus = (typeof SYNC_OP_STATUSES)[number];
export const SyncOpResultSchema = z.object({
  opId: z.string(),
  status: z.enum(SYNC_OP_STATUSES),
  replayed: z.boolean().optional(),
  revision: z.number().int().optional(),
  conflictId: z.string().optional(),
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }).optional(),
});
export type SyncOpResult = z.infer<typeof SyncOpResultSchema>;

/**
 * One record as it is now on the server, or `gone` when it left the caller's scope. `data` is the
 * entity's pull form: each entity handler builds it with its core schema (see the feature's sync.ts).
 */
export const SyncRecordSchema = z.object({
  entity: z.string(),
  id: z.string(),
  gone: z.boolean().optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});
export type SyncRecord = z.infer<typeof SyncRecordSchema>;

export const SyncPlaceSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.string(),
  parentCode: z.string().nullable(),
});
export type SyncPlace = z.infer<typeof SyncPlaceSchema>;

export const SyncPullResponseSchema = z.object({
  records: z.array(SyncRecordSchema),
  cursor: z.string(),
  more: z.boolean(),
  places: z.array(SyncPlaceSchema),
  /**
   * The device's cursor was below the compacted part of the change feed: this page starts a full copy, so
   * the device forgets the records it holds (keeping its own unsent changes) before storing these.
   */
  reset: z.literal(true).optional(),
});
export type SyncPullResponse = z.infer<typeof SyncPullResponseSchema>;

export const SyncConflictViewSchema = z.object({
  id: z.string(),
  entity: z.string(),
  entityId: z.string(),
  regionCode: z.string(),
  by: z.string(),
  createdAt: z.string(),
  baseRevision: z.number().int(),
  mine: z.record(z.string(), z.unknown()),
  theirs: z.record(z.string(), z.unknown()),
  resolvedAt: z.string().nullable(),
  resolution: z.string().nullable(),
});
export type SyncConflictView = z.infer<typeof SyncConflictViewSchema>;

export const SyncResolve = z.strictObject({
  choice: z.enum(["mine", "theirs", "edit"]),
  values: z.record(z.string(), z.unknown()).nullish(),
});
