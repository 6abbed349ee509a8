// Pure checks of the chosen e-PPGBM file and of what the report means.
import type { ImportReport } from "@tumbuh/core";
import { isApiError } from "../../../api/client";
import { generalErrorKey } from "../../../api/errorMessages";
import type { MessageKey } from "../../../i18n/messages";

export const ACCEPT = ".xlsx,.csv";

export function isImportFile(name: string): boolean {
  return /\.(xlsx|csv)$/i.test(name.trim());
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

export function importErrorKey(error: unknown): MessageKey {
  if (isApiError(error) && error.code === "network") return "reg.offlineWrite";
  if (isApiError(error) && error.status === 413) return "import.tooLarge";
  if (isApiError(error) && (error.status === 400 || error.status === 415 || error.status === 422)) {
    return "import.badFile";
  }
  return generalErrorKey(error);
}
