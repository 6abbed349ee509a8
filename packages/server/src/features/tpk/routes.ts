import { TpkAssignmentInput, TpkMemberInput, TpkTeamInput, TpkVisitInput } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { type AppDeps, actorOf, typed } from "../../http/context";
import { tpkCandidates } from "./candidates";
import { addMember, assignSubject, createTeam, listTeams, recordVisit, viewTeam } from "./service";

const Id = z.strictObject({ id: z.string().uuid() });

export function tpkRoutes(app: FastifyInstance, { db }: AppDeps): void {
  typed(app).get(
    "/api/regions/:code/tpk-teams",
    { schema: { tags: ["tpk"], params: z.strictObject({ code: z.string().min(2).max(40) }) } },
    async (req) => listTeams(db, actorOf(req), req.params.code),
  );
  typed(app).get(
    "/api/regions/:code/tpk-candidates",
    { schema: { tags: ["tpk"], params: z.strictObject({ code: z.string().min(2).max(40) }) } },
    async (req) => tpkCandidates(db, actorOf(req), req.params.code),
  );
  typed(app).post("/api/tpk-teams", { schema: { tags: ["tpk"], body: TpkTeamInput } }, async (req, reply) =>
    reply.status(201).send(await createTeam(db, actorOf(req), req.body)),
  );
  typed(app).get("/api/tpk-teams/:id", { schema: { tags: ["tpk"], params: Id } }, async (req) =>
    viewTeam(db, actorOf(req), req.params.id),
  );
  typed(app).post(
    "/api/tpk-teams/:id/members",
    { schema: { tags: ["tpk"], params: Id, body: TpkMemberInput } },
    async (req, reply) => reply.status(201).send(await addMember(db, actorOf(req), req.params.id, req.body)),
  );
  typed(app).post(
    "/api/tpk-assignments",
    { schema: { tags: ["tpk"], body: TpkAssignmentInput } },
    async (req, reply) => reply.status(201).send(await assignSubject(db, actorOf(req), req.body)),
  );
  typed(app).post("/api/tpk-visits", { schema: { tags: ["tpk"], body: TpkVisitInput } }, async (req, reply) =>
    reply.status(201).send(await recordVisit(db, actorOf(req), req.body)),
  );
}
