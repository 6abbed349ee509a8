import { CaseAuditInput, FollowUpInput } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { type AppDeps, actorOf, typed } from "../../http/context";
import { listAuditCases, recordCaseAudit, recordFollowUp, viewAudit } from "./service";

export function caseAuditRoutes(app: FastifyInstance, { db }: AppDeps): void {
  typed(app).get(
    "/api/regions/:code/audit-cases",
    { schema: { tags: ["case-audits"], params: z.strictObject({ code: z.string().min(2).max(40) }) } },
    async (req) => listAuditCases(db, actorOf(req), req.params.code),
  );
  typed(app).post(
    "/api/case-audits",
    { schema: { tags: ["case-audits"], body: CaseAuditInput } },
    async (req, reply) => reply.status(201).send(await recordCaseAudit(db, actorOf(req), req.body)),
  );
  typed(app).get(
    "/api/case-audits/:id",
    { schema: { tags: ["case-audits"], params: z.strictObject({ id: z.string().uuid() }) } },
    async (req) => viewAudit(db, actorOf(req), req.params.id),
  );
  typed(app).post(
    "/api/audit-followups",
    { schema: { tags: ["case-audits"], body: FollowUpInput } },
    async (req, reply) => reply.status(201).send(await recordFollowUp(db, actorOf(req), req.body)),
  );
}
