/**
 * Every error code the API sends (`{error: {code, message, field?}}`) and the ones the web client makes
 * itself when there is no HTTP answer. The server's AppError takes only these, and the web maps each to a
 * message in Bahasa Indonesia and English (web `api/errorMessages.ts`), so a user never reads the
 * server's developer text. Add a code here first; the type checker then asks for its translations.
 */
export const SERVER_ERROR_CODES = [
  "unauthenticated",
  "invalid_credentials",
  "forbidden",
  "not_found",
  "bad_request",
  "bad_json",
  "validation",
  "conflict",
  "already_measured",
  "already_resolved",
  "stage_transition",
  "stage_evidence",
  "report_state",
  "report_rendering",
  "too_many_requests",
  "job_failed",
  "internal",
] as const;
export type ServerErrorCode = (typeof SERVER_ERROR_CODES)[number];

/** Made by the web client: no response (network), the caller gave up (aborted), or a 2xx that is not JSON. */
export const CLIENT_ERROR_CODES = ["network", "aborted", "bad_response", "http_error"] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];

export type ErrorCode = ServerErrorCode | ClientErrorCode;
export const ERROR_CODES: readonly ErrorCode[] = [...SERVER_ERROR_CODES, ...CLIENT_ERROR_CODES];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && (ERROR_CODES as readonly string[]).includes(value);
}
