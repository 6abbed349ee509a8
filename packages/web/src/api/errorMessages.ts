// Which message a user reads for an API failure: every error code of core's one union has its own text in
// both languages (i18n id.ts/en.ts "error.code.*"), so no server developer message reaches a user.
import type { ErrorCode, ErrorReason } from "@tumbuh/core";
import type { MessageKey, MessageVars } from "../i18n/messages";
import { ApiError, isApiError } from "./client";

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
  implausible_measurement: "error.code.implausible_measurement",
  possible_duplicate: "error.code.possible_duplicate",
  stage_transition: "error.code.stage_transition",
  stage_evidence: "error.code.stage_evidence",
  report_state: "error.code.report_state",
  report_rendering: "error.code.report_rendering",
  too_many_requests: "error.throttled",
  job_failed: "error.code.job_failed",
  origin_refused: "error.code.origin_refused",
  sync_op_reused: "error.code.sync_op_reused",
  sync_gave_up: "error.code.sync_gave_up",
  export_mapping: "error.code.export_mapping",
  export_check: "error.code.export_check",
  file_unreadable: "error.code.file_unreadable",
  file_too_large: "error.code.file_too_large",
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

/** Exhaustive: a reason added to core's ERROR_REASONS is a type error here until it has a message. */
export const REASON_MESSAGE: Record<ErrorReason, MessageKey> = {
  required: "error.reason.required",
  too_small: "error.reason.too_small",
  too_big: "error.reason.too_big",
  invalid_type: "error.reason.invalid_type",
  invalid_format: "error.reason.invalid_format",
  invalid_value: "error.reason.invalid_value",
  unrecognized_keys: "error.reason.unrecognized_keys",
  custom: "error.reason.custom",
  numerator_above_denominator: "error.reason.numerator_above_denominator",
  fraction_incomplete: "error.reason.fraction_incomplete",
  value_missing: "error.reason.value_missing",
  wrong_region_level: "error.reason.wrong_region_level",
  weights_sum: "error.reason.weights_sum",
  component_twice: "error.reason.component_twice",
  waiting_for: "error.reason.waiting_for",
  not_optional: "error.reason.not_optional",
  later_stage_started: "error.reason.later_stage_started",
  not_allowed: "error.reason.not_allowed",
  same_status: "error.reason.same_status",
  unknown_stage: "error.reason.unknown_stage",
  missing_evidence: "error.reason.missing_evidence",
  outside_tika_age: "error.reason.outside_tika_age",
  record_voided: "error.reason.record_voided",
};

/** Reasons whose params name codes (stages, evidence, levels): the sentence that lists them in words. */
const LISTED_MESSAGE: Partial<Record<ErrorReason, { param: string; key: MessageKey }>> = {
  waiting_for: { param: "stages", key: "error.reason.waiting_for.list" },
  later_stage_started: { param: "stages", key: "error.reason.later_stage_started.list" },
  missing_evidence: { param: "missing", key: "error.reason.missing_evidence.list" },
  wrong_region_level: { param: "levels", key: "error.reason.wrong_region_level.list" },
};

type Params = Readonly<Record<string, string | number | readonly string[]>>;

/** The reason and params an API error carries in its body (`{error: {reason, params}}`), if any. */
export function errorDetail(error: unknown): { reason: ErrorReason | null; params: Params } {
  if (!isApiError(error)) return { reason: null, params: {} };
  const detail = (error.body as { error?: { reason?: unknown; params?: unknown } } | undefined)?.error;
  const reason =
    typeof detail?.reason === "string" && Object.hasOwn(REASON_MESSAGE, detail.reason)
      ? (detail.reason as ErrorReason)
      : null;
  const params = detail?.params && typeof detail.params === "object" ? (detail.params as Params) : {};
  return { reason, params };
}

/**
 * What a user reads for a failure: the code's message, then the reason's with its numbers filled in
 * ("… Nilai paling kecil 0."). Where the reason names codes (stages, missing evidence, levels) and the
 * page can word each (`word`), the sentence lists them ("Yang belum ada: berita acara FGD desa.");
 * otherwise the general sentence, never the raw code.
 */
export function errorText(
  error: unknown,
  t: (key: MessageKey, vars?: MessageVars) => string,
  word?: (param: string, code: string) => string | null,
): string {
  const base = t(generalErrorKey(error));
  const { reason, params } = errorDetail(error);
  if (!reason) return base;
  const numbers: MessageVars = {};
  for (const [name, value] of Object.entries(params)) if (typeof value === "number") numbers[name] = value;
  const listed = LISTED_MESSAGE[reason];
  const codes = listed ? params[listed.param] : undefined;
  if (listed && codes !== undefined && typeof codes !== "number") {
    const words = (typeof codes === "string" ? [codes] : codes).map((c) => word?.(listed.param, c) ?? null);
    if (words.length > 0 && words.every((w) => w !== null)) {
      return `${base} ${t(listed.key, { ...numbers, list: words.join(", ") })}`;
    }
  }
  return `${base} ${t(REASON_MESSAGE[reason], numbers)}`;
}

/** errorText for an error body kept on the device (a write the server refused, in the outbox). */
export function storedErrorText(
  stored: { code: string; message: string; field?: string },
  t: (key: MessageKey, vars?: MessageVars) => string,
): string {
  return errorText(
    new ApiError(0, stored.code, stored.message, stored.field, undefined, { error: stored }),
    t,
  );
}
