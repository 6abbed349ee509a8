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
  "implausible_measurement",
  "possible_duplicate",
  "stage_transition",
  "stage_evidence",
  "report_state",
  "report_rendering",
  "too_many_requests",
  "job_failed",
  "origin_refused",
  "sync_op_reused",
  "sync_gave_up",
  "export_mapping",
  "export_check",
  "file_unreadable",
  "file_too_large",
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

/**
 * Why a request was refused, beside the code (`error.reason`): zod's issue kinds for a field, and the
 * rules' own reasons (a refinement names its reason in its issue's `params.reason`; a service passes it to
 * AppError). The web words each in both languages (`error.reason.*`), with `error.params` filled in, so a
 * user reads "Pembilang lebih besar dari penyebut", never "numerator: larger than the denominator".
 */
export const ERROR_REASONS = [
  // a field (zod)
  "required",
  "too_small",
  "too_big",
  "invalid_type",
  "invalid_format",
  "invalid_value",
  "unrecognized_keys",
  "custom",
  // the rules
  "numerator_above_denominator",
  "fraction_incomplete",
  "value_missing",
  "wrong_region_level",
  // the assessment method (reports/assessment.ts)
  "weights_sum",
  "component_twice",
  // planning stages (core planning/stages.ts TransitionRefusal, evidence.ts)
  "waiting_for",
  "not_optional",
  "later_stage_started",
  "not_allowed",
  "same_status",
  "unknown_stage",
  "missing_evidence",
  // tika pertumbuhan: the mat is for children 0–23 months (PALI Pasal 40 ayat (2) huruf c–f)
  "outside_tika_age",
  // a record voided by mistake (issue 17) cannot be verified, corrected or printed
  "record_voided",
] as const;
export type ErrorReason = (typeof ERROR_REASONS)[number];

/** Values a reason's message names (`{min}`, `{stages}`…): plain text, numbers or lists of codes. */
export type ErrorParams = Readonly<Record<string, string | number | readonly string[]>>;

export function isErrorReason(value: unknown): value is ErrorReason {
  return typeof value === "string" && (ERROR_REASONS as readonly string[]).includes(value);
}
