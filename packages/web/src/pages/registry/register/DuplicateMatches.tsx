import type { DuplicateMatch } from "@tumbuh/core";
import { useI18n } from "../../../i18n/I18nProvider";
import { formatDate } from "../../../kit/format";
import { Link } from "../../../router/navigation";
import { personPath } from "../../../router/routes";

/**
 * Registered persons the new one may be (server `duplicates.check`), shown before saving: open the
 * existing record, or register anyway (two people alike).
 */
export function DuplicateMatches({
  matches,
  onDifferent,
}: {
  matches: readonly DuplicateMatch[];
  onDifferent: () => void;
}) {
  const { t, locale } = useI18n();
  return (
    <section className="card stack-sm" data-testid="reg-duplicates" aria-live="polite">
      <h2>{t("dupNew.title")}</h2>
      <p>{t("dupNew.hint")}</p>
      <ul className="plain-list stack-sm">
        {matches.map((m) => (
          <li key={m.person.id} className="stack-sm">
            <p>
              <strong>{m.person.name}</strong> · {formatDate(m.person.birthDate, locale)}
              {(m.person.motherName ?? m.person.parentName) &&
                ` · ${t("dupNew.mother", { name: m.person.motherName ?? m.person.parentName ?? "" })}`}
              {" · "}
              {t(m.reasons.includes("same_nik") ? "dupNew.nik" : "dupNew.name")}
            </p>
            <Link className="button button--secondary button--block" to={personPath(m.person.id)}>
              {t("dupNew.same")}
            </Link>
          </li>
        ))}
      </ul>
      <button type="button" className="button button--primary button--block" onClick={onDifferent}>
        {t("dupNew.different")}
      </button>
    </section>
  );
}
