// /wilayah/:code/scorecard?periode=2025-09 — the KPM convergence scorecard (PALI Pasal 30b, 37; Paser
// Pasal 36): for a desa or posyandu one row per target and one column per indicator (the KPM's table);
// for a kecamatan or the regency the totals per area, each a link down. Period and the chosen "missing"
// indicator live in the URL.

import {
  periodLabel as corePeriodLabel,
  formatPercent,
  indicatorsOf,
  isPeriod,
  missingByIndicator,
  regionsApi,
  SCORE_GROUP_LABELS,
  type ScoreCell,
  type ScorecardRowView,
  type ScorecardView,
  type ServiceCatalog,
  type ServiceIndicator,
  servicesApi,
} from "@tumbuh/core";
import { useState } from "react";
import { api, hrefFor, type RegionView } from "../../api";
import { useI18n } from "../../i18n/I18nProvider";
import { intlLocale } from "../../i18n/messages";
import { placeTitle } from "../../kit/format";
import { BackLink, LoadGate, useDocumentTitle } from "../../kit/ui";
import { useLoad } from "../../kit/useLoad";
import { regionKey } from "../../offline/cache";
import { Link, replaceSearchParams, useSearchParam } from "../../router/navigation";
import { recordServicePath, regionPath, scorecardPath } from "../../router/routes";
import { FreshnessNote } from "../indicators/FreshnessNote";
import { CellExplanation, type PickedCell } from "./CellExplanation";
import { periodChoices, periodFrom } from "./period";
import "../../kit/kit.css";
import "./services.css";

export default function ScorecardPage({ code }: { code: string }) {
  const region = useLoad<RegionView>(
    `region:${code}`,
    (s) => api.call(regionsApi.view, { params: { code } }, { signal: s }),
    {
      cacheKey: regionKey(code),
    },
  );
  return <LoadGate loaded={region}>{(view) => <Scorecard region={view.region} />}</LoadGate>;
}

function usePeriodLabel() {
  const { locale } = useI18n();
  // Core periodLabel: "Juni 2026", "Triwulan III 2026", "Semester I 2026", "Tahun 2026".
  return (p: string) => (isPeriod(p) ? corePeriodLabel(p, locale) : p);
}

function Scorecard({ region }: { region: RegionView["region"] }) {
  const { t } = useI18n();
  const code = region.code;
  const period = periodFrom(useSearchParam("periode"));
  const periodLabel = usePeriodLabel();
  useDocumentTitle(`${t("svc.title")} · ${region.name}`);
  const card = useLoad<ScorecardView>(
    `scorecard:${code}:${period}`,
    (s) => api.call(servicesApi.scorecard, { params: { code }, query: { period } }, { signal: s }),
    { cacheKey: `scorecard:${code}:${period}`, keepPrevious: true },
  );
  const catalog = useLoad<ServiceCatalog>(
    `catalog:${code}`,
    (s) => api.call(servicesApi.catalog, { query: { region: code } }, { signal: s }),
    { cacheKey: `service-catalog:${code}` },
  );
  const choices = periodChoices();
  if (!choices.includes(period)) choices.unshift(period);

  return (
    <div className="stack-lg">
      <div className="stack-sm">
        <BackLink to={regionPath(code)}>{t("reg.back", { name: region.name })}</BackLink>
        <h1>{t("svc.title")}</h1>
        <p className="muted">{placeTitle(t(`kind.${region.kind}`), region.name)}</p>
      </div>
      <div className="field scorecard-period">
        <label htmlFor="scorecard-period">{t("svc.period")}</label>
        <select
          id="scorecard-period"
          value={period}
          onChange={(e) => replaceSearchParams({ periode: e.target.value })}
        >
          {choices.map((p) => (
            <option key={p} value={p}>
              {periodLabel(p)}
            </option>
          ))}
        </select>
      </div>
      <LoadGate loaded={catalog}>
        {(cat) => (
          <LoadGate loaded={card}>
            {(view) => (
              <>
                {/* A regency's or kecamatan's figures come from the last build (issue 14): say how fresh. */}
                {view.freshness && <FreshnessNote freshness={view.freshness} recheck={card.reload} />}
                <ScorecardBody view={view} catalog={cat} />
              </>
            )}
          </LoadGate>
        )}
      </LoadGate>
    </div>
  );
}

function ScorecardBody({ view, catalog }: { view: ScorecardView; catalog: ServiceCatalog }) {
  const { t, locale } = useI18n();
  const [picked, setPicked] = useState<PickedCell | null>(null);
  const loc = intlLocale[locale];
  const totals = view.totals;
  return (
    <div className="stack-lg">
      <section className="scorecard-summary" aria-labelledby="scorecard-overall">
        <h2 id="scorecard-overall" className="scorecard-summary__label">
          {t("svc.overall")}
        </h2>
        <p className="scorecard-summary__value" data-testid="convergence">
          {formatPercent(totals.percent, loc)}
        </p>
        <p className="muted">
          {t("svc.overallDetail", { y: totals.y, applicable: totals.y + totals.t, targets: totals.targets })}
        </p>
        <ul className="scorecard-groups">
          {totals.groups.map((g) => (
            <li key={g.group}>
              <span className="scorecard-groups__name">{SCORE_GROUP_LABELS[g.group][locale]}</span>
              <span className="scorecard-groups__value">{formatPercent(g.percent, loc)}</span>
              <span className="muted">{t("svc.targets", { n: g.targets })}</span>
            </li>
          ))}
        </ul>
      </section>
      <div className="scorecard-downloads">
        <a
          className="button button--secondary"
          href={hrefFor(servicesApi.scorecardExport, {
            params: { code: view.regionCode },
            query: { period: view.period, format: "xlsx" },
          })}
          download
        >
          {t("svc.downloadXlsx")}
        </a>
        <a
          className="button button--secondary"
          href={hrefFor(servicesApi.scorecardExport, {
            params: { code: view.regionCode },
            query: { period: view.period, format: "pdf" },
          })}
          download
        >
          {t("svc.downloadPdf")}
        </a>
      </div>
      {totals.targets === 0 && <p className="alert alert--info">{t("svc.noTargets")}</p>}
      {view.rows !== null && totals.targets > 0 && (
        <>
          <details className="scorecard-legend" open>
            <summary>{t("svc.legendTitle")}</summary>
            <ul className="plain-list stack-sm">
              <li>{t("svc.legend.Y")}</li>
              <li>{t("svc.legend.T")}</li>
              <li>{t("svc.legend.TS")}</li>
            </ul>
            <p className="muted">{t("svc.legendTap")}</p>
          </details>
          {totals.groups
            .filter((g) => g.targets > 0)
            .map((g) => (
              <GroupTable
                key={g.group}
                view={view}
                indicators={indicatorsOf(catalog, g.group)}
                rows={(view.rows ?? []).filter((r) => r.group === g.group)}
                title={SCORE_GROUP_LABELS[g.group][locale]}
                totals={g}
                onPick={setPicked}
              />
            ))}
          {picked && (
            <CellExplanation
              key={`${picked.personId}:${picked.indicator}`}
              code={view.regionCode}
              period={view.period}
              picked={picked}
              onClose={() => setPicked(null)}
            />
          )}
          <MissingLists view={view} catalog={catalog} />
        </>
      )}
      {view.areas.length > 0 && <AreaTable view={view} />}
      <p className="muted scorecard-legend">{t("svc.formula")}</p>
      <p className="muted scorecard-legend">{view.catalog.regulation}</p>
    </div>
  );
}

const CELL_CLASS: Record<ScoreCell, string> = { Y: "cell-y", T: "cell-t", TS: "cell-ts" };

function Cells({ cells, onPick, label }: { cells: (ScoreCell | null)[]; onPick: () => void; label: string }) {
  const { t } = useI18n();
  // One button for the indicator's cells of the period: tapping explains every month of it.
  return (
    <button
      type="button"
      className="cell-button"
      onClick={onPick}
      aria-label={t("svc.why.open", { what: label })}
    >
      <CellMarks cells={cells} />
    </button>
  );
}

function CellMarks({ cells }: { cells: (ScoreCell | null)[] }) {
  return (
    <>
      {cells.map((c, i) =>
        c === null ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: one slot per month of the period
          <span key={i} className="cell cell-none">
            –
          </span>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: one slot per month of the period
          <span key={i} className={`cell ${CELL_CLASS[c]}`}>
            {c}
          </span>
        ),
      )}
    </>
  );
}

function GroupTable({
  view,
  indicators,
  rows,
  title,
  totals,
  onPick,
}: {
  view: ScorecardView;
  indicators: ServiceIndicator[];
  rows: ScorecardRowView[];
  title: string;
  totals: ScorecardView["totals"]["groups"][number];
  onPick: (cell: PickedCell) => void;
}) {
  const { t, locale } = useI18n();
  const loc = intlLocale[locale];
  const id = `scorecard-${totals.group}`;
  return (
    // The scrolling table is the labelled region; its wrapper is not a second one.
    <div className="stack-sm">
      <h2 id={id}>
        {title} <span className="muted">· {t("svc.targets", { n: totals.targets })}</span>
      </h2>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the wide table scrolls sideways by keyboard too */}
      <section className="scorecard-scroll" tabIndex={0} aria-labelledby={id}>
        <table className="scorecard-table">
          <thead>
            <tr>
              <th scope="col" className="scorecard-table__name">
                {t("svc.name")}
              </th>
              {indicators.map((ind) => (
                <th key={ind.code} scope="col" title={ind.label[locale]}>
                  <abbr title={ind.label[locale]}>{ind.short}</abbr>
                </th>
              ))}
              <th scope="col">{t("svc.percent")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.personId}-${r.group}`}>
                <th scope="row" className="scorecard-table__name">
                  <Link to={recordServicePath(r.personId)}>{r.name}</Link>
                  {view.regionLevel !== "posyandu" && (
                    <span className="scorecard-table__place">{placeOf(r, view)}</span>
                  )}
                </th>
                {indicators.map((ind) => (
                  <td key={ind.code}>
                    <Cells
                      cells={r.cells[ind.code] ?? []}
                      label={`${r.name}: ${ind.label[locale]}`}
                      onPick={() => onPick({ personId: r.personId, indicator: ind.code })}
                    />
                  </td>
                ))}
                <td className="scorecard-table__pct">{formatPercent(r.percent, loc)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" className="scorecard-table__name">
                {t("svc.sumY")}
              </th>
              {indicators.map((ind) => (
                <td key={ind.code}>{totals.indicators[ind.code]?.y ?? 0}</td>
              ))}
              <td>{totals.y}</td>
            </tr>
            <tr>
              <th scope="row" className="scorecard-table__name">
                {t("svc.percent")}
              </th>
              {indicators.map((ind) => (
                <td key={ind.code}>{formatPercent(totals.indicators[ind.code]?.percent ?? null, loc)}</td>
              ))}
              <td className="scorecard-table__pct">{formatPercent(totals.percent, loc)}</td>
            </tr>
          </tfoot>
        </table>
      </section>
    </div>
  );
}

/** The posyandu/dusun a target is registered at, by name (from the per-area table); the desa itself shows nothing. */
function placeOf(r: ScorecardRowView, view: ScorecardView): string {
  if (r.regionCode === view.regionCode) return "";
  const area = view.areas.find((a) => r.regionCode === a.code || r.regionCode.startsWith(`${a.code}.`));
  return area && area.code !== view.regionCode ? area.name : "";
}

function MissingLists({ view, catalog }: { view: ScorecardView; catalog: ServiceCatalog }) {
  const { t, locale } = useI18n();
  const chosen = useSearchParam("indikator");
  const lists = missingByIndicator(catalog, view.rows ?? []);
  const withMissing = lists.filter((l) => l.rows.length > 0);
  const current = lists.find((l) => l.indicator.code === chosen) ?? withMissing[0] ?? lists[0];
  if (!current) return null;
  return (
    <section className="stack-sm" aria-labelledby="scorecard-missing">
      <h2 id="scorecard-missing">{t("svc.missing")}</h2>
      <p className="muted">{t("svc.missingHint")}</p>
      <div className="field">
        <label htmlFor="missing-indicator">{t("svc.missingIndicator")}</label>
        <select
          id="missing-indicator"
          value={current.indicator.code}
          onChange={(e) => replaceSearchParams({ indikator: e.target.value })}
        >
          {lists.map((l) => (
            <option key={l.indicator.code} value={l.indicator.code}>
              {SCORE_GROUP_LABELS[l.indicator.group][locale]} — {l.indicator.label[locale]} ({l.rows.length})
            </option>
          ))}
        </select>
      </div>
      {current.rows.length === 0 ? (
        <p className="alert alert--ok">{t("svc.missingNone")}</p>
      ) : (
        <>
          <p>
            <strong>{t("svc.missingCount", { n: current.rows.length })}</strong>
          </p>
          <ul className="link-list" data-testid="missing-list">
            {current.rows.map((r) => (
              <li key={`${r.personId}-${r.group}`}>
                <Link to={recordServicePath(r.personId)} className="link-card">
                  <span className="link-card__body">
                    <span className="link-card__title">{r.name}</span>
                    <span className="link-card__meta">
                      {current.indicator.label[locale]} · {t("svc.record")}
                    </span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function AreaTable({ view }: { view: ScorecardView }) {
  const { t, locale } = useI18n();
  const loc = intlLocale[locale];
  return (
    <div className="stack-sm">
      <h2 id="scorecard-areas">{t("svc.areas")}</h2>
      <p className="muted">{t("svc.areaHint")}</p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the wide table scrolls sideways by keyboard too */}
      <section className="scorecard-scroll" tabIndex={0} aria-labelledby="scorecard-areas">
        <table className="scorecard-table scorecard-table--areas">
          <thead>
            <tr>
              <th scope="col" className="scorecard-table__name">
                {t("svc.areaName")}
              </th>
              <th scope="col">{t("svc.areaTargets")}</th>
              <th scope="col">{t("svc.overall")}</th>
              {view.totals.groups.map((g) => (
                <th key={g.group} scope="col" title={SCORE_GROUP_LABELS[g.group][locale]}>
                  {t(`svc.group.${g.group}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.areas.map((a) => (
              <tr key={a.code}>
                <th scope="row" className="scorecard-table__name">
                  {a.code === view.regionCode ? (
                    a.name
                  ) : (
                    <Link to={`${scorecardPath(a.code)}?periode=${encodeURIComponent(view.period)}`}>
                      {a.name}
                    </Link>
                  )}
                </th>
                <td>{a.totals.targets}</td>
                <td className="scorecard-table__pct">{formatPercent(a.totals.percent, loc)}</td>
                {a.totals.groups.map((g) => (
                  <td key={g.group}>{formatPercent(g.percent, loc)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
