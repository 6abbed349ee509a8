import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError } from "../errors";

interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

/** Map every failure to `{error: {code, message, field?}}`; never leak internals in a 500. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      const body: ErrorBody = { error: { code: err.code, message: err.message } };
      if (err.field) body.error.field = err.field;
      return reply.status(err.status).headers(err.headers).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issue = err.validation[0] as
        | { keyword?: string; instancePath?: string; message?: string; params?: { keys?: string[] } }
        | undefined;
      const path = (issue?.instancePath ?? "").split("/").filter((p) => p !== "");
      // zod reports unknown keys on the parent object; name the key itself.
      if (issue?.keyword === "unrecognized_keys" && issue.params?.keys?.[0]) path.push(issue.params.keys[0]);
      const field = path.join(".");
      const where = err.validationContext ?? "body";
      const message = `${field || where}: ${issue?.message ?? "invalid"}`;
      const body: ErrorBody = { error: { code: "validation", message } };
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
