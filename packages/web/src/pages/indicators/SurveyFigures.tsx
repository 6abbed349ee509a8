// Survey prevalence beside the registry's (Paser Pasal 6(2): the targets are judged on SSGI/SKI results).
// Everyone who reads the dashboard sees the year's survey figures; the regency's admin or TPPS enters them.
import {
  type DashboardView,
  indicatorsApi,
  parseDecimal,
  SURVEY_LABELS,
  SURVEYS,
  type Survey,
} from "@tumbuh/core";
import { useId, useState } from "react";
import { api } from "../../api";
import { errorText } from "../../api/errorMessages";
import { useI18n } from "../../i18n/I18nProvider";
import { formatNumber } from "../../kit/format";
import { useMe } from "../../session/SessionProvider";

const ENTERING = ["admin_kabupaten", "tpps_kabupaten"];

export function SurveyFigures({ view, onSaved }: { view: DashboardView; onSaved: () => void }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const id = useId();
  const year = Number(view.period.slice(0, 4));
  const [open, setOpen] = useState(false);
  const [survey, setSurvey] = useState<Survey>("ski");
  const [value, setValue] = useState("");
  const [lower, setLower] = useState("");
  const [upper, setUpper] = useState("");
  const [source, setSource] = useState("");
  const [error, setError] = useState<string | null>(null);
  const mayEnter =
    view.region.level === "kabupaten" &&
    me.assignments.some(
      (a) => ENTERING.includes(a.role) && (a.scope === "" || view.region.code.startsWith(a.scope)),
    );
  const pct = (n: number) => `${formatNumber(n, locale, 1)} %`;

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    const v = parseDecimal(value);
    const lo = lower.trim() ? parseDecimal(lower) : null;
    const hi = upper.trim() ? parseDecimal(upper) : null;
    if (v === null) {
      setError(t("ind.survey.valueRequired"));
      return;
    }
    try {
      await api.call(indicatorsApi.enterSurveyFigure, {
        body: { regionCode: view.region.code, year, survey, value: v, ciLower: lo, ciUpper: hi, source },
      });
      setOpen(false);
      onSaved();
    } catch (err) {
      setError(errorText(err, t));
    }
  }

  const surveys = view.surveys ?? [];
  return (
    <div className="stack-sm" data-testid="survey-figures">
      <h3>{t("ind.survey.title", { year: String(year) })}</h3>
      {surveys.length === 0 ? (
        <p className="muted">{t("ind.survey.none")}</p>
      ) : (
        <ul>
          {surveys.map((s) => (
            <li key={s.id}>
              <strong>
                {SURVEY_LABELS[s.survey]} {s.year}: {pct(s.value)}
              </strong>
              {s.ciLower !== null && s.ciUpper !== null
                ? ` (${t("ind.survey.ci")} ${pct(s.ciLower)}–${pct(s.ciUpper)})`
                : ""}
              <span className="muted"> · {s.source}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="muted">{t("ind.survey.why")}</p>
      {mayEnter && !open && (
        <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          {t("ind.survey.enter")}
        </button>
      )}
      {mayEnter && open && (
        <form className="stack-sm" onSubmit={save} noValidate>
          <label htmlFor={`${id}-s`}>{t("ind.survey.survey")}</label>
          <select id={`${id}-s`} value={survey} onChange={(e) => setSurvey(e.target.value as Survey)}>
            {SURVEYS.map((s) => (
              <option key={s} value={s}>
                {SURVEY_LABELS[s]}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-v`}>{t("ind.survey.value")}</label>
          <input
            id={`${id}-v`}
            inputMode="decimal"
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
          <label htmlFor={`${id}-lo`}>{t("ind.survey.lower")}</label>
          <input
            id={`${id}-lo`}
            inputMode="decimal"
            value={lower}
            onChange={(e) => setLower(e.target.value)}
          />
          <label htmlFor={`${id}-hi`}>{t("ind.survey.upper")}</label>
          <input
            id={`${id}-hi`}
            inputMode="decimal"
            value={upper}
            onChange={(e) => setUpper(e.target.value)}
          />
          <label htmlFor={`${id}-src`}>{t("ind.survey.source")}</label>
          <input id={`${id}-src`} value={source} onChange={(e) => setSource(e.target.value)} />
          {error && <p role="alert">{error}</p>}
          <button type="submit" className="button button--primary">
            {t("ind.survey.save")}
          </button>
        </form>
      )}
    </div>
  );
}
