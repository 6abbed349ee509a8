import { PREGNANCY_OUTCOMES, type PregnancyView, pregnanciesApi } from "@tumbuh/core";
import { type FormEvent, useRef, useState } from "react";
import { api } from "../../../api";
import { useI18n } from "../../../i18n/I18nProvider";
import type { MessageKey } from "../../../i18n/messages";
import { todayIso } from "../../../kit/format";
import type { FieldErrors } from "../../../kit/forms/fieldErrors";
import { ChoiceField, focusFirstInvalid, TextField } from "../../../kit/forms/fields";
import { submitFailure } from "../../../kit/forms/submitErrors";
import { type PregnancyEndForm as Form, toPregnancyEndPayload } from "../forms/payloads";

/** "Catat persalinan/akhir kehamilan": the date and the outcome. */
export function PregnancyEndForm({
  pregnancy,
  onSaved,
  onCancel,
}: {
  pregnancy: PregnancyView;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const today = todayIso();
  const [form, setForm] = useState<Form>({ endedOn: today, outcome: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLFormElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const built = toPregnancyEndPayload(form, { lmpDate: pregnancy.lmpDate, today });
    if (!built.ok) {
      setErrors(built.errors);
      setMessage("reg.fixErrors");
      focusFirstInvalid(ref.current);
      return;
    }
    setBusy(true);
    setErrors({});
    setMessage(null);
    try {
      await api.call(pregnanciesApi.end, { params: { id: pregnancy.id }, body: built.payload });
      onSaved();
    } catch (e) {
      const failure = submitFailure(e);
      setErrors(failure.fields);
      setMessage(failure.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={ref} className="stack end-form" onSubmit={submit} noValidate>
      <TextField
        label={t("preg.endedOn")}
        type="date"
        min={pregnancy.lmpDate}
        max={today}
        value={form.endedOn}
        onChange={(endedOn) => setForm((f) => ({ ...f, endedOn }))}
        error={errors.endedOn}
      />
      <ChoiceField
        label={t("preg.outcome")}
        value={form.outcome}
        onChange={(outcome) => setForm((f) => ({ ...f, outcome }))}
        error={errors.outcome}
        options={PREGNANCY_OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))}
      />
      {message && (
        <p className="alert alert--error" role="alert">
          {t(message)}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t("reg.saving") : t("reg.save")}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={busy}>
          {t("reg.cancel")}
        </button>
      </div>
    </form>
  );
}
