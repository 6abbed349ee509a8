import { tokensApi } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { type AppDeps, actorOf } from "../../http/context";
import { mount } from "../../http/route";
import { createAccessToken, listAccessTokens, revokeAccessToken } from "./service";

export function tokenRoutes(app: FastifyInstance, { db }: AppDeps): void {
  mount(app, tokensApi.list, async (_input, req) => ({ tokens: await listAccessTokens(db, actorOf(req)) }));
  mount(app, tokensApi.create, ({ body }, req) => createAccessToken(db, actorOf(req), body));
  mount(app, tokensApi.revoke, ({ params }, req) => revokeAccessToken(db, actorOf(req), params.id));
}
