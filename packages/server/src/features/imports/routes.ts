import { importsApi, scopesWithPower } from "@tumbuh/core";
import type { FastifyInstance } from "fastify";
import { errors } from "../../errors";
import { type AppDeps, actorOf } from "../../http/context";
import { sendDownload } from "../../http/download";
import { languageOf } from "../../http/language";
import { mount } from "../../http/route";
import { reconciliationCsv } from "./reconciliation-csv";
import { rejectionsCsv } from "./rejections-csv";
import { checkUpload } from "./upload-check";

/** The largest e-PPGBM file taken (a regency's month is a few MB; the JSON limit elsewhere stays 5 MB). */
const UPLOAD_LIMIT = 50 * 1024 * 1024;

export function importRoutes(app: FastifyInstance, { db, jobs }: AppDeps): void {
  // The file travels as the raw request body: no multipart parsing, and the bytes are exactly the file.
  // The parser's own limit applies, as the route sets none.
  app.addContentTypeParser(
    [
      "application/octet-stream",
      "text/csv",
      "text/html",
      "application/vnd.ms-excel",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ],
    { parseAs: "buffer", bodyLimit: UPLOAD_LIMIT },
    (_req, body, done) => done(null, body),
  );
  // Who may import is known before the body is read (issue 18: the read-only viewer's 50 MB upload was
  // read and parsed before being refused): a user without write power anywhere gets 403 at once.
  app.addHook("preParsing", async (req) => {
    if (req.routeOptions.url !== importsApi.measurements.path) return;
    if (scopesWithPower(actorOf(req), "write").length === 0) throw errors.forbidden();
  });
  mount(app, importsApi.measurements, async ({ query }, req) => {
    if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
      throw errors.badRequest("Send the file as the request body (Content-Type: application/octet-stream).");
    }
    const file = req.body;
    // Cheap checks before queueing: the format is known and an XLSX does not declare gigabytes.
    checkUpload(file);
    const actor = actorOf(req);
    const jobId = await jobs.submit({
      kind: "imports.measurements",
      input: query,
      actor,
      region: scopesWithPower(actor, "write")[0] ?? null,
      file,
    });
    return { jobId };
  });
  mount(app, importsApi.reconciliationCsv, async ({ params }, req, reply) => {
    const { fileName, csv } = await reconciliationCsv(db, jobs, actorOf(req), params.id, languageOf(req));
    return sendDownload(reply, { fileName, contentType: "text/csv; charset=utf-8", body: csv });
  });
  mount(app, importsApi.rejectionsCsv, async ({ params }, req, reply) => {
    const { fileName, csv } = await rejectionsCsv(db, jobs, actorOf(req), params.id, languageOf(req));
    return sendDownload(reply, { fileName, contentType: "text/csv; charset=utf-8", body: csv });
  });
}
