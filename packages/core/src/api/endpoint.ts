import type { z } from "zod";

/**
 * One HTTP endpoint of the API as data: method, path and the zod schemas of what goes in and comes out.
 * The server registers the route from it (validation, serialisation and the OpenAPI document), the web
 * client calls it through `call(endpoint, input)`, and the types of both ends are inferred from the same
 * schemas — so a field renamed on one side is a type error on the other.
 */
export type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/** How a successful response is sent: JSON checked by `response`, or a file download (XLSX, PDF, CSV). */
export type ResponseKind = "json" | "file";

export interface Endpoint<
  P extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType = z.ZodType,
> {
  method: Method;
  /** Fastify-style path with `:name` parameters, e.g. "/api/persons/:id". */
  path: string;
  params?: P;
  query?: Q;
  /** JSON body; an upload sends raw bytes instead and leaves this out (`upload: true`). */
  body?: B;
  /** The success body (for `kind: "file"`, what the server documents; the client gets a Blob). */
  response: R;
  /** The body of a 409 when it carries more than the error (e.g. the record that already exists). */
  conflict?: z.ZodType;
  /** Success status: 200 unless said (201 for a create, 202 for a background job started, 204 for no content). */
  status?: 200 | 201 | 202 | 204;
  kind?: ResponseKind;
  /** The request body is a file's raw bytes (application/octet-stream). */
  upload?: boolean;
  /** Reachable without a session (login, the public publication). */
  public?: boolean;
  /** OpenAPI tag: the feature it belongs to. */
  tag: string;
  summary?: string;
}

/** Declares an endpoint, keeping its literal schema types for inference. */
export function endpoint<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends z.ZodType = z.ZodType,
>(def: Endpoint<P, Q, B, R>): Endpoint<P, Q, B, R> {
  return def;
}

type InputOf<S> = S extends z.ZodType ? z.input<S> : never;
type OutputOf<S> = S extends z.ZodType ? z.output<S> : never;

/** What a caller passes: only the parts the endpoint has, each as the schema accepts it. */
export type CallInput<E> =
  E extends Endpoint<infer P, infer Q, infer B, z.ZodType>
    ? (P extends z.ZodType ? { params: InputOf<P> } : { params?: never }) &
        (Q extends z.ZodType ? { query: InputOf<Q> } : { query?: never }) &
        (B extends z.ZodType ? { body: InputOf<B> } : { body?: never })
    : never;

/** What a handler receives after validation (defaults applied, coercions done). */
export type HandlerInput<E> =
  E extends Endpoint<infer P, infer Q, infer B, z.ZodType>
    ? { params: OutputOf<P>; query: OutputOf<Q>; body: OutputOf<B> }
    : never;

/** The success body: what the server must return and what the client receives. */
export type ResponseOf<E> =
  E extends Endpoint<z.ZodType | undefined, z.ZodType | undefined, z.ZodType | undefined, infer R>
    ? z.input<R>
    : never;

/** The response as the client reads it (after JSON): the schema's output. */
export type ResultOf<E> =
  E extends Endpoint<z.ZodType | undefined, z.ZodType | undefined, z.ZodType | undefined, infer R>
    ? z.output<R>
    : never;

/**
 * The path with its parameters filled in (each URI-encoded) and the query string, as the client sends
 * it. Query values that are undefined or null are left out; arrays repeat the key.
 */
export function pathFor(
  path: string,
  params?: Record<string, unknown>,
  query?: Record<string, unknown>,
): string {
  const filled = path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_whole, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
  if (!query) return filled;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const v of value) search.append(key, String(v));
    else search.append(key, String(value));
  }
  const qs = search.toString();
  return qs ? `${filled}?${qs}` : filled;
}
