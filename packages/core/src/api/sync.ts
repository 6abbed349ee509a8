import { z } from "zod";
import {
  SyncConflictViewSchema,
  SyncOpResultSchema,
  SyncPullResponseSchema,
  SyncPushRequest,
  SyncResolve,
} from "../sync-schemas";
import { IdParams } from "./common";
import { endpoint } from "./endpoint";

/** Offline sync (docs/ARCHITECTURE.md "Offline sync"): push a device's outbox, pull the scoped change feed. */
export const syncApi = {
  push: endpoint({
    method: "POST",
    path: "/api/sync/push",
    tag: "sync",
    body: SyncPushRequest,
    response: z.object({ results: z.array(SyncOpResultSchema) }),
  }),
  pull: endpoint({
    method: "GET",
    path: "/api/sync/pull",
    tag: "sync",
    query: z.strictObject({
      cursor: z
        .string()
        // A feed position, or a place inside a full copy ("s<seq>.<table>.<last id>", server sync/snapshot.ts).
        .regex(/^(\d{1,18}|s\d{1,18}\.\d{1,2}\.[0-9A-Za-z-]{0,64})$/, "must be a cursor from an earlier pull")
        .optional(),
      limit: z.coerce.number().int().min(1).max(5000).default(2000),
      /** A user whose scope is wider than a desa keeps one desa or posyandu on the device. */
      keep: z
        .string()
        .regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}(\.[DP]\d{2,4})?$/, "must be a desa or posyandu code")
        .optional(),
      /** The places list comes with the first page of a pull (no cursor); "1" asks for it on a later one. */
      places: z.enum(["0", "1"]).optional(),
    }),
    response: SyncPullResponseSchema,
  }),
  conflicts: endpoint({
    method: "GET",
    path: "/api/sync/conflicts",
    tag: "sync",
    query: z.strictObject({ open: z.enum(["0", "1"]).default("1") }),
    response: z.object({ conflicts: z.array(SyncConflictViewSchema) }),
  }),
  resolve: endpoint({
    method: "POST",
    path: "/api/sync/conflicts/:id/resolve",
    tag: "sync",
    params: IdParams,
    body: SyncResolve,
    response: SyncConflictViewSchema,
  }),
};
