// The yearly public publication of the regency's stunting data (Paser Pasal 9 p; the annex's one
// publication per year). No login: aggregates only, counts of 1–4 shown as "<5" (and complements hidden
// by the server so they cannot be worked out), with the same figures as PDF and CSV.
import { formatPercent, indicatorsApi, type PublicationRow, type PublicationView } from "@tumbuh/core";
import { useEffect, useState } from "react";
import { api, hrefFor, isApiError } from "../../api";
import { useI18n } from "../../i18n/I18nProvider";
import { ErrorPanel, Loading, NotFound, useDocumentTitle } from "../../kit/ui";
import { Link } from "../../router/navigation";
import { publicationPath } from "../../router/routes";
import { PublicAchievements } from "../reports/PublicAchievements";
import { FreshnessNote } from "./FreshnessNote";
import "./indicators.css";

type State =
  | { status: "loading" }
  | { status: "ready"; view: PublicationView }
  | { status: "error"; error: unknown };

export default function PublicationPage({ year: yearParam }: { year: string }) {
  const year = Number(yearParam);
  const { t } = useI18n();
  const [state, setState] = useState<State>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  useDocumentTitle(t("pub.title", { year }));
  useEffect(() => {
    void attempt;
    const c = new AbortController();
    api.call(indicatorsApi.publication, { params: { year } }, { signal: c.signal }).then(
      (view) => setState({ status: "ready", view }),
      (error: unknown) => {
        if (!c.signal.aborted) setState({ status: "error", error });
      },
    );
    return () => c.abort();
  }, [year, attempt]);
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") {
    if (isApiError(state.error) && (state.error.status === 404 || state.error.status === 400))
      return <NotFound />;
    return <ErrorPanel error={state.error} onRetry={() => setAttempt((n) => n + 1)} />;
  }
  return <Publication view={state.view} recheck={() => setAttempt((n) => n + 1)} />;
}

function Publication({ view, recheck }: { view: PublicationView; recheck: () => void }) {
  const { t, locale } = useI18n();
  const regency = view.rows[0];
  const kecamatan = view.rows.filter((r) => r.level === "kecamatan");
  const thisYear = new Date().getUTCFullYear();
  return (
    <div className="stack-lg ind pub">
      <header className="stack-sm">
        <h1>{t("pub.heading", { name: view.regency.name, year: view.year })}</h1>
        <p>{t("pub.intro")}</p>
        <FreshnessNote freshness={view.freshness} recheck={recheck} />
        <nav className="pub-years" aria-label={t("pub.years")}>
          {[thisYear, thisYear - 1, thisYear - 2].map((y) =>
            y === view.year ? (
              <strong key={y}>{y}</strong>
            ) : (
              <Link key={y} to={publicationPath(y)}>
                {y}
              </Link>
            ),
          )}
        </nav>
        <p className="ind-downloads">
          <a
            className="button button--primary"
            href={hrefFor(indicatorsApi.publicationPdf, { params: { year: view.year } })}
            download
          >
            {t("pub.pdf")}
          </a>{" "}
          <a
            className="button button--secondary"
            href={hrefFor(indicatorsApi.publicationCsv, { params: { year: view.year } })}
            download
          >
            {t("pub.csv")}
          </a>
        </p>
      </header>

      {regency && (
        <section className="ind-cards" aria-label={t("pub.summary")}>
          <Figure label={t("ind.stunting")} value={regency.stunting} count={regency.stunted} />
          <Figure label={t("ind.wasting")} value={regency.wasting} count={regency.wasted} />
          <Figure label={t("ind.underweight")} value={regency.underweightPct} count={regency.underweight} />
          <Figure label={t("ind.coverage")} value={regency.coverage} count={regency.measured} />
        </section>
      )}

      <section className="stack" aria-labelledby="pub-chart">
        <h2 id="pub-chart">{t("pub.byKecamatan")}</h2>
        <Bars rows={kecamatan} />
      </section>

      <section className="stack" aria-labelledby="pub-table">
        <h2 id="pub-table">{t("pub.table")}</h2>
        <p className="muted">{t("pub.suppressed")}</p>
        <div className="table-scroll">
          <table className="ind-table pub-table">
            <thead>
              <tr>
                <th scope="col">{t("ind.col.region")}</th>
                <th scope="col">{t("pub.col.registered")}</th>
                <th scope="col">{t("pub.col.measured")}</th>
                <th scope="col">{t("ind.col.coverage")}</th>
                <th scope="col">{t("pub.col.stunted")}</th>
                <th scope="col">{t("ind.col.stunting")}</th>
                <th scope="col">{t("pub.col.wasted")}</th>
                <th scope="col">{t("pub.col.underweight")}</th>
              </tr>
            </thead>
            <tbody>
              {view.rows.map((r) => (
                <tr key={r.code} className={`pub-row--${r.level}`}>
                  <th scope="row">{r.level === "kecamatan" ? t("pub.kec", { name: r.name }) : r.name}</th>
                  <td>{count(r.registered, locale)}</td>
                  <td>{count(r.measured, locale)}</td>
                  <td>{formatPercent(r.coverage, locale)}</td>
                  <td>{count(r.stunted, locale)}</td>
                  <td>{formatPercent(r.stunting, locale)}</td>
                  <td>{count(r.wasted, locale)}</td>
                  <td>{count(r.underweight, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="muted">{t("pub.method")}</p>
      </section>
      <PublicAchievements year={view.year} />
    </div>
  );
}

const count = (c: number | null, locale: "id" | "en") =>
  c === null ? "<5" : c.toLocaleString(locale === "id" ? "id-ID" : "en-GB");

function Figure({ label, value, count: n }: { label: string; value: number | null; count: number | null }) {
  const { t, locale } = useI18n();
  return (
    <article className="ind-card">
      <h3 className="ind-card__title">{label}</h3>
      <p className="ind-card__value">{formatPercent(value, locale)}</p>
      <p className="ind-card__n">{t("pub.children", { count: count(n, locale) })}</p>
    </article>
  );
}

/** Stunting prevalence per kecamatan as horizontal bars (SVG; "–" where suppressed). */
function Bars({ rows }: { rows: PublicationRow[] }) {
  const { t, locale } = useI18n();
  const max = Math.max(10, ...rows.map((r) => r.stunting ?? 0));
  const rowH = 26;
  return (
    <svg
      className="pub-bars"
      viewBox={`0 0 360 ${rows.length * rowH + 4}`}
      role="img"
      aria-label={t("pub.byKecamatan")}
    >
      {rows.map((r, i) => {
        const w = r.stunting === null ? 0 : (200 * r.stunting) / max;
        return (
          <g key={r.code} transform={`translate(0 ${i * rowH + 2})`}>
            <text x="108" y="16" textAnchor="end">
              {r.name.length > 17 ? `${r.name.slice(0, 16)}…` : r.name}
            </text>
            <rect x="114" y="4" width={Math.max(w, 1)} height="16" rx="3" className="pub-bar" />
            <text x={118 + w} y="16">
              {formatPercent(r.stunting, locale)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
