import { syncApi } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { type AppDeps, actorOf } from "../http/context";
import { mount } from "../http/route";
import { compactFeed } from "./compaction";
import { listConflicts, resolveConflict } from "./conflicts";
import { pullChanges } from "./pull";
import { PullSessions } from "./pull-audit";
import { pushOps } from "./push";

export function syncRoutes(app: FastifyInstance, { db }: AppDeps): void {
  mount(app, syncApi.push, async ({ body }, req) => ({ results: await pushOps(db, actorOf(req), body.ops) }));
  const pulls = new PullSessions(db);
  // The feed is compacted below every device's position a minute after start and every six hours.
  const compact = () => void compactFeed(db).catch((error) => app.log.error(error, "sync feed compaction"));
  const first = setTimeout(compact, 60_000);
  const every = setInterval(compact, 6 * 3_600_000);
  first.unref();
  every.unref();
  app.addHook("onClose", async () => {
    clearTimeout(first);
    clearInterval(every);
    await pulls.flushAll();
  });
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
