import { CatinInput, CatinScreeningInput, isSemester } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { type AppDeps, actorOf, typed } from "../../http/context";
import { catinCertificate } from "./certificate";
import { listCatin, recordCatinScreening, registerCatin, viewCatin } from "./service";

const Id = z.strictObject({ id: z.string().uuid() });

export function catinRoutes(app: FastifyInstance, { db }: AppDeps): void {
  typed(app).get(
    "/api/regions/:code/catin",
    {
      schema: {
        tags: ["catin"],
        params: z.strictObject({ code: z.string().min(2).max(40) }),
        querystring: z.strictObject({
          semester: z.string().refine(isSemester, "semester: like 2026-S2").optional(),
        }),
      },
    },
    async (req) => listCatin(db, actorOf(req), req.params.code, req.query.semester),
  );
  typed(app).post("/api/catin", { schema: { tags: ["catin"], body: CatinInput } }, async (req, reply) =>
    reply.status(201).send(await registerCatin(db, actorOf(req), req.body)),
  );
  typed(app).get("/api/catin/:id", { schema: { tags: ["catin"], params: Id } }, async (req) =>
    viewCatin(db, actorOf(req), req.params.id),
  );
  typed(app).post(
    "/api/catin/:id/screenings",
    { schema: { tags: ["catin"], params: Id, body: CatinScreeningInput } },
    async (req, reply) =>
      reply.status(201).send(await recordCatinScreening(db, actorOf(req), req.params.id, req.body)),
  );
  typed(app).get(
    "/api/catin-screenings/:id/certificate.pdf",
    { schema: { tags: ["catin"], params: Id } },
    async (req, reply) => {
      const { pdf, fileName } = await catinCertificate(db, actorOf(req), req.params.id);
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", `attachment; filename="${fileName}"`)
        .send(pdf);
    },
  );
}
