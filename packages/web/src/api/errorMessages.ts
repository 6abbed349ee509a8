// Which message a user reads for an API failure: every error code of core's one union has its own text in
// both languages (i18n id.ts/en.ts "error.code.*"), so no server developer message reaches a user.
import type { ErrorCode } from "@tumbuh/core";
import type { MessageKey } from "../i18n/messages";
import { isApiError } from "./client";

/** Exhaustive: a code added to core's union is a type error here until it has a message. */
export const ERROR_MESSAGE: Record<ErrorCode, MessageKey> = {
  unauthenticated: "error.code.unauthenticated",
  invalid_credentials: "error.code.invalid_credentials",
  forbidden: "error.forbidden",
  not_found: "error.code.not_found",
  bad_request: "error.code.bad_request",
  bad_json: "error.code.bad_json",
  validation: "error.code.validation",
  conflict: "error.code.conflict",
  already_measured: "error.code.already_measured",
  already_resolved: "error.code.already_resolved",
  stage_transition: "error.code.stage_transition",
  stage_evidence: "error.code.stage_evidence",
  report_state: "error.code.report_state",
  report_rendering: "error.code.report_rendering",
  too_many_requests: "error.throttled",
  job_failed: "error.code.job_failed",
  internal: "error.server",
  network: "error.network",
  aborted: "error.code.aborted",
  bad_response: "error.code.bad_response",
  http_error: "error.code.http_error",
};

/** The general message for a failure that a page has no more specific text for. */
export function generalErrorKey(error: unknown): MessageKey {
  if (!isApiError(error)) return "error.unknown";
  const known = (ERROR_MESSAGE as Record<string, MessageKey | undefined>)[error.code];
  if (known) return known;
  if (error.status === 403) return "error.forbidden";
  if (error.status === 429) return "error.throttled";
  if (error.status >= 500) return "error.server";
  return "error.unknown";
}
