import { regionsApi } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { type AppDeps, actorOf } from "../../http/context";
import { mount } from "../../http/route";
import { createLocalUnit, myRegions, viewRegion } from "./service";

export function regionRoutes(app: FastifyInstance, { db }: AppDeps): void {
  mount(app, regionsApi.mine, async (_input, req) => ({ regions: await myRegions(db, actorOf(req)) }));
  mount(app, regionsApi.view, async ({ params }, req) => viewRegion(db, actorOf(req), params.code));
  mount(app, regionsApi.createChild, async ({ params, body }, req) =>
    createLocalUnit(db, actorOf(req), params.code, body),
  );
}
