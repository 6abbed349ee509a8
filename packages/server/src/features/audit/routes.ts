import { auditApi, scopesWithPower } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { errors } from "../../errors";
import { type AppDeps, actorOf } from "../../http/context";
import { mount } from "../../http/route";
import { listAudit } from "./service";

export function auditRoutes(app: FastifyInstance, { db }: AppDeps): void {
  mount(app, auditApi.list, async ({ query }, req) => {
    const scopes = scopesWithPower(actorOf(req), "readAudit");
    if (scopes.length === 0) throw errors.forbidden();
    const entries = await listAudit(db, scopes, query);
    return {
      entries,
      nextBefore: entries.length === query.limit ? (entries.at(-1)?.id ?? null) : null,
    };
  });
}
