import type { DuplicateMatch } from "@tumbuh/core";
import { useI18n } from "../../../i18n/I18nProvider";
import { formatDate } from "../../../kit/format";
import { Link } from "../../../router/navigation";
import { personPath } from "../../../router/routes";

/**
 * Registered persons the new one may be (server `duplicates.check`), shown before saving: open the
 * existing record, go back to the form (a typo in the name or NIK), or register anyway (two people alike).
 * A NIK is one person's: the server refuses a second record with it, so a NIK match offers no "register
 * anyway" — the user checks the NIK instead (or opens the existing record).
 */
export function DuplicateMatches({
  matches,
  placeName,
  onDifferent,
  onEdit,
}: {
  matches: readonly DuplicateMatch[];
  /** The dusun/posyandu/desa a region code names, as the user reads it; null when not known here. */
  placeName: (code: string) => string | null;
  onDifferent: () => void;
  /** Back to the form; `nik` when the NIK is what to check. */
  onEdit: (field: "nik" | null) => void;
}) {
  const { t, locale } = useI18n();
  const sameNik = matches.some((m) => m.reasons.includes("same_nik"));
  return (
    <section className="card stack-sm" data-testid="reg-duplicates" aria-live="polite">
      <h2>{t("dupNew.title")}</h2>
      <p>{t(sameNik ? "dupNew.hintNik" : "dupNew.hint")}</p>
      <ul className="plain-list stack-sm">
        {matches.map((m) => {
          const place = placeName(m.person.regionCode);
          const mother = m.person.motherName ?? m.person.parentName;
          return (
            <li key={m.person.id} className="stack-sm" data-testid="reg-duplicate">
              <p>
                <strong>{m.person.name}</strong> · {formatDate(m.person.birthDate, locale)}
                {mother && ` · ${t("dupNew.mother", { name: mother })}`}
                {place && ` · ${place}`}
                {m.person.nikMasked && ` · NIK ${m.person.nikMasked}`}
              </p>
              <p className="muted">{t(m.reasons.includes("same_nik") ? "dupNew.nik" : "dupNew.name")}</p>
              <Link className="button button--secondary button--block" to={personPath(m.person.id)}>
                {t("dupNew.same")}
              </Link>
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        className="button button--secondary button--block"
        onClick={() => onEdit(sameNik ? "nik" : null)}
      >
        {t(sameNik ? "dupNew.checkNik" : "dupNew.edit")}
      </button>
      {!sameNik && (
        <button type="button" className="button button--primary button--block" onClick={onDifferent}>
          {t("dupNew.different")}
        </button>
      )}
    </section>
  );
}
