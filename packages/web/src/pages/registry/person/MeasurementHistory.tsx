import type { MeasurementView } from "@tumbuh/core";
import { memo, useId, useState } from "react";
import { useI18n } from "../../../i18n/I18nProvider";
import { formatAgeMonths, formatDate, formatNumber, formatZ } from "../../../kit/format";
import { BadgeList } from "../../../kit/ui";
import { categoryBadge, markBadges, weighingBadge } from "../categories";

/** The indices shown per measurement, with the z-score each is read from. */
const INDICES = [
  { index: "tbu", z: "lenhei" },
  { index: "bbu", z: "weight" },
  { index: "bbtb", z: "wfl" },
] as const;

/** How many measurements show before "Tampilkan semua". */
export const HISTORY_INITIAL = 6;

/** Every measurement, newest first: a table on wide screens, one card per measurement on phones. */
export const MeasurementHistory = memo(function MeasurementHistory({
  measurements,
}: {
  measurements: readonly MeasurementView[];
}) {
  const { t } = useI18n();
  const headingId = useId();
  const [all, setAll] = useState(false);
  const newestFirst = [...measurements].sort((a, b) => b.measuredOn.localeCompare(a.measuredOn));
  const shown = all ? newestFirst : newestFirst.slice(0, HISTORY_INITIAL);
  return (
    <section className="stack" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t("history.title")} <span className="count">({measurements.length})</span>
      </h2>
      {newestFirst.length === 0 ? (
        <p className="muted">{t("history.empty")}</p>
      ) : (
        <table className="data-table history-table">
          <thead>
            <tr>
              <th scope="col">{t("history.date")}</th>
              <th scope="col">{t("history.weight")}</th>
              <th scope="col">{t("history.length")}</th>
              <th scope="col">{t("history.status")}</th>
              <th scope="col">{t("history.weighing")}</th>
              <th scope="col">{t("history.other")}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((m) => (
              <Row key={m.id} m={m} />
            ))}
          </tbody>
        </table>
      )}
      {shown.length < newestFirst.length && (
        <button type="button" className="button button--secondary button--block" onClick={() => setAll(true)}>
          {t("history.showAll", { count: newestFirst.length })}
        </button>
      )}
    </section>
  );
});

function Row({ m }: { m: MeasurementView }) {
  const { t, locale } = useI18n();
  const kms = weighingBadge(m.weighing, locale);
  const marks = markBadges(m, locale);
  const other = [
    m.muacCm !== null ? t("history.muac", { value: formatNumber(m.muacCm, locale, 1) }) : null,
    m.headcCm !== null ? t("history.headc", { value: formatNumber(m.headcCm, locale, 1) }) : null,
    m.measuredBy ? t("history.by", { name: m.measuredBy }) : null,
  ].filter((x): x is string => x !== null);
  // every cell has exactly one child element: on phones the cell is a two-column grid (label, value)
  return (
    <tr className={m.flags.length > 0 ? "is-flagged" : undefined}>
      <th scope="row" data-label={t("history.date")}>
        <span>
          {formatDate(m.measuredOn, locale)}
          {m.ageMonths !== null && <span className="muted"> · {formatAgeMonths(m.ageMonths, locale)}</span>}
        </span>
      </th>
      <td data-label={t("history.weight")}>
        <span>{formatNumber(m.weightKg, locale, 2)}</span>
      </td>
      <td data-label={t("history.length")}>
        <span>
          {formatNumber(m.lenheiCm, locale, 1)}
          {m.lenheiCm !== null && m.measure && (
            <span className="muted"> ({t(m.measure === "h" ? "history.standing" : "history.lying")})</span>
          )}
        </span>
      </td>
      <td data-label={t("history.status")} className="cell--wide">
        <ul className="zcat">
          {INDICES.map(({ index, z }) => {
            const code = m.categories[index];
            if (code === null && m.z[z] === null) return null;
            const badge = code ? categoryBadge(code, locale) : null;
            return (
              <li key={index} className="zcat__row">
                <span className="zcat__ix">{t(`index.${index}`)}</span>
                <span className="zcat__z">{formatZ(m.z[z], locale)}</span>
                {badge && <span className={`badge badge--small badge--${badge.tone}`}>{badge.label}</span>}
              </li>
            );
          })}
        </ul>
      </td>
      <td data-label={t("history.weighing")}>
        <span>
          {kms ? <span className={`badge badge--small badge--${kms.tone}`}>{kms.label}</span> : "—"}
        </span>
      </td>
      <td data-label={t("history.other")}>
        <span className="stack-sm">
          {marks.length === 0 && other.length === 0 && <span>—</span>}
          <BadgeList badges={marks} />
          {other.map((o) => (
            <span key={o} className="block">
              {o}
            </span>
          ))}
        </span>
      </td>
    </tr>
  );
}
