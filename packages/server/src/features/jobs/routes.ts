import { jobsApi } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { type AppDeps, actorOf } from "../../http/context";
import { mount } from "../../http/route";
import { myJobs, viewJob } from "./service";

export function jobRoutes(app: FastifyInstance, { db, jobs }: AppDeps): void {
  mount(app, jobsApi.view, async ({ params }, req) => viewJob(db, jobs, actorOf(req), params.id));
  mount(app, jobsApi.mine, async ({ query }, req) => ({
    jobs: await myJobs(db, jobs, actorOf(req), query.kind),
  }));
}
