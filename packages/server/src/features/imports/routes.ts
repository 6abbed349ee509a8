import { importsApi } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { errors } from "../../errors";
import { type AppDeps, actorOf } from "../../http/context";
import { mount } from "../../http/route";
import { importMeasurements } from "./service";

/** The largest e-PPGBM file taken (a regency's month is a few MB; the JSON limit elsewhere stays 5 MB). */
const UPLOAD_LIMIT = 50 * 1024 * 1024;

export function importRoutes(app: FastifyInstance, { db }: AppDeps): void {
  // The file travels as the raw request body: no multipart parsing, and the bytes are exactly the file.
  // The parser's own limit applies, as the route sets none.
  app.addContentTypeParser(
    [
      "application/octet-stream",
      "text/csv",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ],
    { parseAs: "buffer", bodyLimit: UPLOAD_LIMIT },
    (_req, body, done) => done(null, body),
  );
  mount(app, importsApi.measurements, async ({ query }, req) => {
    if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
      throw errors.badRequest("Send the file as the request body (Content-Type: application/octet-stream).");
    }
    return importMeasurements(db, actorOf(req), req.body, query);
  });
}
