// Indicator dashboard of a regency, kecamatan or desa (Paser Pasal 6–7 and the strategy-matrix annex):
// the child panel (stunting, wasting, underweight with 95% intervals beside measurement coverage), the
// monthly trends, every catalog indicator against its target with a traffic light, the drill-down to the
// next level, a filter per responsible agency, and downloads of every figure.
import {
  type Achievement,
  type DashboardFigure,
  type DashboardQuery,
  type DashboardView,
  formatPercent,
  type IndicatorFigure,
  indicatorsApi,
  type Prevalence,
  periodLabel,
  recentPeriods,
} from "@tumbuh/core";
import { useState } from "react";
import { api, hrefFor } from "../../api";
import { useI18n } from "../../i18n/I18nProvider";
import type { MessageKey } from "../../i18n/messages";
import { currentMonth, formatNumber, shiftMonth } from "../../kit/format";
import { LoadGate, useDocumentTitle } from "../../kit/ui";
import { useLoad } from "../../kit/useLoad";
import { Link, navigate } from "../../router/navigation";
import { indicatorsPath, regionPath } from "../../router/routes";
import { useMe } from "../../session/SessionProvider";
import { DataExchangeSection } from "./DataExchangeSection";
import { EnterValueForm } from "./EnterValueForm";
import { FreshnessNote } from "./FreshnessNote";
import { SurveyFigures } from "./SurveyFigures";
import { TrendChart } from "./TrendChart";
import "./indicators.css";

const STATUS_KEY: Record<Achievement["status"], MessageKey> = {
  green: "ind.status.green",
  amber: "ind.status.amber",
  red: "ind.status.red",
  none: "ind.status.none",
};

/** Below this coverage a posyandu figure is not a prevalence of the desa's children (shown as a warning). */
const LOW_COVERAGE = 60;

/** The demo and most desa report last month's weighing: the dashboard opens on it. */
export function defaultPeriod(now = new Date()): string {
  return shiftMonth(currentMonth(now), -1);
}

export default function DashboardPage({
  code,
  period,
  agency,
}: {
  code: string;
  period: string | null;
  agency: string | null;
}) {
  const { t } = useI18n();
  const p = period ?? defaultPeriod();
  const loaded = useLoad(
    `ind|${code}|${p}|${agency ?? ""}`,
    (signal) =>
      api.call(
        indicatorsApi.dashboard,
        { query: { region: code, period: p, agency: agency ?? undefined } },
        { signal },
      ),
    { keepPrevious: true },
  );
  const name = loaded.state.status === "ready" ? loaded.state.data.region.name : null;
  useDocumentTitle(name ? t("ind.title", { name }) : t("ind.titleShort"));
  return (
    <LoadGate loaded={loaded}>
      {(v) => <Dashboard view={v} agency={agency} reload={loaded.reload} />}
    </LoadGate>
  );
}

function Dashboard({
  view,
  agency,
  reload,
}: {
  view: DashboardView;
  agency: string | null;
  reload: () => void;
}) {
  const { t, locale } = useI18n();
  const stuntingDef = view.indicators.find((f) => f.computation === "stunting_prevalence");
  const coverageDef = view.indicators.find((f) => f.computation === "measurement_coverage");
  const go = (period: string, a: string | null) => navigate(indicatorsPath(view.region.code, period, a));
  const params = { region: view.region.code, period: view.period, agency: agency ?? undefined };
  return (
    <div className="stack-lg ind">
      <nav className="ind-path" aria-label={t("ind.path")}>
        {view.path.map((r, i) => (
          <span key={r.code}>
            {i > 0 && " › "}
            {r.code === view.region.code ? (
              <strong>{r.name}</strong>
            ) : (
              <Link to={indicatorsPath(r.code, view.period, agency)}>{r.name}</Link>
            )}
          </span>
        ))}
      </nav>
      <header className="stack-sm">
        <h1>{t("ind.title", { name: view.region.name })}</h1>
        <p className="muted">
          {t(`level.${view.region.level}` as MessageKey)} · {view.catalog.regulation}
        </p>
        <FreshnessNote freshness={view.freshness} recheck={reload} />
        <div className="ind-controls">
          <label>
            <span>{t("ind.period")}</span>
            <select value={view.period} onChange={(e) => go(e.target.value, agency)}>
              {periodOptions(view.period).map((o) => (
                <option key={o} value={o}>
                  {periodLabel(o, locale)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t("ind.agency")}</span>
            <select value={agency ?? ""} onChange={(e) => go(view.period, e.target.value || null)}>
              <option value="">{t("ind.allAgencies")}</option>
              {view.agencies.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </label>
          <Link to={regionPath(view.region.code)} className="button button--secondary">
            {t("ind.toRegion")}
          </Link>
        </div>
      </header>

      <section aria-labelledby="ind-panel" className="stack">
        <h2 id="ind-panel">{t("ind.panel")}</h2>
        <div className="ind-cards">
          <PrevalenceCard
            title={t("ind.stunting")}
            hint={
              stuntingDef
                ? t("ind.stuntingHint")
                : `${t("ind.stuntingHint")}. ${t("ind.noStuntingTarget", { year: view.period.slice(0, 4) })}`
            }
            p={view.panel.stunting}
            def={stuntingDef}
          />
          <PrevalenceCard title={t("ind.wasting")} hint={t("ind.wastingHint")} p={view.panel.wasting} />
          <PrevalenceCard
            title={t("ind.underweight")}
            hint={t("ind.underweightHint")}
            p={view.panel.underweight}
          />
          <PrevalenceCard
            title={t("ind.coverage")}
            hint={t("ind.coverageHint")}
            p={view.panel.coverage}
            def={coverageDef}
            coverage
          />
        </div>
        {view.panel.coverage.value !== null && view.panel.coverage.value < LOW_COVERAGE && (
          <p className="alert alert--warn">
            {t("ind.lowCoverage", { pct: formatNumber(view.panel.coverage.value, locale) })}
          </p>
        )}
        {view.panel.flagged > 0 && <p className="muted">{t("ind.flagged", { count: view.panel.flagged })}</p>}
        <SurveyFigures view={view} onSaved={reload} />
      </section>

      <section aria-labelledby="ind-trends" className="stack">
        <h2 id="ind-trends">{t("ind.trends")}</h2>
        <div className="ind-trends">
          <TrendChart
            title={t("ind.stunting")}
            points={view.trends.stunting_prevalence ?? []}
            target={stuntingDef?.target ?? null}
            direction="down"
          />
          <TrendChart
            title={t("ind.coverage")}
            points={view.trends.measurement_coverage ?? []}
            target={coverageDef?.target ?? null}
            direction="up"
          />
          <TrendChart
            title={t("ind.wasting")}
            points={view.trends.wasting_prevalence ?? []}
            target={null}
            direction="down"
          />
          <TrendChart
            title={t("ind.underweight")}
            points={view.trends.underweight_prevalence ?? []}
            target={null}
            direction="down"
          />
        </div>
        <Downloads params={params} figure="tren" />
      </section>

      {view.rows.length > 0 && (
        <section aria-labelledby="ind-rows" className="stack">
          <h2 id="ind-rows">{t(view.region.level === "kabupaten" ? "ind.rowsKecamatan" : "ind.rowsDesa")}</h2>
          <DrillDown view={view} agency={agency} stuntingId={stuntingDef?.indicatorId ?? null} />
          <Downloads params={params} figure="wilayah" />
        </section>
      )}

      <section aria-labelledby="ind-list" className="stack">
        <h2 id="ind-list">{agency ? t("ind.listAgency", { agency }) : t("ind.list")}</h2>
        <Legend />
        <ul className="ind-list">
          {view.indicators.map((f) => (
            <IndicatorItem key={f.indicatorId} f={f} view={view} onSaved={reload} />
          ))}
        </ul>
        <Downloads params={params} figure="indikator" />
      </section>
      <DataExchangeSection region={view.region.code} period={view.period} />
    </div>
  );
}

/**
 * The periods offered: the last 24 months, 4 quarters, 4 semesters and 3 years (core period.ts; a longer
 * period counts persons, and its D/S is the mean of its months — the figures' own rules, issue 14).
 */
function periodOptions(current: string): string[] {
  const last = defaultPeriod();
  const months = Array.from({ length: 24 }, (_, i) => shiftMonth(last, -i));
  const at = `${last}-01`;
  const all = [
    ...months,
    ...recentPeriods("quarter", at, 4),
    ...recentPeriods("semester", at, 4),
    ...recentPeriods("year", at, 3),
  ];
  return all.includes(current) ? all : [current, ...all];
}

function PrevalenceCard({
  title,
  hint,
  p,
  def,
  coverage = false,
}: {
  title: string;
  hint: string;
  p: Prevalence;
  def?: IndicatorFigure | undefined;
  coverage?: boolean;
}) {
  const { t, locale } = useI18n();
  const status = def?.status ?? "none";
  return (
    <article className={`ind-card ind-card--${status}`}>
      <h3 className="ind-card__title">{title}</h3>
      <p className="ind-card__value">{formatPercent(p.value, locale)}</p>
      <p className="ind-card__ci">
        {p.ci
          ? t("ind.ci", { lower: formatNumber(p.ci.lower, locale), upper: formatNumber(p.ci.upper, locale) })
          : t("ind.noData")}
      </p>
      <p className="ind-card__n">
        {t(coverage ? "ind.nCoverage" : "ind.nPrevalence", {
          num: p.numerator.toLocaleString(locale === "id" ? "id-ID" : "en-GB"),
          den: p.denominator.toLocaleString(locale === "id" ? "id-ID" : "en-GB"),
        })}
      </p>
      {def && def.target !== null && (
        <p className="ind-card__target">
          <StatusDot status={status} /> {targetText(def, t)} · {t(STATUS_KEY[status])}
        </p>
      )}
      <p className="ind-card__hint muted">{hint}</p>
    </article>
  );
}

function StatusDot({ status }: { status: Achievement["status"] }) {
  const { t } = useI18n();
  return <span className={`dot dot--${status}`} role="img" aria-label={t(STATUS_KEY[status])} />;
}

function Legend() {
  const { t } = useI18n();
  return (
    <p className="ind-legend muted">
      <StatusDot status="green" /> {t("ind.status.green")} <StatusDot status="amber" />{" "}
      {t("ind.status.amber")} <StatusDot status="red" /> {t("ind.status.red")} — {t("ind.legendRule")}
    </p>
  );
}

function DrillDown({
  view,
  agency,
  stuntingId,
}: {
  view: DashboardView;
  agency: string | null;
  stuntingId: string | null;
}) {
  const { t, locale } = useI18n();
  const max = Math.max(1, ...view.rows.map((r) => r.panel.stunting.ci?.upper ?? r.panel.stunting.value ?? 0));
  return (
    <div className="table-scroll">
      <table className="ind-table">
        <thead>
          <tr>
            <th scope="col">{t("ind.col.region")}</th>
            <th scope="col">{t("ind.col.coverage")}</th>
            <th scope="col">{t("ind.col.stunting")}</th>
            <th scope="col" className="ind-table__bar">
              {t("ind.col.ci")}
            </th>
            <th scope="col">{t("ind.col.wasting")}</th>
            <th scope="col">{t("ind.col.underweight")}</th>
          </tr>
        </thead>
        <tbody>
          {view.rows.map((r) => {
            const s = r.panel.stunting;
            const status = stuntingId ? (r.figures[stuntingId]?.status ?? "none") : "none";
            return (
              <tr key={r.region.code}>
                <th scope="row">
                  <Link to={indicatorsPath(r.region.code, view.period, agency)}>{r.region.name}</Link>
                </th>
                <td
                  className={
                    r.panel.coverage.value !== null && r.panel.coverage.value < LOW_COVERAGE
                      ? "ind-low"
                      : undefined
                  }
                >
                  {formatPercent(r.panel.coverage.value, locale)}
                  <span className="muted">
                    {" "}
                    ({r.panel.coverage.numerator}/{r.panel.coverage.denominator})
                  </span>
                </td>
                <td>
                  <StatusDot status={status} /> {formatPercent(s.value, locale)}
                </td>
                <td className="ind-table__bar">
                  {s.ci && s.value !== null && (
                    <svg
                      width="120"
                      height="14"
                      role="img"
                      aria-label={t("ind.ci", {
                        lower: formatNumber(s.ci.lower, locale),
                        upper: formatNumber(s.ci.upper, locale),
                      })}
                    >
                      <line
                        className="ci-range"
                        x1={(120 * s.ci.lower) / max}
                        x2={(120 * s.ci.upper) / max}
                        y1="7"
                        y2="7"
                      />
                      <circle
                        className={`ci-point ci-point--${status}`}
                        cx={(120 * s.value) / max}
                        cy="7"
                        r="4"
                      />
                    </svg>
                  )}
                </td>
                <td>{formatPercent(r.panel.wasting.value, locale)}</td>
                <td>{formatPercent(r.panel.underweight.value, locale)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

const ENTERING_ROLES = ["admin_kabupaten", "tpps_kabupaten", "opd", "tpps_kecamatan"];

function IndicatorItem({
  f,
  view,
  onSaved,
}: {
  f: IndicatorFigure;
  view: DashboardView;
  onSaved: () => void;
}) {
  const { t, locale } = useI18n();
  const me = useMe();
  const [open, setOpen] = useState(false);
  const mayEnter =
    f.mode === "entered" &&
    me.assignments.some(
      (a) =>
        ENTERING_ROLES.includes(a.role) &&
        (a.scope === "" || view.region.code === a.scope || view.region.code.startsWith(`${a.scope}.`)),
    );
  const value =
    f.value === null
      ? "–"
      : f.targetKind === "percent"
        ? formatPercent(f.value, locale)
        : formatNumber(f.value, locale);
  return (
    <li className={`ind-item ind-item--${f.status}`}>
      <div className="ind-item__head">
        <StatusDot status={f.status} />
        <span className="ind-item__text">{f.text}</span>
      </div>
      <div className="ind-item__figures">
        <span className="ind-item__value">{value}</span>
        <span className="muted">{targetText(f, t)}</span>
        {f.ci && (
          <span className="muted">
            {t("ind.ci", {
              lower: formatNumber(f.ci.lower, locale),
              upper: formatNumber(f.ci.upper, locale),
            })}
          </span>
        )}
      </div>
      <div className="ind-item__meta muted">
        {sourceLabel(f, t)} · {f.responsible.join(", ")} ·{" "}
        {f.mode === "computed"
          ? t("ind.computed")
          : f.entered
            ? t("ind.enteredBy", { who: f.entered.enteredBy ?? "–", when: f.entered.enteredAt.slice(0, 10) })
            : t("ind.notEntered")}
      </div>
      {mayEnter && (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
        >
          {open ? t("reg.cancel") : t(f.entered ? "ind.revise" : "ind.enter")}
        </button>
      )}
      {open && (
        <EnterValueForm
          figure={f}
          regionCode={view.region.code}
          period={view.period}
          onSaved={() => {
            setOpen(false);
            onSaved();
          }}
        />
      )}
    </li>
  );
}

/** The target as printed; the annex prints "Target: 80%", Pasal 6 only "21% … pada tahun 2024". */
function targetText(
  f: IndicatorFigure,
  t: (k: MessageKey, v?: Record<string, string | number>) => string,
): string {
  return /^target/i.test(f.targetOriginal)
    ? f.targetOriginal
    : t("ind.targetIs", { target: f.targetOriginal });
}

function sourceLabel(
  f: IndicatorFigure,
  t: (k: MessageKey, v?: Record<string, string | number>) => string,
): string {
  const s = f.source;
  if (s.kind === "pasal7") return t("ind.src.pasal7", { letter: s.letter });
  if (s.kind === "pasal6") return t("ind.src.pasal6", { ayat: s.ayat });
  return t("ind.src.annex", { section: s.section, strategy: s.strategy, number: s.number });
}

function Downloads({ params, figure }: { params: DashboardQuery; figure: DashboardFigure }) {
  const { t } = useI18n();
  return (
    <p className="ind-downloads">
      <span className="muted">{t("ind.download")}</span>{" "}
      <a
        href={hrefFor(indicatorsApi.dashboardExport, { query: { ...params, format: "csv", figure } })}
        download
      >
        CSV
      </a>{" "}
      ·{" "}
      <a href={hrefFor(indicatorsApi.dashboardExport, { query: { ...params, format: "xlsx" } })} download>
        XLSX
      </a>
    </p>
  );
}
