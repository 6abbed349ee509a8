import { addDays, isIsoDate, type PregnancyInput, pregnanciesApi, pregnancySignals } from "@tumbuh/core";
import { type FormEvent, useRef, useState } from "react";
import { api, isApiError } from "../../../api";
import { useI18n } from "../../../i18n/I18nProvider";
import type { MessageKey } from "../../../i18n/messages";
import { formatDate, todayIso } from "../../../kit/format";
import { CheckField, DecimalField, focusFirstInvalid, TextField } from "../../../kit/forms/fields";
import { submitFailure } from "../../../kit/forms/submitErrors";
import { useForm } from "../../../kit/forms/useForm";
import { BadgeList } from "../../../kit/ui";
import { parseDecimal } from "../forms/decimal";
import { EMPTY_PREGNANCY_FORM, type PregnancyForm as Form, toPregnancyPayload } from "../forms/payloads";

/** Naegele's rule, as the server applies it when HPL is left empty. */
const PREGNANCY_DAYS = 280;

/** A new pregnancy for a woman: HPHT, HPL (computed when empty), gravida, LiLA → KEK, Hb → anemia, risk. */
export function PregnancyForm({
  personId,
  onSaved,
  onCancel,
  save,
}: {
  personId: string;
  onSaved: () => void;
  onCancel?: () => void;
  /** Where the pregnancy goes; the online API unless given (the offline posyandu day queues it). */
  save?: (payload: PregnancyInput) => Promise<void>;
}) {
  const { t, locale } = useI18n();
  const { form, setForm, set, errors, setErrors } = useForm<Form>(EMPTY_PREGNANCY_FORM);
  const [message, setMessage] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLFormElement>(null);
  const today = todayIso();

  const muac = parseDecimal(form.muac);
  const hb = parseDecimal(form.hb);
  const signals = pregnancySignals({
    muacCm: muac.kind === "ok" ? muac.value : null,
    hbGdl: hb.kind === "ok" ? hb.value : null,
  });
  const eddAuto = isIsoDate(form.lmpDate) ? addDays(form.lmpDate, PREGNANCY_DAYS) : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const built = toPregnancyPayload(form, { personId, today });
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
      await (save ? save(built.payload) : api.call(pregnanciesApi.create, { body: built.payload }));
      setForm(EMPTY_PREGNANCY_FORM);
      onSaved();
    } catch (e) {
      const failure = submitFailure(e, { muacCm: "muac", hbGdl: "hb" });
      const ongoing = isApiError(e) && e.status === 409 && e.field === "personId";
      setErrors(failure.fields);
      setMessage(ongoing ? "preg.ongoing" : failure.message);
      focusFirstInvalid(ref.current);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={ref} className="stack" onSubmit={submit} noValidate>
      <TextField
        label={t("preg.lmp")}
        type="date"
        max={today}
        value={form.lmpDate}
        onChange={set("lmpDate")}
        error={errors.lmpDate}
      />
      <TextField
        label={t("preg.edd")}
        type="date"
        optional
        min={form.lmpDate || undefined}
        value={form.eddDate}
        onChange={set("eddDate")}
        error={errors.eddDate}
        hint={eddAuto ? t("preg.eddHint", { date: formatDate(eddAuto, locale) }) : undefined}
      />
      <TextField
        label={t("preg.gravida")}
        inputMode="numeric"
        value={form.gravida}
        onChange={set("gravida")}
        error={errors.gravida}
      />
      <div className="field-row">
        <DecimalField
          label={t("preg.muac")}
          optional
          value={form.muac}
          onChange={set("muac")}
          error={errors.muac}
        />
        <DecimalField label={t("preg.hb")} optional value={form.hb} onChange={set("hb")} error={errors.hb} />
      </div>
      <BadgeList
        badges={[
          ...(signals.kek ? [{ label: t("preg.kek"), tone: "warn" as const }] : []),
          ...(signals.anaemia ? [{ label: t("preg.anaemia"), tone: "warn" as const }] : []),
        ]}
      />
      <CheckField label={t("preg.highRisk")} checked={form.highRisk} onChange={set("highRisk")} />
      {form.highRisk && (
        <TextField
          label={t("preg.highRiskNote")}
          optional
          value={form.highRiskNote}
          onChange={set("highRiskNote")}
          error={errors.highRiskNote}
        />
      )}
      {message && (
        <p className="alert alert--error" role="alert">
          {t(message)}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t("reg.saving") : t("reg.save")}
        </button>
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel} disabled={busy}>
            {t("reg.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}
