// Form fields for the registry forms: big touch targets, label above, hint and error below, the error
// tied to the input with aria-describedby. Numbers are text inputs with a decimal keyboard.
import { type ReactNode, useId } from "react";
import { useI18n } from "../../i18n/I18nProvider";
import type { FieldError } from "./fieldErrors";

interface Common {
  label: string;
  error?: FieldError | undefined;
  hint?: string | undefined;
  optional?: boolean;
}

function useFieldIds() {
  const id = useId();
  return { input: `${id}-in`, hint: `${id}-hint`, error: `${id}-err` };
}

function describedBy(ids: ReturnType<typeof useFieldIds>, hint: unknown, error: unknown) {
  return [hint ? ids.hint : null, error ? ids.error : null].filter(Boolean).join(" ") || undefined;
}

function Label({ htmlFor, label, optional }: { htmlFor: string; label: string; optional?: boolean }) {
  const { t } = useI18n();
  return (
    <label htmlFor={htmlFor}>
      {label}
      {optional && <span className="field__optional"> ({t("reg.optional")})</span>}
    </label>
  );
}

function Below({
  ids,
  hint,
  error,
}: {
  ids: ReturnType<typeof useFieldIds>;
  hint?: string;
  error?: FieldError;
}) {
  const { t } = useI18n();
  return (
    <>
      {hint && (
        <p className="hint" id={ids.hint}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={ids.error}>
          {t(error.key, error.vars)}
        </p>
      )}
    </>
  );
}

export function TextField({
  label,
  error,
  hint,
  optional,
  value,
  onChange,
  type = "text",
  inputMode,
  autoComplete = "off",
  max,
  min,
  name,
}: Common & {
  value: string;
  onChange: (value: string) => void;
  type?: "text" | "date" | "search" | "month";
  inputMode?: "text" | "decimal" | "numeric" | "search";
  autoComplete?: string;
  max?: string;
  min?: string;
  name?: string;
}) {
  const ids = useFieldIds();
  return (
    <div className="field">
      <Label htmlFor={ids.input} label={label} optional={optional} />
      <input
        id={ids.input}
        name={name}
        type={type}
        inputMode={inputMode}
        autoComplete={autoComplete}
        value={value}
        max={max}
        min={min}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(ids, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      />
      <Below ids={ids} hint={hint} error={error} />
    </div>
  );
}

/** A measurement: decimal keyboard, comma accepted, unit in the label. */
export function DecimalField(props: Omit<Parameters<typeof TextField>[0], "type" | "inputMode">) {
  return <TextField {...props} inputMode="decimal" />;
}

export function SelectField({
  label,
  error,
  hint,
  optional,
  value,
  onChange,
  options,
  placeholder,
}: Common & {
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
  /** Shown as the first, empty choice. */
  placeholder?: string;
}) {
  const ids = useFieldIds();
  return (
    <div className="field">
      <Label htmlFor={ids.input} label={label} optional={optional} />
      <select
        id={ids.input}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(ids, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Below ids={ids} hint={hint} error={error} />
    </div>
  );
}

/** A small set of choices as large side-by-side buttons (radio inputs underneath). */
export function ChoiceField<V extends string>({
  label,
  error,
  hint,
  value,
  onChange,
  options,
}: Common & {
  value: V | "";
  onChange: (value: V) => void;
  options: readonly { value: V; label: ReactNode }[];
}) {
  const ids = useFieldIds();
  return (
    <fieldset className="field choice" aria-describedby={describedBy(ids, hint, error)}>
      <legend>{label}</legend>
      <div className="choice__options">
        {options.map((o) => (
          <label key={o.value} className="choice__option">
            <input
              type="radio"
              name={ids.input}
              value={o.value}
              checked={value === o.value}
              aria-invalid={error ? true : undefined}
              onChange={() => onChange(o.value)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      <Below ids={ids} hint={hint} error={error} />
    </fieldset>
  );
}

export function CheckField({
  label,
  checked,
  onChange,
  hint,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
}) {
  const ids = useFieldIds();
  return (
    <div>
      <div className="checkbox">
        <input
          id={ids.input}
          type="checkbox"
          checked={checked}
          aria-describedby={hint ? ids.hint : undefined}
          onChange={(e) => onChange(e.target.checked)}
        />
        <label htmlFor={ids.input}>{label}</label>
      </div>
      {hint && (
        <p className="hint" id={ids.hint}>
          {hint}
        </p>
      )}
    </div>
  );
}

/** Moves focus to the first field marked invalid (after a failed submit). */
export function focusFirstInvalid(form: HTMLElement | null) {
  requestAnimationFrame(() => {
    const el = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    el?.focus();
  });
}

/** A titled group of related fields (e.g. the optional birth measurements). */
export function FieldGroup({
  label,
  optional,
  children,
}: {
  label: string;
  optional?: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="field group">
      <legend>
        {label}
        {optional && <span className="field__optional"> ({t("reg.optional")})</span>}
      </legend>
      <div className="stack">{children}</div>
    </fieldset>
  );
}
