// Which general message to show for an API failure that a page has no more specific text for.
import type { MessageKey } from "../i18n/messages";
import { isApiError } from "./client";

export function generalErrorKey(error: unknown): MessageKey {
  if (!isApiError(error)) return "error.unknown";
  if (error.code === "network") return "error.network";
  if (error.status === 403) return "error.forbidden";
  if (error.status === 429) return "error.throttled";
  if (error.status >= 500) return "error.server";
  return "error.unknown";
}
