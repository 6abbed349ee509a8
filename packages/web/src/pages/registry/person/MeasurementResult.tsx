import type { ChildAlert, MeasurementView } from "@tumbuh/core";
import { useEffect, useRef } from "react";
import { useI18n } from "../../../i18n/I18nProvider";
import { formatDate, formatNumber, formatZ } from "../../../kit/format";
import { BadgeList } from "../../../kit/ui";
import { adviceFor } from "../advice";
import { categoryBadge, measurementStatusBadges } from "../categories";

const Z_ROWS = [
  { index: "tbu", z: "lenhei" },
  { index: "bbu", z: "weight" },
  { index: "bbtb", z: "wfl" },
  { index: "imtu", z: "bmi" },
] as const;

/** The result right after saving: values, z-scores with their category, N/T/O/B and what to do. */
export function MeasurementResult({
  headingId,
  measurement: m,
  alerts,
  onAnother,
  anotherLabel,
}: {
  headingId: string;
  measurement: MeasurementView;
  alerts: readonly ChildAlert[];
  onAnother: () => void;
  /** The posyandu day says "next child" here. */
  anotherLabel?: string;
}) {
  const { t, locale } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const advice = adviceFor(m, alerts);
  const status = measurementStatusBadges(m, locale);

  return (
    <div className="stack" aria-live="polite">
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {t("result.title", { date: formatDate(m.measuredOn, locale) })}
      </h2>
      <p className="result-values">
        {m.weightKg !== null && <span>{formatNumber(m.weightKg, locale, 2)} kg</span>}
        {m.lenheiCm !== null && (
          <span>
            {formatNumber(m.lenheiCm, locale, 1)} cm (
            {t(m.measure === "h" ? "history.standing" : "history.lying")})
          </span>
        )}
      </p>
      <BadgeList badges={status} large />
      <table className="z-table">
        <tbody>
          {Z_ROWS.map(({ index, z }) => {
            const code = m.categories[index];
            const value = m.z[z];
            if (code === null && value === null) return null;
            return (
              <tr key={index}>
                <th scope="row">{t(`index.${index}`)}</th>
                <td className="z-table__z">{formatZ(value, locale)}</td>
                <td>{code && <BadgeList badges={[categoryBadge(code, locale)]} />}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="stack-sm">
        <h3>{t("result.todo")}</h3>
        <ul className="advice">
          {advice.map((a) => (
            <li key={a.key} className={`advice__item advice__item--${a.tone}`}>
              {t(a.key)}
            </li>
          ))}
        </ul>
      </div>
      <button
        type="button"
        className={`button button--block ${anotherLabel ? "button--primary" : "button--secondary"}`}
        onClick={onAnother}
      >
        {anotherLabel ?? t("result.another")}
      </button>
    </div>
  );
}
