import { useI18n } from "../../../i18n/I18nProvider";
import type { FieldErrors } from "../../../kit/forms/fieldErrors";
import { ChoiceField, DecimalField } from "../../../kit/forms/fields";
import type { MeasurementForm } from "./payloads";

type Setter = <K extends keyof MeasurementForm & string>(key: K) => (value: MeasurementForm[K]) => void;

/**
 * Weight, length/height and how it was measured: the fields every weighing form starts with (the registry's
 * measurement form and the posyandu day). `onMeasure` lets a form note that the person chose lying/standing.
 */
export function BodyMeasureFields({
  form,
  errors,
  set,
  weightHint,
  onMeasure,
}: {
  form: MeasurementForm;
  errors: FieldErrors;
  set: Setter;
  weightHint?: string;
  onMeasure?: () => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <DecimalField
        label={t("measure.weight")}
        value={form.weight}
        onChange={set("weight")}
        error={errors.weight}
        hint={weightHint}
      />
      <DecimalField
        label={t("measure.length")}
        value={form.lenhei}
        onChange={set("lenhei")}
        error={errors.lenhei}
      />
      <ChoiceField
        label={t("measure.how")}
        value={form.measure}
        hint={t("measure.howHint")}
        onChange={(v) => {
          onMeasure?.();
          set("measure")(v);
        }}
        options={[
          { value: "l", label: t("measure.lying") },
          { value: "h", label: t("measure.standing") },
        ]}
      />
    </>
  );
}
