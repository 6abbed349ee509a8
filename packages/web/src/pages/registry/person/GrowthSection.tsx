import { CHART_INDICATORS, type ChartIndicator, type ChartView, personsApi } from "@tumbuh/core";
import { useId, useState } from "react";
import { api, hrefFor } from "../../../api";
import { GrowthChart } from "../../../components/GrowthChart/GrowthChart";
import { useI18n } from "../../../i18n/I18nProvider";
import { LoadGate } from "../../../kit/ui";
import { useLoad } from "../../../kit/useLoad";

/** TB/U · BB/U · BB/PB-TB tabs over one chart. `version` changes after a new measurement. */
export function GrowthSection({
  personId,
  version,
  count,
}: {
  personId: string;
  version: number;
  count: number;
}) {
  const { t } = useI18n();
  const [indicator, setIndicator] = useState<ChartIndicator>("tbu");
  const headingId = useId();
  const panelId = useId();
  const chart = useLoad<ChartView>(
    `chart:${personId}:${indicator}:${version}`,
    (s) => api.call(personsApi.chart, { params: { id: personId }, query: { indicator } }, { signal: s }),
    { cacheKey: `chart:${personId}:${indicator}`, keepPrevious: true },
  );
  return (
    <section className="stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("growth.title")}</h2>
      <fieldset className="segmented">
        <legend className="sr-only">{t("growth.title")}</legend>
        {CHART_INDICATORS.map((ix) => (
          <button
            key={ix}
            type="button"
            aria-pressed={ix === indicator}
            aria-controls={panelId}
            onClick={() => setIndicator(ix)}
          >
            {t(`growth.tab.${ix}`)}
          </button>
        ))}
      </fieldset>
      <div id={panelId} className="stack-sm">
        <p className="muted">{t(`growth.name.${indicator}`)}</p>
        <LoadGate loaded={chart}>
          {(view) => (
            <div className={chart.state.status === "ready" && chart.state.stale ? "is-stale" : undefined}>
              {(view.points.length === 0 || count === 0) && <p className="muted">{t("growth.empty")}</p>}
              <GrowthChart view={view} title={t(`growth.name.${view.indicator}`)} />
            </div>
          )}
        </LoadGate>
      </div>
      {count > 0 && (
        <a
          className="button button--secondary"
          href={hrefFor(personsApi.growthCard, { params: { id: personId } })}
          download
        >
          {t("growth.card")}
        </a>
      )}
    </section>
  );
}
