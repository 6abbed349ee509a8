import { type ErrorParams, isErrorReason } from "@tumbuh/core";
import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError } from "../errors";

interface ErrorBody {
  error: { code: string; message: string; field?: string; reason?: string; params?: ErrorParams };
}

type ZodIssueParams = {
  minimum?: unknown;
  maximum?: unknown;
  origin?: unknown;
  keys?: string[];
  params?: { reason?: unknown };
};

/** A zod issue as a reason the UI words: a refinement's own reason, an empty required text, or zod's kind. */
function issueReason(
  keyword: string | undefined,
  p: ZodIssueParams | undefined,
): { reason: string; params?: ErrorParams } {
  if (keyword === "custom" && isErrorReason(p?.params?.reason)) return { reason: p.params.reason };
  if (keyword === "too_small" && p?.origin === "string" && p.minimum === 1) return { reason: "required" };
  if (keyword === "too_small" && typeof p?.minimum === "number")
    return { reason: "too_small", params: { min: p.minimum } };
  if (keyword === "too_big" && typeof p?.maximum === "number")
    return { reason: "too_big", params: { max: p.maximum } };
  return { reason: isErrorReason(keyword) ? keyword : "custom" };
}

/** Map every failure to `{error: {code, message, field?}}`; never leak internals in a 500. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      const body: ErrorBody = { error: { code: err.code, message: err.message } };
      if (err.field) body.error.field = err.field;
      if (err.detail.reason) body.error.reason = err.detail.reason;
      if (err.detail.params) body.error.params = err.detail.params;
      return reply.status(err.status).headers(err.headers).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issue = err.validation[0] as
        | { keyword?: string; instancePath?: string; message?: string; params?: ZodIssueParams }
        | undefined;
      const path = (issue?.instancePath ?? "").split("/").filter((p) => p !== "");
      // zod reports unknown keys on the parent object; name the key itself.
      if (issue?.keyword === "unrecognized_keys" && issue.params?.keys?.[0]) path.push(issue.params.keys[0]);
      const field = path.join(".");
      const where = err.validationContext ?? "body";
      const message = `${field || where}: ${issue?.message ?? "invalid"}`;
      const body: ErrorBody = {
        error: { code: "validation", message, ...issueReason(issue?.keyword, issue?.params) },
      };
      if (field) body.error.field = field;
      return reply.status(400).send(body);
    }
    if (
      err.code === "FST_ERR_CTP_INVALID_JSON_BODY" ||
      (err.statusCode === 400 && err instanceof SyntaxError)
    ) {
      return reply
        .status(400)
        .send({ error: { code: "bad_json", message: "The request body is not valid JSON." } });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply
        .status(err.statusCode)
        .send({ error: { code: "bad_request", message: err.message } } satisfies ErrorBody);
    }
    req.log.error(err);
    return reply
      .status(500)
      .send({ error: { code: "internal", message: "Something went wrong on the server." } });
  });

  app.setNotFoundHandler((_req, reply) => {
    reply.status(404).send({ error: { code: "not_found", message: "Not found." } } satisfies ErrorBody);
  });
}
