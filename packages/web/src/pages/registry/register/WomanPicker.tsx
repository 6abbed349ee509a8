// Find an already-registered woman (the mother of a child, or a pregnant woman) by name.
import type { PersonSummary } from "@tumbuh/core";
import { useId, useState } from "react";
import { useI18n } from "../../../i18n/I18nProvider";
import { formatAge, maskDigits, todayIso } from "../../../kit/format";
import { ErrorPanel } from "../../../kit/ui";
import { MIN_QUERY, usePersonSearch } from "../usePersonSearch";

/** Girls and women from 10 years (remaja putri, WUS and older). */
const MIN_MONTHS = 120;

export function WomanPicker({
  region,
  label,
  searchLabel,
  hint,
  noneText,
  chosen,
  onChoose,
  error,
}: {
  region: string;
  label: string;
  searchLabel: string;
  hint: string;
  noneText: string;
  chosen: PersonSummary | null;
  onChoose: (p: PersonSummary | null) => void;
  error?: string | undefined;
}) {
  const { t, locale } = useI18n();
  const [query, setQuery] = useState("");
  const id = useId();
  const search = usePersonSearch(region, query, 20);
  const today = todayIso();

  if (chosen) {
    return (
      <div className="field">
        <p className="field__label">{label}</p>
        <div className="chosen">
          <span>
            <strong>{chosen.name}</strong>
            <span className="muted"> · {formatAge(chosen.birthDate, today, locale)}</span>
          </span>
          <button type="button" className="button button--secondary" onClick={() => onChoose(null)}>
            {t("pf.motherChange")}
          </button>
        </div>
      </div>
    );
  }

  const women =
    search.status === "done" ? search.persons.filter((p) => p.sex === 2 && p.ageMonths >= MIN_MONTHS) : [];
  return (
    <fieldset className="field picker">
      <legend>{label}</legend>
      <label htmlFor={id} className="picker__label">
        {searchLabel}
      </label>
      <input
        id={id}
        type="search"
        autoComplete="off"
        value={query}
        aria-describedby={`${id}-hint${error ? ` ${id}-err` : ""}`}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setQuery(e.target.value)}
      />
      <p className="hint" id={`${id}-hint`}>
        {query.trim().length < MIN_QUERY ? hint : search.status === "searching" ? t("reg.searching") : hint}
      </p>
      {error && (
        <p className="field__error" id={`${id}-err`}>
          {error}
        </p>
      )}
      {search.status === "error" && <ErrorPanel error={search.error} />}
      {search.status === "done" &&
        (women.length === 0 ? (
          <p className="muted" aria-live="polite">
            {noneText}
          </p>
        ) : (
          <ul className="pick-list" aria-live="polite">
            {women.map((w) => (
              <li key={w.id}>
                <button type="button" className="pick" onClick={() => onChoose(w)}>
                  <strong>{w.name}</strong>
                  <span className="muted">
                    {formatAge(w.birthDate, today, locale)}
                    {w.nikMasked ? ` · NIK ${maskDigits(w.nikMasked)}` : ""}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        ))}
    </fieldset>
  );
}
