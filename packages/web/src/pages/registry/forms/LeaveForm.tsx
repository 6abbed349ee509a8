import type { LeftReason, PersonLeaveInput } from "@tumbuh/core";
import { type FormEvent, useState } from "react";
import { generalErrorKey } from "../../../api/errorMessages";
import { useI18n } from "../../../i18n/I18nProvider";
import type { MessageKey } from "../../../i18n/messages";
import { formatDate, todayIso } from "../../../kit/format";
import { ChoiceField, TextField } from "../../../kit/forms/fields";

/**
 * Mark a person moved away or died (issue 17), in two steps: the day and reason, then a confirmation that
 * says what follows (out of the lists from that day, the record kept). Used on the phone's posyandu day
 * (sent through the outbox) and on the registry page (online): `save` does the sending.
 */
export function LeaveForm({
  personId,
  birthDate,
  save,
  onDone,
}: {
  personId: string;
  birthDate: string;
  save: (input: PersonLeaveInput) => Promise<void>;
  onDone?: () => void;
}) {
  const { t, locale } = useI18n();
  const today = todayIso();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<LeftReason | "">("");
  const [leftOn, setLeftOn] = useState(today);
  const [note, setNote] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);

  function check(e: FormEvent) {
    e.preventDefault();
    if (reason === "") return setError("leave.reasonRequired");
    if (!leftOn || leftOn > today) return setError("leave.dateFuture");
    if (leftOn < birthDate) return setError("leave.dateBeforeBirth");
    setError(null);
    setConfirming(true);
  }
  async function confirm() {
    if (reason === "") return;
    setBusy(true);
    try {
      await save({ personId, leftOn, reason, note: note.trim() || null });
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
        className="button button--secondary button--block"
        data-testid="leave-open"
        onClick={() => setOpen(true)}
      >
        {t("leave.open")}
      </button>
    );
  }
  return (
    <section className="card stack-sm" data-testid="leave-form">
      <h2>{t("leave.title")}</h2>
      {confirming && reason !== "" ? (
        <div className="stack-sm" role="alertdialog" aria-live="polite">
          <p className="alert alert--warn">
            {t(reason === "died" ? "leave.confirmDied" : "leave.confirmMoved", {
              date: formatDate(leftOn, locale),
            })}
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
            {t("leave.confirm")}
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
          <ChoiceField<LeftReason>
            label={t("leave.reason")}
            value={reason}
            onChange={setReason}
            options={[
              { value: "moved", label: t("leave.moved") },
              { value: "died", label: t("leave.died") },
            ]}
          />
          <TextField
            label={t("leave.date")}
            type="date"
            value={leftOn}
            max={today}
            min={birthDate}
            onChange={setLeftOn}
          />
          <TextField label={t("leave.note")} optional value={note} onChange={setNote} />
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
