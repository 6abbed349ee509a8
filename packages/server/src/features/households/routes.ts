import { HouseholdInput } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { type AppDeps, actorOf, typed } from "../../http/context";
import { createHousehold, viewHousehold } from "./service";

export function householdRoutes(app: FastifyInstance, { db }: AppDeps): void {
  typed(app).post(
    "/api/households",
    { schema: { tags: ["registry"], body: HouseholdInput } },
    async (req, reply) => reply.status(201).send(await createHousehold(db, actorOf(req), req.body)),
  );
  typed(app).get(
    "/api/households/:id",
    { schema: { tags: ["registry"], params: z.strictObject({ id: z.string().uuid() }) } },
    async (req) => viewHousehold(db, actorOf(req), req.params.id),
  );
}
