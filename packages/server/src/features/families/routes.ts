import { FamilyScreeningInput, FamilyVerifyInput, isSemester, semesterOf } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { type AppDeps, actorOf, typed } from "../../http/context";
import { todayIso } from "../region-guard";
import { listFamilies, recordFamilyScreening, verifyFamilyScreening, viewFamily } from "./service";

const Id = z.strictObject({ id: z.string().uuid() });

export function familyRoutes(app: FastifyInstance, { db }: AppDeps): void {
  typed(app).get("/api/families/:id", { schema: { tags: ["families"], params: Id } }, async (req) =>
    viewFamily(db, actorOf(req), req.params.id),
  );
  typed(app).get(
    "/api/regions/:code/families",
    {
      schema: {
        tags: ["families"],
        params: z.strictObject({ code: z.string().min(2).max(40) }),
        querystring: z.strictObject({
          semester: z.string().refine(isSemester, "semester: like 2026-S2").optional(),
        }),
      },
    },
    async (req) =>
      listFamilies(db, actorOf(req), req.params.code, req.query.semester ?? semesterOf(todayIso())),
  );
  typed(app).post(
    "/api/family-screenings",
    { schema: { tags: ["families"], body: FamilyScreeningInput } },
    async (req, reply) => reply.status(201).send(await recordFamilyScreening(db, actorOf(req), req.body)),
  );
  typed(app).post(
    "/api/family-screenings/:id/verify",
    { schema: { tags: ["families"], params: Id, body: FamilyVerifyInput } },
    async (req) => verifyFamilyScreening(db, actorOf(req), req.params.id, req.body),
  );
}
