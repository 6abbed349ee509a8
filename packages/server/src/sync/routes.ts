import { syncApi } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { type AppDeps, actorOf } from "../http/context";
import { mount } from "../http/route";
import { listConflicts, resolveConflict } from "./conflicts";
import { pullChanges } from "./pull";
import { PullSessions } from "./pull-audit";
import { pushOps } from "./push";

export function syncRoutes(app: FastifyInstance, { db }: AppDeps): void {
  mount(app, syncApi.push, async ({ body }, req) => ({ results: await pushOps(db, actorOf(req), body.ops) }));
  const pulls = new PullSessions(db);
  app.addHook("onClose", async () => pulls.flushAll());
  mount(app, syncApi.pull, async ({ query }, req) => {
    const page = await pullChanges(db, actorOf(req), {
      cursor: query.cursor,
      limit: query.limit,
      keep: query.keep,
      ...(query.places ? { places: query.places === "1" } : {}),
    });
    await pulls.noted(actorOf(req), query.cursor, page);
    return page;
  });
  mount(app, syncApi.conflicts, async ({ query }, req) => ({
    conflicts: await listConflicts(db, actorOf(req), query.open === "1"),
  }));
  mount(app, syncApi.resolve, async ({ params, body }, req) =>
    resolveConflict(db, actorOf(req), params.id, body.choice, body.values),
  );
}
