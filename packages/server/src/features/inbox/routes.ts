import { inboxApi } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { type AppDeps, actorOf } from "../../http/context";
import { mount } from "../../http/route";
import { inboxOf } from "./service";

export function inboxRoutes(app: FastifyInstance, { db }: AppDeps): void {
  mount(app, inboxApi.list, async (_input, req) => ({ items: await inboxOf(db, actorOf(req)) }));
}
