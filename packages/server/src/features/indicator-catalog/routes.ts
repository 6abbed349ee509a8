import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { type AppDeps, actorOf, typed } from "../../http/context";
import { catalogHistory, editTarget, exportCatalog, getCatalog, importCatalog, TargetEdit } from "./service";

const RegencyQuery = z.strictObject({
  regency: z
    .string()
    .regex(/^\d{2}\.\d{2}$/)
    .optional(),
});

export function indicatorCatalogRoutes(app: FastifyInstance, { db }: AppDeps): void {
  typed(app).get(
    "/api/indicators/catalog",
    { schema: { tags: ["indicators"], querystring: RegencyQuery } },
    async (req) => getCatalog(db, actorOf(req), req.query.regency),
  );
  typed(app).get(
    "/api/indicators/catalog/history",
    { schema: { tags: ["indicators"], querystring: RegencyQuery } },
    async (req) => catalogHistory(db, actorOf(req), req.query.regency),
  );
  typed(app).get(
    "/api/indicators/catalog/export",
    { schema: { tags: ["indicators"], querystring: RegencyQuery } },
    async (req, reply) => {
      const { fileName, text } = await exportCatalog(db, actorOf(req), req.query.regency);
      return reply
        .header("content-type", "application/json; charset=utf-8")
        .header("content-disposition", `attachment; filename="${fileName}"`)
        .send(text);
    },
  );
  // The body is the whole catalog file; it is checked by @tumbuh/core's validateCatalog, which names every
  // bad indicator and field (a route schema would stop at the first issue).
  typed(app).put(
    "/api/indicators/catalog",
    {
      schema: { tags: ["indicators"], querystring: RegencyQuery, body: z.unknown() },
      bodyLimit: 4 * 1024 * 1024,
    },
    async (req) => importCatalog(db, actorOf(req), req.body, req.query.regency),
  );
  typed(app).patch(
    "/api/indicators/:id/target",
    {
      schema: {
        tags: ["indicators"],
        params: z.strictObject({ id: z.string().regex(/^[A-Za-z0-9_.-]+$/) }),
        querystring: RegencyQuery,
        body: TargetEdit,
      },
    },
    async (req) => editTarget(db, actorOf(req), req.params.id, req.body, req.query.regency),
  );
}
