import { familiesApi, semesterOf } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { type AppDeps, actorOf } from "../../http/context";
import { mount } from "../../http/route";
import { todayIso } from "../region-guard";
import {
  listFamilies,
  recordFamilyScreening,
  verifyFamilyScreening,
  viewFamily,
  voidFamilyScreening,
} from "./service";

export function familyRoutes(app: FastifyInstance, { db }: AppDeps): void {
  mount(app, familiesApi.family, async ({ params }, req) => viewFamily(db, actorOf(req), params.id));
  mount(app, familiesApi.list, async ({ params, query }, req) =>
    listFamilies(db, actorOf(req), params.code, query.semester ?? semesterOf(todayIso())),
  );
  mount(app, familiesApi.screen, async ({ body }, req) => recordFamilyScreening(db, actorOf(req), body));
  mount(app, familiesApi.verify, async ({ params, body }, req) =>
    verifyFamilyScreening(db, actorOf(req), params.id, body),
  );
  mount(app, familiesApi.voidScreening, async ({ params, body }, req) =>
    voidFamilyScreening(db, actorOf(req), { ...body, id: params.id }),
  );
}
