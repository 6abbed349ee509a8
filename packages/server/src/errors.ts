import type { ErrorParams, ErrorReason, ServerErrorCode } from "@tumbuh/core";

/**
 * The one error type the API returns. `code` is stable (clients and tests switch on it, never on the
 * message); `message` is safe to show a user; `field` names the offending input where there is one.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ServerErrorCode,
    message: string,
    readonly field?: string,
    readonly headers: Record<string, string> = {},
    /** Why, in a word the UI translates, and what its message names (core ERROR_REASONS). */
    readonly detail: { reason?: ErrorReason; params?: ErrorParams } = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

/**
 * A write names a record (a mother, a household, a session) that is not there in the caller's area. Online
 * it is the same 400 as any bad value; sync push reads it as "not arrived yet" (the record may come in a
 * later op or batch) and retries it a bounded number of times instead of refusing it at once.
 */
export class MissingReference extends AppError {
  constructor(field: string, message: string) {
    super(400, "validation", message, field);
    this.name = "MissingReference";
  }
}

export const errors = {
  notFound: () => new AppError(404, "not_found", "Not found."),
  unauthenticated: () => new AppError(401, "unauthenticated", "Please log in."),
  invalidCredentials: () => new AppError(401, "invalid_credentials", "Wrong username or password."),
  forbidden: () => new AppError(403, "forbidden", "You are not allowed to do this."),
  validation: (field: string, message: string, reason?: ErrorReason, params?: ErrorParams) =>
    new AppError(
      400,
      "validation",
      message,
      field,
      {},
      { ...(reason && { reason }), ...(params && { params }) },
    ),
  missingReference: (field: string, message: string) => new MissingReference(field, message),
  badRequest: (message: string) => new AppError(400, "bad_request", message),
  conflict: (message: string, field?: string) => new AppError(409, "conflict", message, field),
  /** A record voided by mistake (issue 17) cannot be verified, corrected or printed. */
  voided: () =>
    new AppError(409, "conflict", "This record was voided.", "id", {}, { reason: "record_voided" }),
  reportState: (message: string) => new AppError(409, "report_state", message),
  reportRendering: () => new AppError(409, "report_rendering", "The documents are still being rendered."),
  tooManyRequests: (retryAfterSeconds: number) =>
    new AppError(429, "too_many_requests", "Too many attempts. Try again later.", undefined, {
      "retry-after": String(retryAfterSeconds),
    }),
};
