import { PregnancyEnd, PregnancyInput } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { type AppDeps, actorOf, typed } from "../../http/context";
import { createPregnancy, editPregnancy, finishPregnancy } from "./service";

export function pregnancyRoutes(app: FastifyInstance, { db }: AppDeps): void {
  typed(app).post(
    "/api/pregnancies",
    { schema: { tags: ["registry"], body: PregnancyInput } },
    async (req, reply) => reply.status(201).send(await createPregnancy(db, actorOf(req), req.body)),
  );
  typed(app).post(
    "/api/pregnancies/:id/end",
    { schema: { tags: ["registry"], params: z.strictObject({ id: z.string().uuid() }), body: PregnancyEnd } },
    async (req) => finishPregnancy(db, actorOf(req), req.params.id, req.body),
  );
  typed(app).patch(
    "/api/pregnancies/:id",
    {
      schema: {
        tags: ["registry"],
        params: z.strictObject({ id: z.string().uuid() }),
        body: PregnancyInput.omit({ personId: true })
          .partial()
          .extend({ revision: z.number().int().min(1) })
          .strict(),
      },
    },
    async (req) => editPregnancy(db, actorOf(req), req.params.id, req.body),
  );
}
