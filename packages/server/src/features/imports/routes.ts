import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { errors } from "../../errors";
import { type AppDeps, actorOf, typed } from "../../http/context";
import { importMeasurements } from "./service";

const bool = z
  .enum(["true", "false"])
  .default("false")
  .transform((v) => v === "true");

export function importRoutes(app: FastifyInstance, { db }: AppDeps): void {
  // The file travels as the raw request body: no multipart parsing, and the bytes are exactly the file.
  app.addContentTypeParser(
    [
      "application/octet-stream",
      "text/csv",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ],
    { parseAs: "buffer", bodyLimit: 50 * 1024 * 1024 },
    (_req, body, done) => done(null, body),
  );
  typed(app).post(
    "/api/imports/measurements",
    {
      bodyLimit: 50 * 1024 * 1024,
      schema: {
        tags: ["registry"],
        querystring: z.strictObject({
          fileName: z.string().min(1).max(200),
          dryRun: bool,
          allOrNothing: bool,
        }),
      },
    },
    async (req) => {
      if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
        throw errors.badRequest(
          "Send the file as the request body (Content-Type: application/octet-stream).",
        );
      }
      return importMeasurements(db, actorOf(req), req.body, req.query);
    },
  );
}
