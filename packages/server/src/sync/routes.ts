import { SyncPushRequest, SyncResolve } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { type AppDeps, actorOf, typed } from "../http/context";
import { listConflicts, resolveConflict } from "./conflicts";
import { pullChanges } from "./pull";
import { pushOps } from "./push";

export function syncRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const r = typed(app);

  r.post("/api/sync/push", { schema: { tags: ["sync"], body: SyncPushRequest } }, async (req) => ({
    results: await pushOps(db, actorOf(req), req.body.ops),
  }));

  r.get(
    "/api/sync/pull",
    {
      schema: {
        tags: ["sync"],
        querystring: z.strictObject({
          cursor: z
            .string()
            .regex(/^\d{1,18}$/, "must be a cursor from an earlier pull")
            .optional(),
          limit: z.coerce.number().int().min(1).max(5000).default(2000),
        }),
      },
    },
    async (req) => pullChanges(db, actorOf(req), req.query.cursor, req.query.limit),
  );

  r.get(
    "/api/sync/conflicts",
    { schema: { tags: ["sync"], querystring: z.strictObject({ open: z.enum(["0", "1"]).default("1") }) } },
    async (req) => ({ conflicts: await listConflicts(db, actorOf(req), req.query.open === "1") }),
  );

  r.post(
    "/api/sync/conflicts/:id/resolve",
    { schema: { tags: ["sync"], params: z.strictObject({ id: z.string().uuid() }), body: SyncResolve } },
    async (req) => resolveConflict(db, actorOf(req), req.params.id, req.body.choice, req.body.values),
  );
}
