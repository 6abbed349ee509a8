// Enter or revise the value of an entered indicator for a region and period (the responsible agency,
// TPPS or admin). A revision supersedes the previous value; the history stays visible below the form.
import { type IndicatorFigure, type IndicatorValueView, indicatorsApi, parseDecimal } from "@tumbuh/core";
import { useEffect, useId, useState } from "react";
import { api } from "../../api";
import { errorText } from "../../api/errorMessages";
import { useI18n } from "../../i18n/I18nProvider";
import { formatNumber } from "../../kit/format";

export function EnterValueForm({
  figure,
  regionCode,
  period,
  onSaved,
}: {
  figure: IndicatorFigure;
  regionCode: string;
  period: string;
  onSaved: () => void;
}) {
  const { t, locale } = useI18n();
  const id = useId();
  const fraction = figure.targetKind === "percent";
  const [numerator, setNumerator] = useState("");
  const [denominator, setDenominator] = useState("");
  const [value, setValue] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [history, setHistory] = useState<IndicatorValueView[]>([]);

  useEffect(() => {
    const c = new AbortController();
    api
      .call(
        indicatorsApi.valueHistory,
        { query: { indicatorId: figure.indicatorId, regionCode, period } },
        { signal: c.signal },
      )
      .then(setHistory, () => setHistory([]));
    return () => c.abort();
  }, [figure.indicatorId, regionCode, period]);

  const num = (s: string) => parseDecimal(s, { signed: true });
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await api.call(indicatorsApi.enterValue, {
        body: {
          indicatorId: figure.indicatorId,
          regionCode,
          period,
          ...(fraction
            ? { numerator: num(numerator), denominator: num(denominator) }
            : { value: num(value) }),
          note: note.trim() || null,
        },
      });
      onSaved();
    } catch (err) {
      setError(errorText(err, t));
      setSaving(false);
    }
  }

  return (
    <form className="ind-form stack-sm" onSubmit={submit}>
      {fraction ? (
        <div className="ind-form__row">
          <label htmlFor={`${id}-n`}>
            {t("ind.numerator")}
            <input
              id={`${id}-n`}
              inputMode="decimal"
              value={numerator}
              onChange={(e) => setNumerator(e.target.value)}
              required
            />
          </label>
          <label htmlFor={`${id}-d`}>
            {t("ind.denominator")}
            <input
              id={`${id}-d`}
              inputMode="decimal"
              value={denominator}
              onChange={(e) => setDenominator(e.target.value)}
              required
            />
          </label>
        </div>
      ) : (
        <label htmlFor={`${id}-v`}>
          {t("ind.value")}
          <input
            id={`${id}-v`}
            inputMode="decimal"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            required
          />
        </label>
      )}
      <label htmlFor={`${id}-note`}>
        {t("ind.note")}
        <input id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={saving}>
        {saving ? t("reg.saving") : t("reg.save")}
      </button>
      {history.length > 0 && (
        <details>
          <summary>{t("ind.history", { count: history.length })}</summary>
          <ul className="ind-history">
            {history.map((h) => (
              <li key={h.id} className={h.supersededAt ? "muted" : undefined}>
                {h.value === null ? "–" : formatNumber(h.value, locale)}
                {h.numerator !== null && ` (${h.numerator}/${h.denominator})`} · {h.enteredBy ?? "–"} ·{" "}
                {h.enteredAt.slice(0, 16).replace("T", " ")}
                {h.note && ` · ${h.note}`}
                {h.supersededAt && ` · ${t("ind.superseded")}`}
              </li>
            ))}
          </ul>
        </details>
      )}
    </form>
  );
}
