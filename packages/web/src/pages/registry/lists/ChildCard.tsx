import type { ChildListRow, PersonSummary } from "@tumbuh/core";
import { TARGET_LABELS } from "@tumbuh/core";
import { memo } from "react";
import { useI18n } from "../../../i18n/I18nProvider";
import { formatAge, formatDate, todayIso } from "../../../kit/format";
import { BadgeList } from "../../../kit/ui";
import { Link } from "../../../router/navigation";
import { personPath } from "../../../router/routes";
import { rowBadges } from "../categories";

/** One child in a list: a large card that opens the child's page. */
export const ChildCard = memo(function ChildCard({
  person,
  row,
  twoT = false,
  today = todayIso(),
}: {
  person: PersonSummary;
  /** Present for list rows (latest measurement); absent for search results. */
  row?: ChildListRow;
  twoT?: boolean;
  today?: string;
}) {
  const { t, locale } = useI18n();
  const badges = row ? rowBadges(row, locale, { twoT }) : [];
  return (
    <Link to={personPath(person.id)} className="link-card child-card">
      <span className="link-card__body">
        <span className="child-card__head">
          <span className="link-card__title">{person.name}</span>
          <span className={`sex-tag sex-tag--${person.sex}`} title={t(`sex.${person.sex}`)}>
            {t(`sex.short.${person.sex}`)}
          </span>
        </span>
        <span className="link-card__meta">
          {formatAge(person.birthDate, today, locale)} · {formatDate(person.birthDate, locale)}
        </span>
        {row ? (
          <span className="link-card__meta">
            {row.lastMeasuredOn
              ? t("lists.lastMeasured", { date: formatDate(row.lastMeasuredOn, locale) })
              : t("lists.neverMeasured")}
          </span>
        ) : (
          person.targetRoles.length > 0 && (
            <span className="link-card__meta">
              {person.targetRoles.map((r) => TARGET_LABELS[r]?.[locale] ?? r).join(" · ")}
            </span>
          )
        )}
        <BadgeList badges={badges} />
      </span>
    </Link>
  );
});
