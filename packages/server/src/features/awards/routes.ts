import { awardsApi } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { type AppDeps, actorOf } from "../../http/context";
import { mount } from "../../http/route";
import { addAward, awardRegister } from "./service";

export function awardsRoutes(app: FastifyInstance, { db }: AppDeps): void {
  mount(app, awardsApi.register, async ({ query }, req) =>
    awardRegister(db, actorOf(req), query.region, query.year),
  );
  mount(app, awardsApi.add, async ({ body }, req) => addAward(db, actorOf(req), body));
}
