import { useI18n } from "../../../i18n/I18nProvider";
import type { FieldErrors } from "../../../kit/forms/fieldErrors";
import { ChoiceField, TextField } from "../../../kit/forms/fields";
import type { PersonForm } from "./payloads";

type Set = <K extends keyof PersonForm & string>(key: K) => (value: PersonForm[K]) => void;

/** Name, sex, birth date and NIK: the identity part of registering and of editing a person. */
export function IdentityFields({
  form,
  set,
  errors,
  today,
}: {
  form: PersonForm;
  set: Set;
  errors: FieldErrors;
  today: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <TextField label={t("pf.name")} value={form.name} onChange={set("name")} error={errors.name} />
      <ChoiceField
        label={t("pf.sex")}
        value={form.sex}
        onChange={set("sex")}
        error={errors.sex}
        options={[
          { value: "1", label: t("sex.1") },
          { value: "2", label: t("sex.2") },
        ]}
      />
      <TextField
        label={t("pf.birthDate")}
        type="date"
        max={today}
        value={form.birthDate}
        onChange={set("birthDate")}
        error={errors.birthDate}
      />
      <TextField
        label={t("pf.nik")}
        name="nik"
        inputMode="numeric"
        optional
        hint={t("pf.nikHint")}
        value={form.nik}
        onChange={set("nik")}
        error={errors.nik}
      />
    </>
  );
}
