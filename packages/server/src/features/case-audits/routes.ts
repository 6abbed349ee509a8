import { caseAuditsApi } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { type AppDeps, actorOf } from "../../http/context";
import { mount } from "../../http/route";
import { listAuditCases, recordCaseAudit, recordFollowUp, viewAudit } from "./service";

export function caseAuditRoutes(app: FastifyInstance, { db }: AppDeps): void {
  mount(app, caseAuditsApi.cases, async ({ params }, req) => listAuditCases(db, actorOf(req), params.code));
  mount(app, caseAuditsApi.record, async ({ body }, req) => recordCaseAudit(db, actorOf(req), body));
  mount(app, caseAuditsApi.view, async ({ params }, req) => viewAudit(db, actorOf(req), params.id));
  mount(app, caseAuditsApi.followUp, async ({ body }, req) => recordFollowUp(db, actorOf(req), body));
}
