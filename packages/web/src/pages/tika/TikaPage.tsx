// /wilayah/:code/tika?periode=2025-Q3 — tika pertumbuhan results of a posyandu, desa or wider area (PALI
// 64/2021 Pasal 40 ayat (2) d–f, (4); Pasal 37 monthly): children 0–23 months merah / kuning / hijau, not
// measured, and how many results came from a length instead of the mat, per area one level down.
import {
  isPeriod,
  type PeriodKind,
  periodKind,
  periodLabel,
  recentPeriods,
  regionsApi,
  type TikaCounts,
  type TikaCountsView,
  tikaApi,
} from "@tumbuh/core";
import { api, hrefFor, type RegionView } from "../../api";
import { useI18n } from "../../i18n/I18nProvider";
import type { MessageKey } from "../../i18n/messages";
import { todayIso } from "../../kit/format";
import { BackLink, LoadGate, useDocumentTitle } from "../../kit/ui";
import { useLoad } from "../../kit/useLoad";
import { regionKey } from "../../offline/cache";
import { replaceSearchParams, useSearchParam } from "../../router/navigation";
import { regionPath } from "../../router/routes";
import "../../kit/kit.css";
import "./tika.css";

const KINDS: readonly PeriodKind[] = ["month", "quarter", "semester", "year"];
const COLUMNS = ["children", "merah", "kuning", "hijau", "notMeasured", "fromLength"] as const;
const HEADINGS: Record<(typeof COLUMNS)[number], MessageKey> = {
  children: "tika.children",
  merah: "tika.short.merah",
  kuning: "tika.short.kuning",
  hijau: "tika.short.hijau",
  notMeasured: "tika.notMeasured",
  fromLength: "tika.fromLengthCol",
};

export default function TikaPage({ code }: { code: string }) {
  const region = useLoad<RegionView>(
    `region:${code}`,
    (s) => api.call(regionsApi.view, { params: { code } }, { signal: s }),
    { cacheKey: regionKey(code) },
  );
  return <LoadGate loaded={region}>{(view) => <Tika region={view.region} />}</LoadGate>;
}

function Tika({ region }: { region: RegionView["region"] }) {
  const { t, locale } = useI18n();
  const asked = useSearchParam("periode");
  // The last complete month by default: the KPM reports a month once it is over (Pasal 37).
  const period = asked && isPeriod(asked) ? asked : (recentPeriods("month", todayIso(), 2)[1] as string);
  const kind = periodKind(period);
  useDocumentTitle(`${t("tika.countsTitle")} · ${region.name}`);
  const report = useLoad<TikaCountsView>(
    `tika:${region.code}:${period}`,
    (s) => api.call(tikaApi.counts, { params: { code: region.code }, query: { period } }, { signal: s }),
    { keepPrevious: true },
  );
  const periods = recentPeriods(kind, todayIso(), kind === "year" ? 4 : 12);
  if (!periods.includes(period)) periods.unshift(period);
  return (
    <div className="stack-lg">
      <div className="stack-sm">
        <BackLink to={regionPath(region.code)}>{t("reg.back", { name: region.name })}</BackLink>
        <h1>{t("tika.countsTitle")}</h1>
        <p className="muted">
          {t(`kind.${region.kind}`)} {region.name}
        </p>
        <p className="tika-note">{t("tika.intro")}</p>
      </div>
      <div className="tika-periods">
        <div className="field">
          <label htmlFor="tika-kind">{t("tika.periodKind")}</label>
          <select
            id="tika-kind"
            value={kind}
            onChange={(e) => {
              const k = e.target.value as PeriodKind;
              replaceSearchParams({
                periode: recentPeriods(k, todayIso(), 2)[k === "year" ? 0 : 1] as string,
              });
            }}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`tika.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="tika-period">{t("tika.period")}</label>
          <select
            id="tika-period"
            value={period}
            onChange={(e) => replaceSearchParams({ periode: e.target.value })}
          >
            {periods.map((p) => (
              <option key={p} value={p}>
                {periodLabel(p, locale)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <LoadGate loaded={report}>{(view) => <TikaTable view={view} />}</LoadGate>
      <a
        className="button button--secondary"
        href={hrefFor(tikaApi.export, { params: { code: region.code }, query: { period, format: "csv" } })}
        download
      >
        {t("tika.download")}
      </a>
      <p className="muted tika-note">{t("tika.how")}</p>
    </div>
  );
}

function TikaTable({ view }: { view: TikaCountsView }) {
  const { t } = useI18n();
  if (view.total.children === 0) return <p className="alert alert--info">{t("tika.empty")}</p>;
  const cells = (c: TikaCounts) => COLUMNS.map((k) => c[k]);
  return (
    <>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the wide table scrolls sideways by keyboard too */}
      <section className="tika-scroll" tabIndex={0} aria-label={t("tika.countsTitle")}>
        <table className="tika-table" data-testid="tika-table">
          <thead>
            <tr>
              <th scope="col">{t("tika.area")}</th>
              {COLUMNS.map((c) => (
                <th key={c} scope="col">
                  {c === "merah" || c === "kuning" || c === "hijau" ? (
                    <span className={`tika-dot tika-dot--${c}`} aria-hidden="true" />
                  ) : null}
                  {t(HEADINGS[c])}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.rows.map((r) => (
              <tr key={r.code}>
                <th scope="row">{r.name}</th>
                {cells(r.counts).map((v, i) => (
                  <td key={COLUMNS[i]}>{v}</td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("tika.total")}</th>
              {cells(view.total).map((v, i) => (
                <td key={COLUMNS[i]}>{v}</td>
              ))}
            </tr>
          </tfoot>
        </table>
      </section>
      {/* At phone width the same figures as one card per area (the table hides there: see tika.css). */}
      <ul className="tika-cards" data-testid="tika-cards">
        {[
          ...view.rows.map((r) => ({ key: r.code, name: r.name, c: r.counts, total: false })),
          { key: "total", name: t("tika.total"), c: view.total, total: true },
        ].map((r) => (
          <li key={r.key} className={r.total ? "card tika-card tika-card--total" : "card tika-card"}>
            <strong>{r.name}</strong>
            <dl>
              {COLUMNS.map((k) => (
                <div key={k}>
                  <dt>
                    {k === "merah" || k === "kuning" || k === "hijau" ? (
                      <span className={`tika-dot tika-dot--${k}`} aria-hidden="true" />
                    ) : null}
                    {t(HEADINGS[k])}
                  </dt>
                  <dd>{r.c[k]}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
      <p className="muted tika-note">
        {t("tika.rule", { source: view.rule.source })} {!view.rule.confirmed && t("tika.unconfirmed")}
      </p>
    </>
  );
}
