// One write at a time per section: the busy flag, the error of the last try, and (when the caller words
// them) a notice of the outcome — on failure the error's code and reason in the user's language
// (api/errorMessages errorText), never the server's developer text.
import { useState } from "react";
import { errorText } from "../api/errorMessages";
import { useI18n } from "../i18n/I18nProvider";

export type ActionOutcome = { tone: "ok" | "error"; text: string } | null;

/** `word`: how this section names the codes an error lists (stages, evidence…), for errorText. */
export function useAction(word?: (param: string, code: string) => string | null) {
  const { t } = useI18n();
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
      if (errText) setOutcome({ tone: "error", text: errText(errorText(e, t, word)) });
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, outcome, run };
}
