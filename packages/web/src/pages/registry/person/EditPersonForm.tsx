// Edit a person's data with the revision they started from: a stale revision (409 conflict) asks to
// reload instead of overwriting someone else's change.
import { personsApi } from "@tumbuh/core";
import { type FormEvent, useRef, useState } from "react";
import { api, type PersonRecord } from "../../../api";
import { useI18n } from "../../../i18n/I18nProvider";
import type { MessageKey } from "../../../i18n/messages";
import { todayIso } from "../../../kit/format";
import { DecimalField, focusFirstInvalid, TextField } from "../../../kit/forms/fields";
import { submitFailure } from "../../../kit/forms/submitErrors";
import { useForm } from "../../../kit/forms/useForm";
import { IdentityFields } from "../forms/IdentityFields";
import { type PersonForm, personFormFrom, toPersonPatch } from "../forms/payloads";

const RENAME = { birthWeightKg: "birthWeight", birthLengthCm: "birthLength" };

export function EditPersonForm({
  person,
  onCancel,
  onSaved,
  onReload,
}: {
  person: PersonRecord;
  onCancel: () => void;
  onSaved: () => void;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const { form, set, errors, setErrors } = useForm<PersonForm>(() => personFormFrom(person));
  const [message, setMessage] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLFormElement>(null);
  const today = todayIso();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const built = toPersonPatch(form, person, { today });
    if (!built.ok) {
      setErrors(built.errors);
      setMessage("reg.fixErrors");
      focusFirstInvalid(ref.current);
      return;
    }
    if (built.payload === null) return onCancel();
    setBusy(true);
    setErrors({});
    setMessage(null);
    try {
      await api.call(personsApi.update, { params: { id: person.id }, body: built.payload });
      onSaved();
    } catch (e) {
      const failure = submitFailure(e, RENAME);
      setErrors(failure.fields);
      setMessage(failure.message);
      focusFirstInvalid(ref.current);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={ref} className="card stack" onSubmit={submit} noValidate>
      <h2>{t("person.edit")}</h2>
      <IdentityFields form={form} set={set} errors={errors} today={today} />
      {!person.motherId && (
        <TextField
          label={t("pf.parentName")}
          optional
          value={form.parentName}
          onChange={set("parentName")}
          error={errors.parentName}
        />
      )}
      <div className="field-row">
        <DecimalField
          label={t("pf.birthWeight")}
          optional
          value={form.birthWeight}
          onChange={set("birthWeight")}
          error={errors.birthWeight}
        />
        <DecimalField
          label={t("pf.birthLength")}
          optional
          value={form.birthLength}
          onChange={set("birthLength")}
          error={errors.birthLength}
        />
      </div>
      {message && (
        <div className="alert alert--error stack-sm" role="alert">
          <p>{t(message)}</p>
          {message === "reg.conflict" && (
            <button type="button" className="button button--secondary" onClick={onReload}>
              {t("reg.reload")}
            </button>
          )}
        </div>
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
