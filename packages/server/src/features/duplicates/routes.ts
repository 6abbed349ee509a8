import { duplicatesApi } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { type AppDeps, actorOf } from "../../http/context";
import { mount } from "../../http/route";
import { checkNewPerson } from "./check";
import { dismissDuplicate, findDuplicates, mergePersons, undoMerge } from "./service";

export function duplicateRoutes(app: FastifyInstance, { db }: AppDeps): void {
  mount(app, duplicatesApi.list, async ({ params }, req) => ({
    pairs: await findDuplicates(db, actorOf(req), params.code),
  }));
  mount(app, duplicatesApi.check, async ({ body }, req) => ({
    matches: await checkNewPerson(db, actorOf(req), body),
  }));
  mount(app, duplicatesApi.merge, async ({ body }, req) =>
    mergePersons(db, actorOf(req), body.keepId, body.mergeId),
  );
  mount(app, duplicatesApi.undoMerge, async ({ params }, req) => {
    await undoMerge(db, actorOf(req), params.id);
    return null;
  });
  mount(app, duplicatesApi.dismiss, async ({ body }, req) => {
    await dismissDuplicate(db, actorOf(req), body.aId, body.bId);
    return null;
  });
}
