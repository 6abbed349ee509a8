import { tpkApi } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { type AppDeps, actorOf } from "../../http/context";
import { mount } from "../../http/route";
import { tpkCandidates } from "./candidates";
import { addMember, assignSubject, createTeam, listTeams, recordVisit, viewTeam, voidVisit } from "./service";

export function tpkRoutes(app: FastifyInstance, { db }: AppDeps): void {
  mount(app, tpkApi.teams, async ({ params }, req) => listTeams(db, actorOf(req), params.code));
  mount(app, tpkApi.candidates, async ({ params }, req) => tpkCandidates(db, actorOf(req), params.code));
  mount(app, tpkApi.createTeam, async ({ body }, req) => createTeam(db, actorOf(req), body));
  mount(app, tpkApi.team, async ({ params }, req) => viewTeam(db, actorOf(req), params.id));
  mount(app, tpkApi.addMember, async ({ params, body }, req) => addMember(db, actorOf(req), params.id, body));
  mount(app, tpkApi.assign, async ({ body }, req) => assignSubject(db, actorOf(req), body));
  mount(app, tpkApi.visit, async ({ body }, req) => recordVisit(db, actorOf(req), body));
  mount(app, tpkApi.voidVisit, async ({ params, body }, req) =>
    voidVisit(db, actorOf(req), { ...body, id: params.id }),
  );
}
