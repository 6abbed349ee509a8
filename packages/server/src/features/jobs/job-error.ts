import { isErrorCode, SERVER_ERROR_CODES, type ServerErrorCode } from "@tumbuh/core";
import { AppError } from "../../errors";
import type { JobError } from "./handler";

/** An error thrown by a job as plain data (it crosses a thread); anything but an AppError is "internal". */
export function toJobError(err: unknown): JobError {
  if (err instanceof AppError) {
    return {
      status: err.status,
      code: err.code,
      message: err.message,
      ...(err.field ? { field: err.field } : {}),
    };
  }
  console.error("job failed:", err);
  return { status: 500, code: "internal", message: "Something went wrong on the server." };
}

export function isServerErrorCode(code: string): code is ServerErrorCode {
  return isErrorCode(code) && (SERVER_ERROR_CODES as readonly string[]).includes(code);
}
