// One write at a time per section: busy flag, and the outcome shown as a notice (the server's message on
// failure, which names the field and the rule).
import { useState } from "react";
import { isApiError } from "../../api";

export type ActionOutcome = { tone: "ok" | "error"; text: string } | null;

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ActionOutcome>(null);
  async function run<T>(
    fn: () => Promise<T>,
    okText: string,
    errText: (m: string) => string,
  ): Promise<T | null> {
    setBusy(true);
    setOutcome(null);
    try {
      const r = await fn();
      setOutcome({ tone: "ok", text: okText });
      return r;
    } catch (e) {
      setOutcome({ tone: "error", text: errText(isApiError(e) ? e.message : String(e)) });
      return null;
    } finally {
      setBusy(false);
    }
  }
  return { busy, outcome, run };
}
