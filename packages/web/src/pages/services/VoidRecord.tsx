import { type FormEvent, useState } from "react";
import { generalErrorKey } from "../../api/errorMessages";
import { useI18n } from "../../i18n/I18nProvider";
import type { MessageKey } from "../../i18n/messages";
import { TextField } from "../../kit/forms/fields";

/**
 * "Batalkan" beside one record of a list (a service, a home visit, a screening): asks why, then confirms
 * that the record leaves every figure (kept, with the reason). `save` queues or sends the void;
 * `confirmText` says what the record leaves (the service record's words when absent).
 */
export function VoidRecord({
  label,
  save,
  confirmText,
}: {
  label: string;
  save: (reason: string) => Promise<void>;
  confirmText?: (reason: string) => string;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  function next(e: FormEvent) {
    e.preventDefault();
    if (reason.trim().length < 3) return setError("svc.voidReasonRequired");
    setError(null);
    setConfirming(true);
  }
  async function confirm() {
    setBusy(true);
    try {
      await save(reason.trim());
      setOpen(false);
      setConfirming(false);
      setReason("");
    } catch (err) {
      setError(generalErrorKey(err));
    } finally {
      setBusy(false);
    }
  }
  if (!open) {
    return (
      <button
        type="button"
        className="button button--secondary"
        aria-label={`${t("svc.void")}: ${label}`}
        onClick={() => setOpen(true)}
      >
        {t("svc.void")}
      </button>
    );
  }
  return (
    <div className="card stack-sm" data-testid="void-form">
      {confirming ? (
        <>
          <p className="alert alert--warn">
            {confirmText
              ? confirmText(reason.trim())
              : t("svc.voidConfirmText", { what: label, reason: reason.trim() })}
          </p>
          {error && (
            <p className="alert alert--error" role="alert">
              {t(error)}
            </p>
          )}
          <button
            type="button"
            className="button button--danger button--block"
            disabled={busy}
            onClick={confirm}
          >
            {t("svc.voidConfirm")}
          </button>
          <button
            type="button"
            className="button button--secondary button--block"
            onClick={() => setConfirming(false)}
          >
            {t("svc.voidBack")}
          </button>
        </>
      ) : (
        <form className="stack-sm" onSubmit={next} noValidate>
          <TextField label={t("svc.voidReason")} value={reason} onChange={setReason} />
          {error && (
            <p className="alert alert--error" role="alert">
              {t(error)}
            </p>
          )}
          <button type="submit" className="button button--primary button--block">
            {t("svc.voidNext")}
          </button>
          <button
            type="button"
            className="button button--secondary button--block"
            onClick={() => setOpen(false)}
          >
            {t("svc.voidCancel")}
          </button>
        </form>
      )}
    </div>
  );
}
