// /wilayah/:code/skdn?bulan=2025-09 — the SKDN monthly weighing report (posyandu F1/F2): per posyandu of a
// desa (or per desa of a kecamatan) S, K, D, N, T, 2T, O, B, BGM and K/S, D/S, N/D, with the downloads.

import { formatPercent, regionsApi, type SkdnFigures, type SkdnView, skdnApi } from "@tumbuh/core";
import { api, hrefFor, type RegionView } from "../../api";
import { useI18n } from "../../i18n/I18nProvider";
import { intlLocale } from "../../i18n/messages";
import { currentMonth, formatMonth, isMonth, placeTitle, shiftMonth } from "../../kit/format";
import { BackLink, LoadGate, useDocumentTitle } from "../../kit/ui";
import { useLoad } from "../../kit/useLoad";
import { regionKey } from "../../offline/cache";
import { replaceSearchParams, useSearchParam } from "../../router/navigation";
import { regionPath } from "../../router/routes";
import "../../kit/kit.css";
import "./skdn.css";

const COLUMNS = ["S", "K", "D", "N", "T", "2T", "O", "B", "BGM", "K/S", "D/S", "N/D"] as const;

export default function SkdnPage({ code }: { code: string }) {
  const region = useLoad<RegionView>(
    `region:${code}`,
    (s) => api.call(regionsApi.view, { params: { code } }, { signal: s }),
    { cacheKey: regionKey(code) },
  );
  return <LoadGate loaded={region}>{(view) => <Skdn region={view.region} />}</LoadGate>;
}

function Skdn({ region }: { region: RegionView["region"] }) {
  const { t, locale } = useI18n();
  const asked = useSearchParam("bulan");
  // The last complete month by default: the posyandu reports a month once it is over.
  const month = isMonth(asked) ? asked : shiftMonth(currentMonth(), -1);
  useDocumentTitle(`${t("skdn.title")} · ${region.name}`);
  const report = useLoad<SkdnView>(
    `skdn:${region.code}:${month}`,
    (s) => api.call(skdnApi.report, { params: { code: region.code }, query: { month } }, { signal: s }),
    { keepPrevious: true },
  );
  const months = Array.from({ length: 24 }, (_, i) => shiftMonth(currentMonth(), -i));
  if (!months.includes(month)) months.unshift(month);
  return (
    <div className="stack-lg">
      <div className="stack-sm">
        <BackLink to={regionPath(region.code)}>{t("reg.back", { name: region.name })}</BackLink>
        <h1>{t("skdn.title")}</h1>
        <p className="muted">{placeTitle(t(`kind.${region.kind}`), region.name)}</p>
      </div>
      <div className="field skdn-month">
        <label htmlFor="skdn-month">{t("skdn.month")}</label>
        <select
          id="skdn-month"
          value={month}
          onChange={(e) => replaceSearchParams({ bulan: e.target.value })}
        >
          {months.map((m) => (
            <option key={m} value={m}>
              {formatMonth(m, locale)}
            </option>
          ))}
        </select>
      </div>
      <LoadGate loaded={report}>{(view) => <SkdnTable view={view} />}</LoadGate>
      <div className="skdn-downloads">
        {(["xlsx", "pdf"] as const).map((format) => (
          <a
            key={format}
            className="button button--secondary"
            href={hrefFor(skdnApi.export, { params: { code: region.code }, query: { month, format } })}
            download
          >
            {t(format === "xlsx" ? "skdn.downloadXlsx" : "skdn.downloadPdf")}
          </a>
        ))}
      </div>
      <p className="muted skdn-note">{t("skdn.legend")}</p>
      <p className="muted skdn-note">{t("skdn.rule")}</p>
    </div>
  );
}

function SkdnTable({ view }: { view: SkdnView }) {
  const { t, locale } = useI18n();
  const loc = intlLocale[locale];
  if (view.total.s === 0) return <p className="alert alert--info">{t("skdn.empty")}</p>;
  const cells = (f: SkdnFigures) => [
    f.s,
    f.k,
    f.d,
    f.n,
    f.t,
    f.twoT,
    f.o,
    f.b,
    f.bgm,
    formatPercent(f.ks, loc),
    formatPercent(f.ds, loc),
    formatPercent(f.nd, loc),
  ];
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the wide table scrolls sideways by keyboard too
    <section className="skdn-scroll" tabIndex={0} aria-label={t("skdn.title")}>
      <table className="skdn-table" data-testid="skdn-table">
        <thead>
          <tr>
            <th scope="col">{t("skdn.area")}</th>
            {COLUMNS.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.rows.map((r) => (
            <tr key={r.code}>
              <th scope="row">{r.name}</th>
              {cells(r.figures).map((v, i) => (
                <td key={COLUMNS[i]}>{v}</td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("skdn.total")}</th>
            {cells(view.total).map((v, i) => (
              <td key={COLUMNS[i]}>{v}</td>
            ))}
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
