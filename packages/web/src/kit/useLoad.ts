// Loads one thing for a page: aborts on unmount or when the inputs change, retries on demand, and
// optionally falls back to the copy saved on this device (network-first) when offline.
import { useCallback, useEffect, useRef, useState } from "react";
import { isApiError } from "../api";
import { cacheStore } from "../offline/cache";
import { networkFirst } from "../offline/networkFirst";
import { useMe } from "../session/SessionProvider";

export type LoadState<T> =
  | { status: "loading" }
  /** stale: the inputs changed and the new data is on its way (only with `keepPrevious`). */
  | { status: "ready"; data: T; savedAt: number | null; stale?: boolean }
  | { status: "error"; error: unknown };

export interface Loaded<T> {
  state: LoadState<T>;
  reload: () => void;
  /** Replace the data after a write, without a round trip. */
  setData: (update: (prev: T) => T) => void;
}

/**
 * `key` identifies what is loaded (a change re-loads); `cacheKey`, when given, saves the result on the
 * device for the signed-in user and serves it when the network is unreachable.
 */
export function useLoad<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
  options: { cacheKey?: string | undefined; keepPrevious?: boolean } = {},
): Loaded<T> {
  const me = useMe();
  const [state, setState] = useState<LoadState<T>>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const { cacheKey, keepPrevious = false } = options;
  const loadedKey = useRef<string | null>(null);

  useEffect(() => {
    void attempt;
    const controller = new AbortController();
    // a reload after a write keeps showing the data; a different thing shows "loading", or with
    // keepPrevious the previous data marked stale (a chart switching indicator stays on screen)
    if (loadedKey.current !== key) {
      setState((prev) =>
        keepPrevious && prev.status === "ready" ? { ...prev, stale: true } : { status: "loading" },
      );
    }
    const run = () => loadRef.current(controller.signal);
    const promise = cacheKey
      ? networkFirst(cacheStore, cacheKey, me.id, run)
      : run().then((data) => ({ data, savedAt: null }));
    promise.then(
      ({ data, savedAt }) => {
        if (controller.signal.aborted) return;
        loadedKey.current = key;
        setState({ status: "ready", data, savedAt });
      },
      (error: unknown) => {
        if (controller.signal.aborted || (isApiError(error) && error.code === "aborted")) return;
        setState({ status: "error", error });
      },
    );
    return () => controller.abort();
  }, [key, cacheKey, me.id, attempt, keepPrevious]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const setData = useCallback((update: (prev: T) => T) => {
    setState((prev) => (prev.status === "ready" ? { ...prev, data: update(prev.data) } : prev));
  }, []);
  return { state, reload, setData };
}
