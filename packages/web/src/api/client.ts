// The one place the web app talks HTTP. Every call goes through `request`, which sends JSON with the
// session cookie (credentials "same-origin") and turns every failure into an ApiError with a status
// and a stable code. Pages never call fetch themselves.

import {
  type CallInput,
  type ClientErrorCode,
  type Endpoint,
  type ErrorCode,
  pathFor,
  type ResultOf,
} from "@tumbuh/core";
import type { ErrorBody } from "./types";

/** Codes the UI reacts to: core's one union (server codes + the client's own). */
export type KnownErrorCode = ErrorCode;
export type ApiErrorCode = ErrorCode | (string & {});

export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    /** HTTP status, or 0 when there was no HTTP response. */
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    /** The request field a validation error is about. */
    readonly field?: string,
    /** From the Retry-After header of a 429, in whole seconds. */
    readonly retryAfterSeconds?: number,
    /** The whole parsed error body, for errors that carry more than `error` (e.g. a 409 with the existing record). */
    readonly body?: unknown,
  ) {
    super(message);
  }
}

/**
 * The URL of an endpoint for a plain link (file downloads: the browser saves the XLSX/PDF/CSV itself,
 * with the session cookie). Same path building as `call`.
 */
export function hrefFor<E extends Endpoint>(ep: E, input: CallInput<E>): string {
  const { params, query } = input as { params?: Record<string, unknown>; query?: Record<string, unknown> };
  return pathFor(ep.path, params, query);
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** The code to use when an error response has no usable body. */
export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return "bad_request";
    case 401:
      return "unauthenticated";
    case 403:
      return "forbidden";
    case 404:
      return "not_found";
    case 422:
      return "validation";
    case 429:
      return "too_many_requests";
    default:
      return status >= 500 ? "internal" : ("http_error" satisfies ClientErrorCode);
  }
}

/** Retry-After is either delta-seconds or an HTTP date. Returns whole seconds ≥ 0, or undefined. */
export function parseRetryAfter(value: string | null, nowMs: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number.parseInt(trimmed, 10);
  // an HTTP-date always names its month ("Wed, 21 Oct 2015 07:28:00 GMT"); "-5" must not parse as a year
  const at = /[a-z]/i.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - nowMs) / 1000));
}

function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== "object" || body === null || !("error" in body)) return false;
  const error = (body as { error: unknown }).error;
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as { code?: unknown }).code === "string" &&
    (error as { code: string }).code.length > 0
  );
}

/** Maps a non-2xx response to an ApiError, using the JSON error body when there is one. */
export async function errorFromResponse(response: Response, nowMs: number = Date.now()): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const retryAfter =
    response.status === 429 || response.status === 503
      ? parseRetryAfter(response.headers.get("Retry-After"), nowMs)
      : undefined;
  if (isErrorBody(body)) {
    const { code, message, field } = body.error;
    return new ApiError(
      response.status,
      code,
      typeof message === "string" ? message : code,
      typeof field === "string" ? field : undefined,
      retryAfter,
      body,
    );
  }
  const code = codeForStatus(response.status);
  return new ApiError(response.status, code, `HTTP ${response.status}`, undefined, retryAfter);
}

function isAbort(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { name?: unknown }).name === "AbortError";
}

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface ApiClientOptions {
  /** Injected in unit tests; defaults to the browser's fetch. */
  fetch?: FetchLike;
  /** Prefix of every path; "/api" in the app. */
  baseUrl?: string;
  /**
   * Called when the session is missing or expired (401 `unauthenticated`) on any call except login,
   * before the error is thrown. The app sends the user to /login from here.
   */
  onUnauthenticated?: (error: ApiError) => void;
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is with Content-Type application/octet-stream (file uploads); wins over `body`. */
  rawBody?: ArrayBuffer | Blob;
  signal?: AbortSignal | undefined;
  /** false for the login call: its 401 means wrong credentials, not an expired session. */
  sessionRequired?: boolean;
}

export function createApiClient(options: ApiClientOptions = {}) {
  const doFetch: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const baseUrl = options.baseUrl ?? "/api";

  async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: "application/json" };
    const init: RequestInit = { method: opts.method ?? "GET", credentials: "same-origin", headers };
    if (opts.rawBody !== undefined) {
      headers["Content-Type"] = "application/octet-stream";
      init.body = opts.rawBody;
    } else if (opts.body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(opts.body);
    }
    if (opts.signal) init.signal = opts.signal;

    let response: Response;
    try {
      response = await doFetch(baseUrl + path, init);
    } catch (e) {
      if (isAbort(e)) throw new ApiError(0, "aborted", "Request aborted");
      throw new ApiError(0, "network", e instanceof Error ? e.message : "Network error");
    }

    if (!response.ok) {
      const error = await errorFromResponse(response);
      if (error.status === 401 && error.code !== "invalid_credentials" && opts.sessionRequired !== false) {
        options.onUnauthenticated?.(error);
      }
      throw error;
    }
    if (response.status === 204) return undefined as T;
    try {
      return (await response.json()) as T;
    } catch (e) {
      if (isAbort(e)) throw new ApiError(0, "aborted", "Request aborted");
      throw new ApiError(response.status, "bad_response", "Response is not JSON");
    }
  }

  /**
   * Calls one endpoint of core's contract: fills the path parameters, adds the query, sends the body as
   * JSON (or `upload` as raw bytes) and returns the success body typed by the endpoint's response schema
   * (a Blob for file downloads). Every page talks to the server through this.
   */
  function call<E extends Endpoint>(
    ep: E,
    input: CallInput<E>,
    opts: { signal?: AbortSignal | undefined; upload?: ArrayBuffer | Blob } = {},
  ): Promise<ResultOf<E>> {
    const { params, query, body } = input as { params?: object; query?: object; body?: unknown };
    const path = pathFor(
      ep.path.replace(/^\/api/, ""),
      params as Record<string, unknown>,
      query as Record<string, unknown>,
    );
    const requestOpts: RequestOptions = { method: ep.method, signal: opts.signal };
    if (opts.upload !== undefined) requestOpts.rawBody = opts.upload;
    else if (body !== undefined) requestOpts.body = body;
    if (ep.public) requestOpts.sessionRequired = false;
    if (ep.kind === "file") return requestBlob(path, requestOpts) as Promise<ResultOf<E>>;
    return request<ResultOf<E>>(path, requestOpts);
  }

  async function requestBlob(path: string, opts: RequestOptions): Promise<Blob> {
    let response: Response;
    try {
      response = await doFetch(baseUrl + path, {
        method: opts.method ?? "GET",
        credentials: "same-origin",
        ...(opts.signal ? { signal: opts.signal } : {}),
      });
    } catch (e) {
      if (isAbort(e)) throw new ApiError(0, "aborted", "Request aborted");
      throw new ApiError(0, "network", e instanceof Error ? e.message : "Network error");
    }
    if (!response.ok) {
      const error = await errorFromResponse(response);
      if (error.status === 401 && opts.sessionRequired !== false) options.onUnauthenticated?.(error);
      throw error;
    }
    return response.blob();
  }

  return {
    call,
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
export type Requester = <T>(path: string, opts?: RequestOptions) => Promise<T>;
