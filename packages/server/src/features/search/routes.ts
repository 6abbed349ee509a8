import { searchApi } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { type AppDeps, actorOf } from "../../http/context";
import { mount } from "../../http/route";
import { searchEverywhere } from "./service";

export function searchRoutes(app: FastifyInstance, { db }: AppDeps): void {
  mount(app, searchApi.persons, async ({ query }, req) => searchEverywhere(db, actorOf(req), query.q));
}
