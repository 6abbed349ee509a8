// Search-as-you-type over GET /api/persons (name, sound-alike), debounced and cancelled when the
// query changes, so a slow phone network never shows the answer to an older query.
import { type PersonSummary, personsApi } from "@tumbuh/core";
import { useEffect, useState } from "react";
import { api, isApiError } from "../../api";

export const MIN_QUERY = 2;
const DEBOUNCE_MS = 300;

export type SearchState =
  | { status: "idle" }
  | { status: "searching" }
  | { status: "done"; query: string; persons: PersonSummary[] }
  | { status: "error"; error: unknown };

export function usePersonSearch(region: string, query: string, limit = 20): SearchState {
  const [state, setState] = useState<SearchState>({ status: "idle" });
  const q = query.trim();
  useEffect(() => {
    if (q.length < MIN_QUERY) {
      setState({ status: "idle" });
      return;
    }
    setState({ status: "searching" });
    const controller = new AbortController();
    const timer = setTimeout(() => {
      // the server takes queries up to 100 characters
      const query = { region, q: q.slice(0, 100), limit };
      api.call(personsApi.search, { query }, { signal: controller.signal }).then(
        ({ persons }) => {
          if (!controller.signal.aborted) setState({ status: "done", query: q, persons });
        },
        (error: unknown) => {
          if (controller.signal.aborted || (isApiError(error) && error.code === "aborted")) return;
          setState({ status: "error", error });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [region, q, limit]);
  return state;
}
