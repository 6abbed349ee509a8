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
export type SyncOpStatus = "applied" | "conflict" | "rejected" | "retry";
export interface SyncOpResult {
  opId: string;
  status: SyncOpStatus;
  replayed?: boolean;
  revision?: number;
  conflictId?: string;
  error?: { code: string; message: string; field?: string };
}

/** One record as it is now on the server, or `gone` when it left the caller's scope. */
export interface SyncRecord {
  entity: string;
  id: string;
  gone?: boolean;
  data?: Record<string, unknown>;
}

export interface SyncPlace {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}

export interface SyncPullResponse {
  records: SyncRecord[];
  cursor: string;
  more: boolean;
  places: SyncPlace[];
}

export interface SyncConflictView {
  id: string;
  entity: string;
  entityId: string;
  regionCode: string;
  by: string;
  createdAt: string;
  baseRevision: number;
  mine: Record<string, unknown>;
  theirs: Record<string, unknown>;
  resolvedAt: string | null;
  resolution: string | null;
}

export const SyncResolve = z.strictObject({
  choice: z.enum(["mine", "theirs", "edit"]),
  values: z.record(z.string(), z.unknown()).nullish(),
});
