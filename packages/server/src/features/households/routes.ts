import { householdsApi } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { type AppDeps, actorOf } from "../../http/context";
import { mount } from "../../http/route";
import { createHousehold, viewHousehold } from "./service";

export function householdRoutes(app: FastifyInstance, { db }: AppDeps): void {
  mount(app, householdsApi.create, async ({ body }, req) => createHousehold(db, actorOf(req), body));
  mount(app, householdsApi.view, async ({ params }, req) => viewHousehold(db, actorOf(req), params.id));
}
