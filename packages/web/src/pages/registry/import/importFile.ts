// Pure checks of the chosen e-PPGBM file and of what the report means.
import type { ErrorCode, ImportReport } from "@tumbuh/core";
import { isApiError } from "../../../api/client";
import { ERROR_MESSAGE, generalErrorKey } from "../../../api/errorMessages";
import type { MessageKey } from "../../../i18n/messages";

/** SIGIZI/e-PPGBM exports: .xls (an HTML table or a real Excel 97 file), .xlsx, .csv, .htm(l). */
export const ACCEPT = ".xls,.xlsx,.csv,.htm,.html";

export function isImportFile(name: string): boolean {
  return /\.(xlsx?|csv|html?)$/i.test(name.trim());
}

/** "1,2 MB", "850 KB". */
export function formatFileSize(bytes: number, locale: "id" | "en"): string {
  const fmt = (n: number) =>
    n.toLocaleString(locale === "id" ? "id-ID" : "en-GB", { maximumFractionDigits: 1 });
  if (bytes < 1024 * 1024) return `${fmt(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${fmt(bytes / (1024 * 1024))} MB`;
}

/** With "all or nothing", one rejected row means nothing was (or would be) stored. */
export function nothingStored(report: ImportReport): boolean {
  return report.allOrNothing && report.rejected.length > 0;
}

/** The message of a failed import job: its error code's, with the file problems said plainly. */
export function jobErrorKey(code: ErrorCode | undefined): MessageKey {
  return code ? ERROR_MESSAGE[code] : "error.unknown";
}

export function importErrorKey(error: unknown): MessageKey {
  if (isApiError(error) && error.code === "file_too_large") return ERROR_MESSAGE.file_too_large;
  if (isApiError(error) && error.code === "file_unreadable") return ERROR_MESSAGE.file_unreadable;
  if (isApiError(error) && error.code === "network") return "reg.offlineWrite";
  if (isApiError(error) && error.status === 413) return "import.tooLarge";
  if (isApiError(error) && (error.status === 400 || error.status === 415 || error.status === 422)) {
    return "import.badFile";
  }
  return generalErrorKey(error);
}
