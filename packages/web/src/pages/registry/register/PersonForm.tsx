import {
  type DuplicateMatch,
  duplicatesApi,
  type HouseholdView,
  type PersonSummary,
  personsApi,
} from "@tumbuh/core";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { api, type PersonRecord, type RegionView } from "../../../api";
import { useI18n } from "../../../i18n/I18nProvider";
import type { MessageKey } from "../../../i18n/messages";
import { placeTitle, todayIso } from "../../../kit/format";
import {
  DecimalField,
  FieldGroup,
  focusFirstInvalid,
  SelectField,
  TextField,
} from "../../../kit/forms/fields";
import { submitFailure } from "../../../kit/forms/submitErrors";
import { useForm } from "../../../kit/forms/useForm";
import { IdentityFields } from "../forms/IdentityFields";
import { emptyPersonForm, type PersonForm as Form, toPersonPayload } from "../forms/payloads";
import { DuplicateMatches } from "./DuplicateMatches";
import { regionChoices, searchRegion } from "./regionChoices";
import { WomanPicker } from "./WomanPicker";

const RENAME = { birthWeightKg: "birthWeight", birthLengthCm: "birthLength" };

/** The entries a duplicate check looked at. */
const probeOf = (f: Form) =>
  JSON.stringify([f.regionCode, f.name, f.birthDate, f.nik, f.motherId, f.parentName]);

/** A child or adult: name, sex, birth date, NIK, mother (or parent name), birth data, household. */
export function PersonForm({
  view,
  households,
  initialMother,
  initialHouseholdId,
  onSaved,
}: {
  view: RegionView;
  /** Households the person can join: made in this visit, the mother's, the one the page was opened for. */
  households: readonly HouseholdView[];
  initialMother: PersonSummary | null;
  initialHouseholdId: string | null;
  onSaved: (person: PersonRecord, warnings: string[]) => void;
}) {
  const { t } = useI18n();
  const today = todayIso();
  const { form, setForm, set, errors, setErrors } = useForm<Form>(() => ({
    ...emptyPersonForm(view.region.code),
    motherId: initialMother?.id ?? null,
    householdId: initialHouseholdId ?? "",
  }));
  const [mother, setMother] = useState<PersonSummary | null>(initialMother);
  const [motherHousehold, setMotherHousehold] = useState<HouseholdView | null>(null);
  const [message, setMessage] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  // Possible duplicates found before saving (for the entries they were found for: any change to the
  // entries hides them, and saving asks again), and the registration the user then said is someone else.
  const [found, setFound] = useState<{ probe: string; matches: DuplicateMatch[] } | null>(null);
  const [different, setDifferent] = useState<string | null>(null);
  const ref = useRef<HTMLFormElement>(null);

  // a child usually lives in its mother's household: offer it, and pick it when none is chosen
  useEffect(() => {
    setMotherHousehold(null);
    if (!mother) return;
    const controller = new AbortController();
    api.call(personsApi.view, { params: { id: mother.id } }, { signal: controller.signal }).then(
      (v) => {
        if (controller.signal.aborted || !v.household) return;
        const household = v.household;
        setMotherHousehold(household);
        setForm((f) => (f.householdId === "" ? { ...f, householdId: household.id } : f));
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [mother, setForm]);

  const householdOptions = [...households, ...(motherHousehold ? [motherHousehold] : [])]
    .filter((h, i, all) => all.findIndex((x) => x.id === h.id) === i)
    .map((h) => ({
      value: h.id,
      label: t("pf.householdOption", { head: h.headName ?? "—", address: h.address }),
    }));

  async function submit(event?: FormEvent, confirmedDifferent = false) {
    event?.preventDefault();
    if (busy) return;
    const built = toPersonPayload(form, { today });
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
      const p = built.payload;
      const probe = JSON.stringify([p.regionCode, p.name, p.birthDate, p.nik, p.motherId, p.parentName]);
      if (!confirmedDifferent && different !== probe) {
        const answer = await api.call(duplicatesApi.check, {
          body: {
            regionCode: p.regionCode,
            name: p.name,
            birthDate: p.birthDate,
            nik: p.nik ?? null,
            motherId: p.motherId ?? null,
            parentName: p.parentName ?? null,
          },
        });
        if (answer.matches.length > 0) {
          setFound({ probe: probeOf(form), matches: answer.matches });
          setBusy(false);
          return;
        }
      }
      setFound(null);
      const { person, warnings } = await api.call(personsApi.create, { body: p });
      onSaved(person, warnings ?? []);
    } catch (e) {
      const failure = submitFailure(e, RENAME);
      setErrors(failure.fields);
      setMessage(failure.message);
      focusFirstInvalid(ref.current);
      setBusy(false);
    }
  }

  const matches = found && found.probe === probeOf(form) ? found.matches : null;
  const places = regionChoices(
    view,
    ["dusun", "posyandu"],
    placeTitle(t(`kind.${view.region.kind}`), view.region.name),
  );
  return (
    <form ref={ref} className="stack" onSubmit={submit} noValidate>
      <IdentityFields form={form} set={set} errors={errors} today={today} />
      <WomanPicker
        region={searchRegion(view)}
        label={t("pf.mother")}
        searchLabel={t("pf.motherSearch")}
        hint={t("pf.motherHint")}
        noneText={t("pf.motherNone")}
        chosen={mother}
        onChoose={(m) => {
          setMother(m);
          // a baby is usually registered where its mother is (her dusun or posyandu)
          const place = m && places.some((p) => p.value === m.regionCode) ? m.regionCode : null;
          setForm((f) => ({ ...f, motherId: m?.id ?? null, regionCode: place ?? f.regionCode }));
        }}
      />
      {!mother && (
        <TextField
          label={t("pf.parentName")}
          optional
          hint={t("pf.parentHint")}
          value={form.parentName}
          onChange={set("parentName")}
          error={errors.parentName}
        />
      )}
      <FieldGroup label={t("pf.birth")} optional>
        <div className="field-row">
          <DecimalField
            label={t("pf.birthWeight")}
            value={form.birthWeight}
            onChange={set("birthWeight")}
            error={errors.birthWeight}
          />
          <DecimalField
            label={t("pf.birthLength")}
            value={form.birthLength}
            onChange={set("birthLength")}
            error={errors.birthLength}
          />
        </div>
      </FieldGroup>
      <SelectField
        label={t("pf.household")}
        optional
        value={form.householdId}
        onChange={set("householdId")}
        placeholder={t("pf.householdNone")}
        options={householdOptions}
        error={errors.householdId}
      />
      {places.length > 1 && (
        <SelectField
          label={t("pf.region")}
          value={form.regionCode}
          onChange={set("regionCode")}
          options={places}
        />
      )}
      {message && (
        <p className="alert alert--error" role="alert">
          {t(message)}
        </p>
      )}
      {matches && matches.length > 0 ? (
        <DuplicateMatches
          matches={matches}
          placeName={(code) => places.find((p) => p.value === code)?.label ?? null}
          onEdit={(field) => {
            setFound(null);
            if (field) ref.current?.querySelector<HTMLInputElement>(`[name="${field}"]`)?.focus();
          }}
          onDifferent={() => {
            const built = toPersonPayload(form, { today });
            if (built.ok) {
              const p = built.payload;
              setDifferent(
                JSON.stringify([p.regionCode, p.name, p.birthDate, p.nik, p.motherId, p.parentName]),
              );
            }
            void submit(undefined, true);
          }}
        />
      ) : (
        <button type="submit" className="button button--primary button--block" disabled={busy}>
          {busy ? t("reg.saving") : t("pf.submit")}
        </button>
      )}
    </form>
  );
}
