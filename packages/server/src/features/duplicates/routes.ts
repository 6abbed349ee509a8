import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { type AppDeps, actorOf, typed } from "../../http/context";
import { dismissDuplicate, findDuplicates, mergePersons, undoMerge } from "./service";

export function duplicateRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const r = typed(app);
  r.get(
    "/api/regions/:code/duplicates",
    { schema: { tags: ["registry"], params: z.strictObject({ code: z.string().min(2).max(40) }) } },
    async (req) => ({ pairs: await findDuplicates(db, actorOf(req), req.params.code) }),
  );
  r.post(
    "/api/persons/merge",
    {
      schema: {
        tags: ["registry"],
        body: z.strictObject({ keepId: z.string().uuid(), mergeId: z.string().uuid() }),
      },
    },
    async (req) => mergePersons(db, actorOf(req), req.body.keepId, req.body.mergeId),
  );
  r.post(
    "/api/merges/:id/undo",
    { schema: { tags: ["registry"], params: z.strictObject({ id: z.string().uuid() }) } },
    async (req, reply) => {
      await undoMerge(db, actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  );
  r.post(
    "/api/duplicates/dismiss",
    {
      schema: {
        tags: ["registry"],
        body: z.strictObject({ aId: z.string().uuid(), bId: z.string().uuid() }),
      },
    },
    async (req, reply) => {
      await dismissDuplicate(db, actorOf(req), req.body.aId, req.body.bId);
      return reply.status(204).send();
    },
  );
}
