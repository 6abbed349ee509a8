// The app-wide API client instance. A 401 `unauthenticated` from any call (other than login) is
// broadcast to the session, which sends the user to /login and back afterwards.
import { createApiClient } from "./client";

const expiredListeners = new Set<() => void>();

export function onSessionExpired(listener: () => void): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}

export const api = createApiClient({
  onUnauthenticated: () => {
    for (const listener of expiredListeners) listener();
  },
});

export type { PersonPatch, PersonRecord, PregnancyEndInput } from "@tumbuh/core";
export { ApiError, hrefFor, isApiError } from "./client";
export * from "./types";
