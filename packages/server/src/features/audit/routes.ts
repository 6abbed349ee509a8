import { scopesWithPower } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { errors } from "../../errors";
import { type AppDeps, actorOf, typed } from "../../http/context";
import { ErrorResponse } from "../../http/schemas";
import { listAudit } from "./repository";

export function auditRoutes(app: FastifyInstance, { db }: AppDeps): void {
  typed(app).get(
    "/api/audit",
    {
      schema: {
        tags: ["audit"],
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(500).default(50),
          before: z.string().max(40).optional(),
        }),
        response: {
          200: z.object({
            entries: z.array(
              z.object({
                id: z.string(),
                at: z.string(),
                actorId: z.string().nullable(),
                actorName: z.string().nullable(),
                action: z.string(),
                entity: z.string(),
                entityId: z.string().nullable(),
                regionCode: z.string().nullable(),
                before: z.unknown(),
                after: z.unknown(),
              }),
            ),
            nextBefore: z.string().nullable(),
          }),
          403: ErrorResponse,
        },
      },
    },
    async (req) => {
      const scopes = scopesWithPower(actorOf(req), "readAudit");
      if (scopes.length === 0) throw errors.forbidden();
      const entries = await listAudit(db, scopes, { limit: req.query.limit, before: req.query.before });
      return {
        entries,
        nextBefore: entries.length === req.query.limit ? (entries.at(-1)?.id ?? null) : null,
      };
    },
  );
}
