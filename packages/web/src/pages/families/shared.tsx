// Small pieces shared by the families / catin / TPK / case-audit pages.
import { useState } from "react";
import { isApiError } from "../../api";
import { generalErrorKey } from "../../api/errorMessages";
import { useI18n } from "../../i18n/I18nProvider";

/**
 * A client-made UUIDv7 (RFC 9562) for every write: the server treats a repeated id as the same write, so
 * a retried or replayed submission never records twice.
 */
export function newId(now = Date.now()): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  for (let i = 0; i < 6; i++) b[i] = Math.floor(now / 2 ** (8 * (5 - i))) & 0xff;
  b[6] = 0x70 | ((b[6] ?? 0) & 0x0f);
  b[8] = 0x80 | ((b[8] ?? 0) & 0x3f);
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Runs a write, keeping the busy flag and the error to show. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function run<T>(fn: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setError(null);
    try {
      return await fn();
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, run };
}

/** The server's message for a 400/409 (it names the field), else a general message. */
export function ActionError({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  const text =
    isApiError(error) && (error.status === 400 || error.status === 409)
      ? t("fam.invalid", { message: error.message })
      : t(generalErrorKey(error));
  return (
    <p className="alert alert--error" role="alert">
      {text}
    </p>
  );
}
