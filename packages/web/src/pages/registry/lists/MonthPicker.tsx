import { useId } from "react";
import { useI18n } from "../../../i18n/I18nProvider";
import { isMonth, shiftMonth } from "../../../kit/format";

/** Previous / month input / next. The input is a native month picker where the phone has one. */
export function MonthPicker({ month, onChange }: { month: string; onChange: (month: string) => void }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t("lists.month")}</label>
      <div className="month-picker">
        <button
          type="button"
          className="button button--secondary month-picker__step"
          aria-label={t("lists.prevMonth")}
          onClick={() => onChange(shiftMonth(month, -1))}
        >
          ‹
        </button>
        <input
          id={id}
          type="month"
          value={month}
          onChange={(e) => {
            if (isMonth(e.target.value)) onChange(e.target.value);
          }}
        />
        <button
          type="button"
          className="button button--secondary month-picker__step"
          aria-label={t("lists.nextMonth")}
          onClick={() => onChange(shiftMonth(month, 1))}
        >
          ›
        </button>
      </div>
    </div>
  );
}
