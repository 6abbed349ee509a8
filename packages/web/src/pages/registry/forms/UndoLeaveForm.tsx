import { type FormEvent, useState } from "react";
import { generalErrorKey } from "../../../api/errorMessages";
import { useI18n } from "../../../i18n/I18nProvider";
import type { MessageKey } from "../../../i18n/messages";
import { TextField } from "../../../kit/forms/fields";

/**
 * Undo a moved-away/died mark made by mistake (issue 17), in two steps like the mark itself: why, then a
 * confirmation that says what follows (the person is counted again). `mark` is the mark as the page shows
 * it ("Pindah sejak 3 Juni 2026"); `save` does the sending (online on the person page).
 */
export function UndoLeaveForm({
  mark,
  save,
  onDone,
}: {
  mark: string;
  save: (reason: string) => Promise<void>;
  onDone?: () => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);

  function check(e: FormEvent) {
    e.preventDefault();
    if (reason.trim().length < 3) return setError("leave.undoReasonRequired");
    setError(null);
    setConfirming(true);
  }
  async function confirm() {
    setBusy(true);
    try {
      await save(reason.trim());
      setConfirming(false);
      setOpen(false);
      onDone?.();
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
        data-testid="leave-undo-open"
        onClick={() => setOpen(true)}
      >
        {t("leave.undoOpen")}
      </button>
    );
  }
  return (
    <section className="card stack-sm" data-testid="leave-undo-form">
      <h2>{t("leave.undoTitle")}</h2>
      {confirming ? (
        <div className="stack-sm" role="alertdialog" aria-live="polite">
          <p className="alert alert--warn">{t("leave.undoConfirmText", { mark, reason: reason.trim() })}</p>
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
            {t("leave.undoConfirm")}
          </button>
          <button
            type="button"
            className="button button--secondary button--block"
            onClick={() => setConfirming(false)}
          >
            {t("leave.back")}
          </button>
        </div>
      ) : (
        <form className="stack-sm" onSubmit={check} noValidate>
          <TextField label={t("leave.undoReason")} value={reason} onChange={setReason} />
          {error && (
            <p className="alert alert--error" role="alert">
              {t(error)}
            </p>
          )}
          <button type="submit" className="button button--primary button--block">
            {t("leave.next")}
          </button>
          <button
            type="button"
            className="button button--secondary button--block"
            onClick={() => setOpen(false)}
          >
            {t("leave.cancel")}
          </button>
        </form>
      )}
    </section>
  );
}
