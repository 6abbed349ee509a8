import { MeasurementInput, PosyanduSessionInput } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { type AppDeps, actorOf, typed } from "../../http/context";
import { registryLists } from "./lists";
import { openSession, recordMeasurement } from "./service";

export function measurementRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const r = typed(app);
  r.post(
    "/api/measurements",
    { schema: { tags: ["registry"], body: MeasurementInput } },
    async (req, reply) => reply.status(201).send(await recordMeasurement(db, actorOf(req), req.body)),
  );

  r.post(
    "/api/posyandu-sessions",
    { schema: { tags: ["registry"], body: PosyanduSessionInput } },
    async (req, reply) => {
      const { created, session } = await openSession(db, actorOf(req), req.body);
      if (created) return reply.status(201).send(session);
      return reply.status(409).send({
        error: {
          code: "conflict",
          message: "This posyandu already has a session that day.",
          field: "heldOn",
        },
        session,
      });
    },
  );

  r.get(
    "/api/regions/:code/registry-lists",
    {
      schema: {
        tags: ["registry"],
        params: z.strictObject({ code: z.string().min(2).max(40) }),
        querystring: z.strictObject({
          month: z
            .string()
            .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month YYYY-MM")
            .default(() => new Date().toISOString().slice(0, 7)),
        }),
      },
    },
    async (req) => registryLists(db, actorOf(req), req.params.code, req.query.month),
  );
}
