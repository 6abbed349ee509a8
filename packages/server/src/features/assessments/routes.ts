import { assessmentsApi } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { type AppDeps, actorOf } from "../../http/context";
import { mount } from "../../http/route";
import { assertCanCompute, assessmentOf, currentMethod, publishAssessment, setMethod } from "./service";

export function assessmentsRoutes(app: FastifyInstance, { db, jobs }: AppDeps): void {
  const api = assessmentsApi;
  mount(app, api.method, async ({ query }, req) => currentMethod(db, actorOf(req), query.region));
  mount(app, api.setMethod, async ({ query, body }, req) => setMethod(db, actorOf(req), query.region, body));
  mount(app, api.ranking, async ({ query }, req) => assessmentOf(db, actorOf(req), query.region, query.year));
  mount(app, api.compute, async ({ body }, req) => {
    const actor = actorOf(req);
    const regency = await assertCanCompute(db, actor, body.region);
    const input = { region: regency, year: body.year };
    return { jobId: await jobs.submit({ kind: "assessments.compute", input, actor, region: regency }) };
  });
  mount(app, api.publish, async ({ params }, req) => publishAssessment(db, actorOf(req), params.id));
}
