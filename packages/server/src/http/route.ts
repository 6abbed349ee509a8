import type { Endpoint, HandlerInput, ResponseOf } from "@tumbuh/core";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { ErrorResponse } from "./schemas";

/** What a handler gets: the validated input, the request (for the actor, headers) and the reply. */
export type Handler<E extends Endpoint> = (
  input: HandlerInput<E>,
  req: FastifyRequest,
  reply: FastifyReply,
) => Promise<ResponseOf<E> | FastifyReply> | ResponseOf<E> | FastifyReply;

// A file body is documented as binary (the OpenAPI document names a schema for every response); it stays
// z.any() underneath since fastify does not serialise Buffers through zod.
const FileBody = z.any().meta({ type: "string", format: "binary", description: "The file, as downloaded" });

/**
 * Registers one endpoint of core's contract: its params, query and body are validated by their zod
 * schemas, its success body is serialised (and checked) by `response`, and the OpenAPI document names
 * all of them. The handler returns the body (sent with the endpoint's status) or sends through `reply`.
 */
export function mount<E extends Endpoint>(app: FastifyInstance, ep: E, handler: Handler<E>): void {
  const status = ep.status ?? 200;
  const schema: Record<string, unknown> = {
    tags: [ep.tag],
    response: {
      [status]: ep.kind === "file" ? FileBody : ep.response,
      400: ErrorResponse,
      401: ErrorResponse,
      403: ErrorResponse,
      404: ErrorResponse,
      409: ep.conflict ?? ErrorResponse,
      429: ErrorResponse,
    },
  };
  if (ep.summary) schema.summary = ep.summary;
  if (ep.params) schema.params = ep.params;
  if (ep.query) schema.querystring = ep.query;
  if (ep.body) schema.body = ep.body;
  app.route({
    method: ep.method,
    url: ep.path,
    schema,
    config: { public: ep.public === true },
    handler: async (req, reply) => {
      const input = { params: req.params, query: req.query, body: req.body } as HandlerInput<E>;
      const result = await handler(input, req, reply);
      if (result === reply || reply.sent) return reply;
      reply.status(status);
      return status === 204 ? reply.send() : result;
    },
  });
}
