import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { type AppDeps, actorOf, typed } from "../../http/context";
import { ErrorResponse, RegionSchema } from "../../http/schemas";
import { createLocalUnit, myRegions, viewRegion } from "./service";

const CodeParams = z.strictObject({ code: z.string().min(1).max(40) });

export function regionRoutes(app: FastifyInstance, { db }: AppDeps): void {
  typed(app).get(
    "/api/regions",
    { schema: { tags: ["regions"], response: { 200: z.object({ regions: z.array(RegionSchema) }) } } },
    async (req) => ({ regions: await myRegions(db, actorOf(req)) }),
  );

  typed(app).get(
    "/api/regions/:code",
    {
      schema: {
        tags: ["regions"],
        params: CodeParams,
        response: {
          200: z.object({
            region: RegionSchema,
            ancestors: z.array(RegionSchema.omit({ parentCode: true }).extend({ visible: z.boolean() })),
            children: z.array(RegionSchema.extend({ childCount: z.number().int() })),
          }),
          404: ErrorResponse,
        },
      },
    },
    async (req) => viewRegion(db, actorOf(req), req.params.code),
  );

  typed(app).post(
    "/api/regions/:code/children",
    {
      schema: {
        tags: ["regions"],
        params: CodeParams,
        body: z.strictObject({ kind: z.enum(["dusun", "posyandu"]), name: z.string().min(1).max(120) }),
        response: { 201: RegionSchema, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (req, reply) => {
      const region = await createLocalUnit(db, actorOf(req), req.params.code, req.body);
      return reply.status(201).send(region);
    },
  );
}
