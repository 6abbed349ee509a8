import {
  type HouseholdView,
  householdsApi,
  LATRINE_TYPE_CODES,
  LATRINE_TYPES,
  WATER_SOURCE_CODES,
  WATER_SOURCES,
} from "@tumbuh/core";
import { type FormEvent, useRef, useState } from "react";
import { api, type RegionView } from "../../../api";
import { useI18n } from "../../../i18n/I18nProvider";
import type { MessageKey } from "../../../i18n/messages";
import { focusFirstInvalid, SelectField, TextField } from "../../../kit/forms/fields";
import { submitFailure } from "../../../kit/forms/submitErrors";
import { useForm } from "../../../kit/forms/useForm";
import { emptyHouseholdForm, type HouseholdForm as Form, toHouseholdPayload } from "../forms/payloads";
import { regionChoices } from "./regionChoices";

/** A household (rumah tangga): KK, head, address, RT/RW, dusun, drinking water, latrine. */
export function HouseholdForm({ view, onSaved }: { view: RegionView; onSaved: (h: HouseholdView) => void }) {
  const { t, locale } = useI18n();
  const { form, setForm, set, errors, setErrors } = useForm<Form>(() => emptyHouseholdForm(view.region.code));
  const [message, setMessage] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLFormElement>(null);
  const dusun = regionChoices(view, ["dusun"], t("hh.regionSelf"));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const built = toHouseholdPayload(form);
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
      const household = await api.call(householdsApi.create, { body: built.payload });
      setForm(emptyHouseholdForm(view.region.code));
      onSaved(household);
    } catch (e) {
      const failure = submitFailure(e);
      setErrors(failure.fields);
      setMessage(failure.message);
      focusFirstInvalid(ref.current);
    } finally {
      setBusy(false);
    }
  }

  const water = WATER_SOURCES[form.waterSource as keyof typeof WATER_SOURCES];
  const latrine = LATRINE_TYPES[form.latrineType as keyof typeof LATRINE_TYPES];
  const layakHint = (v: { layak: boolean } | undefined) =>
    v ? (v.layak ? t("person.layak") : t("person.tidakLayak")) : undefined;

  return (
    <form ref={ref} className="stack" onSubmit={submit} noValidate>
      {dusun.length > 1 && (
        <SelectField
          label={t("hh.region")}
          value={form.regionCode}
          onChange={set("regionCode")}
          options={dusun}
          error={errors.regionCode}
        />
      )}
      <TextField
        label={t("hh.kk")}
        inputMode="numeric"
        optional
        hint={t("hh.kkHint")}
        value={form.kkNumber}
        onChange={set("kkNumber")}
        error={errors.kkNumber}
      />
      <TextField
        label={t("hh.head")}
        optional
        value={form.headName}
        onChange={set("headName")}
        error={errors.headName}
      />
      <TextField
        label={t("hh.address")}
        value={form.address}
        onChange={set("address")}
        error={errors.address}
      />
      <div className="field-row">
        <TextField
          label={t("hh.rt")}
          optional
          inputMode="numeric"
          value={form.rt}
          onChange={set("rt")}
          error={errors.rt}
        />
        <TextField
          label={t("hh.rw")}
          optional
          inputMode="numeric"
          value={form.rw}
          onChange={set("rw")}
          error={errors.rw}
        />
      </div>
      <SelectField
        label={t("hh.water")}
        value={form.waterSource}
        onChange={set("waterSource")}
        placeholder={t("reg.choose")}
        options={WATER_SOURCE_CODES.map((c) => ({ value: c, label: WATER_SOURCES[c][locale] }))}
        error={errors.waterSource}
        hint={layakHint(water)}
      />
      <SelectField
        label={t("hh.latrine")}
        value={form.latrineType}
        onChange={set("latrineType")}
        placeholder={t("reg.choose")}
        options={LATRINE_TYPE_CODES.map((c) => ({ value: c, label: LATRINE_TYPES[c][locale] }))}
        error={errors.latrineType}
        hint={layakHint(latrine)}
      />
      {message && (
        <p className="alert alert--error" role="alert">
          {t(message)}
        </p>
      )}
      <button type="submit" className="button button--primary button--block" disabled={busy}>
        {busy ? t("reg.saving") : t("hh.submit")}
      </button>
    </form>
  );
}
