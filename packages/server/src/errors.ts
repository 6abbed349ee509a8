import type { ServerErrorCode } from "@tumbuh/core";

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
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const errors = {
  notFound: () => new AppError(404, "not_found", "Not found."),
  unauthenticated: () => new AppError(401, "unauthenticated", "Please log in."),
  invalidCredentials: () => new AppError(401, "invalid_credentials", "Wrong username or password."),
  forbidden: () => new AppError(403, "forbidden", "You are not allowed to do this."),
  validation: (field: string, message: string) => new AppError(400, "validation", message, field),
  badRequest: (message: string) => new AppError(400, "bad_request", message),
  conflict: (message: string, field?: string) => new AppError(409, "conflict", message, field),
  reportState: (message: string) => new AppError(409, "report_state", message),
  reportRendering: () => new AppError(409, "report_rendering", "The documents are still being rendered."),
  tooManyRequests: (retryAfterSeconds: number) =>
    new AppError(429, "too_many_requests", "Too many attempts. Try again later.", undefined, {
      "retry-after": String(retryAfterSeconds),
    }),
};
