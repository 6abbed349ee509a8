import { assessmentsApi } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { type AppDeps, actorOf } from "../../http/context";
import { mount } from "../../http/route";
import {
  assertCanCompute,
  assessmentOf,
  currentMethod,
  publicAchievements,
  publishAssessment,
  publishedAssessment,
  setMethod,
} from "./service";

export function assessmentsRoutes(app: FastifyInstance, { db, jobs }: AppDeps): void {
  const api = assessmentsApi;
  mount(app, api.method, async ({ query }, req) => currentMethod(db, actorOf(req), query.region));
  mount(app, api.setMethod, async ({ query, body }, req) => {
    const actor = actorOf(req);
    const method = await setMethod(db, actor, query.region, body);
    // The year's draft follows the new method at once; a published year stays as the TPPS confirmed it.
    const regency = await assertCanCompute(db, actor, query.region);
    const year = query.year;
    const jobId =
      year === undefined || (await publishedAssessment(db, regency, year))
        ? null
        : await jobs.submit({
            kind: "assessments.compute",
            input: { region: regency, year },
            actor,
            region: regency,
          });
    return { method, jobId };
  });
  mount(app, api.ranking, async ({ query }, req) => assessmentOf(db, actorOf(req), query.region, query.year));
  mount(app, api.compute, async ({ body }, req) => {
    const actor = actorOf(req);
    const regency = await assertCanCompute(db, actor, body.region);
    const input = { region: regency, year: body.year };
    return { jobId: await jobs.submit({ kind: "assessments.compute", input, actor, region: regency }) };
  });
  mount(app, api.publish, async ({ params }, req) => publishAssessment(db, actorOf(req), params.id));
  mount(app, api.publicAchievements, async ({ params }) => publicAchievements(db, params.year));
}
