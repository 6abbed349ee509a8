import { type FormEvent, type ReactNode, useState } from "react";
import { generalErrorKey } from "../api/errorMessages";
import { useI18n } from "../i18n/I18nProvider";
import type { MessageKey } from "../i18n/messages";
import { TextField } from "./forms/fields";

/** The words of one "why, then confirm" step (each a message key of the page's feature). */
export interface ReasonConfirmWords {
  open: MessageKey;
  reason: MessageKey;
  reasonRequired: MessageKey;
  next: MessageKey;
  cancel: MessageKey;
  confirm: MessageKey;
  back: MessageKey;
}

/**
 * Undoing something a person recorded (voiding a record, undoing a moved-away mark) takes two steps: why
 * (at least 3 characters, kept with the change), then a confirmation that says what follows. `save` sends
 * or queues it; a failure stays on the confirmation with its message.
 */
export function ReasonConfirm({
  words,
  confirmText,
  save,
  onDone,
  openLabel,
  openTestId,
  formTestId,
  title,
  as: Box = "div",
}: {
  words: ReasonConfirmWords;
  confirmText: (reason: string) => string;
  save: (reason: string) => Promise<void>;
  onDone?: () => void;
  /** The opening button's accessible name, when the button's text alone is ambiguous in a list. */
  openLabel?: string;
  openTestId?: string;
  formTestId: string;
  title?: ReactNode;
  as?: "div" | "section";
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  function next(e: FormEvent) {
    e.preventDefault();
    if (reason.trim().length < 3) return setError(words.reasonRequired);
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
        aria-label={openLabel}
        data-testid={openTestId}
        onClick={() => setOpen(true)}
      >
        {t(words.open)}
      </button>
    );
  }
  const problem = error && (
    <p className="alert alert--error" role="alert">
      {t(error)}
    </p>
  );
  return (
    <Box className="card stack-sm" data-testid={formTestId}>
      {title}
      {confirming ? (
        <div className="stack-sm" role="alertdialog" aria-live="polite">
          <p className="alert alert--warn">{confirmText(reason.trim())}</p>
          {problem}
          <button
            type="button"
            className="button button--danger button--block"
            disabled={busy}
            onClick={confirm}
          >
            {t(words.confirm)}
          </button>
          <button
            type="button"
            className="button button--secondary button--block"
            onClick={() => setConfirming(false)}
          >
            {t(words.back)}
          </button>
        </div>
      ) : (
        <form className="stack-sm" onSubmit={next} noValidate>
          <TextField label={t(words.reason)} value={reason} onChange={setReason} />
          {problem}
          <button type="submit" className="button button--primary button--block">
            {t(words.next)}
          </button>
          <button
            type="button"
            className="button button--secondary button--block"
            onClick={() => setOpen(false)}
          >
            {t(words.cancel)}
          </button>
        </form>
      )}
    </Box>
  );
}
