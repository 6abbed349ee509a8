import { type MeasurementView, measurementsApi } from "@tumbuh/core";
import { type FormEvent, useRef, useState } from "react";
import { api, isApiError, type PersonRecord } from "../../../api";
import { useI18n } from "../../../i18n/I18nProvider";
import type { MessageKey } from "../../../i18n/messages";
import { todayIso } from "../../../kit/format";
import {
  CheckField,
  DecimalField,
  FieldGroup,
  focusFirstInvalid,
  TextField,
} from "../../../kit/forms/fields";
import { submitFailure } from "../../../kit/forms/submitErrors";
import { useForm } from "../../../kit/forms/useForm";
import { useMe } from "../../../session/SessionProvider";
import { BodyMeasureFields } from "../forms/BodyMeasureFields";
import { ImplausibleConfirm } from "../forms/ImplausibleConfirm";
import {
  defaultMeasure,
  emptyMeasurementForm,
  type MeasurementForm as Form,
  toMeasurementPayload,
} from "../forms/payloads";
import { sessionFor } from "./session";

const RENAME = { weightKg: "weight", lenheiCm: "lenhei", muacCm: "muac", headcCm: "headc" };

export function MeasurementForm({
  person,
  onSaved,
  onCancel,
}: {
  person: PersonRecord;
  onSaved: (m: MeasurementView) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const me = useMe();
  const today = todayIso();
  const { form, setForm, set, errors, setErrors } = useForm<Form>(() =>
    emptyMeasurementForm(person.birthDate, today),
  );
  // the position follows the date (24 months) until the cadre picks one herself
  const [measureTouched, setMeasureTouched] = useState(false);
  const [message, setMessage] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  // The server found the value implausible: measure again, or keep it with a reason (stored beside it).
  const [implausible, setImplausible] = useState(false);
  const ref = useRef<HTMLFormElement>(null);

  function setDate(measuredOn: string) {
    set("measuredOn")(measuredOn);
    if (!measureTouched) setForm((f) => ({ ...f, measure: defaultMeasure(person.birthDate, measuredOn) }));
  }

  async function submit(event: FormEvent | null, confirmedReason?: string) {
    event?.preventDefault();
    if (busy) return;
    const ctx = { personId: person.id, birthDate: person.birthDate, today, measuredBy: me.displayName };
    const check = toMeasurementPayload(form, ctx);
    if (!check.ok) {
      setErrors(check.errors);
      setMessage("reg.fixErrors");
      focusFirstInvalid(ref.current);
      return;
    }
    setBusy(true);
    setErrors({});
    setMessage(null);
    try {
      const sessionId = await sessionFor(person.regionCode, form.measuredOn, me.displayName);
      const built = toMeasurementPayload(form, { ...ctx, sessionId });
      if (!built.ok) return;
      const body = confirmedReason
        ? { ...built.payload, confirmedImplausible: { reason: confirmedReason } }
        : built.payload;
      onSaved(await api.call(measurementsApi.create, { body }));
      setImplausible(false);
    } catch (e) {
      if (isApiError(e) && e.code === "implausible_measurement") {
        setImplausible(true);
      } else if (isApiError(e) && e.status === 409 && e.code === "already_measured") {
        setErrors({ measuredOn: { key: "measure.already" } });
        setMessage("reg.fixErrors");
      } else {
        const failure = submitFailure(e, RENAME);
        setErrors(failure.fields);
        setMessage(failure.message);
      }
      focusFirstInvalid(ref.current);
    } finally {
      setBusy(false);
    }
  }

  if (implausible) {
    return (
      <ImplausibleConfirm
        issues={[]}
        busy={busy}
        onRemeasure={() => setImplausible(false)}
        onConfirm={(reason) => void submit(null, reason)}
      />
    );
  }
  return (
    <form ref={ref} className="stack" onSubmit={submit} noValidate>
      <TextField
        label={t("measure.date")}
        type="date"
        value={form.measuredOn}
        min={person.birthDate}
        max={today}
        onChange={setDate}
        error={errors.measuredOn}
      />
      <BodyMeasureFields
        form={form}
        errors={errors}
        set={set}
        weightHint={t("reg.decimalHint")}
        onMeasure={() => setMeasureTouched(true)}
      />
      <FieldGroup label={t("measure.more")} optional>
        <div className="field-row">
          <DecimalField
            label={t("measure.muac")}
            value={form.muac}
            onChange={set("muac")}
            error={errors.muac}
          />
          <DecimalField
            label={t("measure.headc")}
            value={form.headc}
            onChange={set("headc")}
            error={errors.headc}
          />
        </div>
        <CheckField label={t("measure.oedema")} checked={form.oedema} onChange={set("oedema")} />
      </FieldGroup>
      {message && (
        <p className="alert alert--error" role="alert">
          {t(message)}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t("reg.saving") : t("measure.submit")}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={busy}>
          {t("reg.cancel")}
        </button>
      </div>
    </form>
  );
}
