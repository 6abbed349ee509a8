import { measurementsApi } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { type AppDeps, actorOf } from "../../http/context";
import { mount } from "../../http/route";
import { registryLists } from "./lists";
import { openSession, recordMeasurement, voidMeasurement } from "./service";

export function measurementRoutes(app: FastifyInstance, { db }: AppDeps): void {
  mount(app, measurementsApi.create, async ({ body }, req) => recordMeasurement(db, actorOf(req), body));

  mount(app, measurementsApi.void, async ({ params, body }, req) => {
    await voidMeasurement(db, actorOf(req), { measurementId: params.id, reason: body.reason });
    return { id: params.id, voided: true as const };
  });

  mount(app, measurementsApi.openSession, async ({ body }, req, reply) => {
    const { created, session } = await openSession(db, actorOf(req), body);
    if (created) return session;
    // Another cadre opened the day first: hand over that session so this device records into it.
    return reply.status(409).send({
      error: {
        code: "conflict",
        message: "This posyandu already has a session that day.",
        field: "heldOn",
      },
      session,
    });
  });

  mount(app, measurementsApi.lists, async ({ params, query }, req) =>
    registryLists(db, actorOf(req), params.code, query.month),
  );
}
