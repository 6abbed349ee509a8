// One write at a time per section: the busy flag, the error of the last try, and (when the caller words
// them) a notice of the outcome — the server's message on failure, which names the field and the rule.
import { useState } from "react";
import { isApiError } from "../api";

export type ActionOutcome = { tone: "ok" | "error"; text: string } | null;

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [outcome, setOutcome] = useState<ActionOutcome>(null);
  /**
   * Runs `fn`; resolves to its result, or undefined when it failed (the error is kept in `error`).
   * With `okText`/`errText`, `outcome` holds the notice to show.
   */
  async function run<T>(
    fn: () => Promise<T>,
    okText?: string,
    errText?: (message: string) => string,
  ): Promise<T | undefined> {
    setBusy(true);
    setError(null);
    setOutcome(null);
    try {
      const r = await fn();
      if (okText !== undefined) setOutcome({ tone: "ok", text: okText });
      return r;
    } catch (e) {
      setError(e);
      if (errText) setOutcome({ tone: "error", text: errText(isApiError(e) ? e.message : String(e)) });
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, outcome, run };
}
