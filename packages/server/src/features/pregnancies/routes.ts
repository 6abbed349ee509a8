import { pregnanciesApi } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { type AppDeps, actorOf } from "../../http/context";
import { mount } from "../../http/route";
import { createPregnancy, editPregnancy, finishPregnancy } from "./service";

export function pregnancyRoutes(app: FastifyInstance, { db }: AppDeps): void {
  mount(app, pregnanciesApi.create, async ({ body }, req) => createPregnancy(db, actorOf(req), body));
  mount(app, pregnanciesApi.end, async ({ params, body }, req) =>
    finishPregnancy(db, actorOf(req), params.id, body),
  );
  mount(app, pregnanciesApi.update, async ({ params, body }, req) =>
    editPregnancy(db, actorOf(req), params.id, body),
  );
}
