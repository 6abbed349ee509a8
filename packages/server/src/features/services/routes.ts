import { catalogForRegion, ScorecardPeriod, ServiceRecordInput } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { type AppDeps, actorOf, typed } from "../../http/context";
import { exportScorecard } from "./exports";
import { buildScorecard } from "./scorecard";
import { personServiceRecords, recordService } from "./service";

const code = z.string().min(2).max(40);

export function serviceRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const r = typed(app);
  r.post(
    "/api/service-records",
    { schema: { tags: ["services"], body: ServiceRecordInput } },
    async (req, reply) => {
      const { record, created } = await recordService(db, actorOf(req), req.body);
      return reply.status(created ? 201 : 200).send(record);
    },
  );

  r.get(
    "/api/persons/:id/service-records",
    { schema: { tags: ["services"], params: z.strictObject({ id: z.string().uuid() }) } },
    async (req) => personServiceRecords(db, actorOf(req), req.params.id),
  );

  r.get(
    "/api/service-catalog",
    { schema: { tags: ["services"], querystring: z.strictObject({ region: code }) } },
    async (req) => catalogForRegion(req.query.region),
  );

  const scorecardQuery = z.strictObject({ period: ScorecardPeriod });
  r.get(
    "/api/regions/:code/scorecard",
    { schema: { tags: ["services"], params: z.strictObject({ code }), querystring: scorecardQuery } },
    async (req) => (await buildScorecard(db, actorOf(req), req.params.code, req.query.period)).view,
  );

  r.get(
    "/api/regions/:code/scorecard/export",
    {
      schema: {
        tags: ["services"],
        params: z.strictObject({ code }),
        querystring: z.strictObject({ period: ScorecardPeriod, format: z.enum(["xlsx", "pdf"]) }),
      },
    },
    async (req, reply) => {
      const file = await exportScorecard(
        db,
        actorOf(req),
        req.params.code,
        req.query.period,
        req.query.format,
      );
      return reply
        .header("content-type", file.contentType)
        .header("content-disposition", `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );
}
