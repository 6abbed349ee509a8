import { fhirApi } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { type AppDeps, actorOf } from "../../http/context";
import { mount } from "../../http/route";
import { fhirBundle } from "./service";

export function fhirRoutes(app: FastifyInstance, { db }: AppDeps): void {
  mount(app, fhirApi.bundle, async ({ query }, req, reply) => {
    const { fileName, body } = await fhirBundle(db, actorOf(req), query);
    return reply
      .header("content-type", "application/fhir+json; charset=utf-8")
      .header("content-disposition", `attachment; filename="${fileName}"`)
      .header("cache-control", "no-store")
      .send(body);
  });
}
