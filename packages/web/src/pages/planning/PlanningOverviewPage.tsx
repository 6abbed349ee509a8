import {
  formatPercent,
  type Overview,
  planningApi,
  regionsApi,
  STAGE_CODES,
  type StageCode,
} from "@tumbuh/core";
import { api, hrefFor } from "../../api";
import { useI18n } from "../../i18n/I18nProvider";
import type { MessageKey } from "../../i18n/messages";
import { BackLink, LoadGate, useDocumentTitle } from "../../kit/ui";
import { useLoad } from "../../kit/useLoad";
import { Link, replaceSearchParams, useSearchParam } from "../../router/navigation";
import { planningPath, regionPath } from "../../router/routes";
import { useMe } from "../../session/SessionProvider";
import { canReview } from "./access";
import { rupiah } from "./format";
import { RegencyRembukSection } from "./RegencyRembuk";
import { ShareChart } from "./ShareChart";
import "../../kit/kit.css";
import "./planning.css";

/** Stage status of every desa/kelurahan under a kecamatan or the regency, late villages, stunting budget share. */
export default function PlanningOverviewPage({ code }: { code: string }) {
  const { t } = useI18n();
  const me = useMe();
  const thisYear = new Date().getUTCFullYear();
  const year = Number(useSearchParam("tahun") ?? thisYear) || thisYear;
  const loaded = useLoad<{ overview: Overview; name: string; level: string }>(
    `overview:${code}:${year}`,
    async (s) => {
      const [overview, region] = await Promise.all([
        api.call(planningApi.overview, { query: { region: code, year } }, { signal: s }),
        api.call(regionsApi.view, { params: { code } }, { signal: s }),
      ]);
      return { overview, name: region.region.name, level: region.region.level };
    },
  );
  useDocumentTitle(t("po.title", { year, budgetYear: year + 1, name: "" }));
  return (
    <div className="stack-lg">
      <BackLink to={regionPath(code)}>{t("reg.backRegion")}</BackLink>
      <LoadGate loaded={loaded}>
        {({ overview, name, level }) => (
          <>
            <OverviewBody overview={overview} name={name} year={year} thisYear={thisYear} />
            {level === "kabupaten" && (
              <RegencyRembukSection code={code} year={year} editable={canReview(me.assignments, code)} />
            )}
          </>
        )}
      </LoadGate>
    </div>
  );
}

function applies(kind: "desa" | "kelurahan", s: StageCode): boolean {
  return kind === "desa" ? s !== "usulan_kelurahan" && s !== "apbd" : s !== "rkp_desa" && s !== "apb_desa";
}

function OverviewBody({
  overview,
  name,
  year,
  thisYear,
}: {
  overview: Overview;
  name: string;
  year: number;
  thisYear: number;
}) {
  const { t } = useI18n();
  const stageCodes = STAGE_CODES.filter((s) => overview.rows.some((r) => applies(r.kind, s)));
  const late = overview.rows.filter((r) => r.lateStages.length > 0);
  const stageName = (s: StageCode) => t(`pl.stage.${s}` as MessageKey);
  return (
    <>
      <header className="stack-sm">
        <h1>{t("po.title", { year, budgetYear: year + 1, name })}</h1>
        <div className="field">
          <label htmlFor="po-year">{t("pl.year")}</label>
          <select id="po-year" value={year} onChange={(e) => replaceSearchParams({ tahun: e.target.value })}>
            {[thisYear - 1, thisYear, thisYear + 1].map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="pl-summary">
          <span className="status">{t("po.villages", { count: overview.total.villages })}</span>
          <span className="status status--late">{t("po.lateCount", { count: overview.total.late })}</span>
          <span className="status status--selesai">
            {t("po.completeCount", { count: overview.total.complete })}
          </span>
        </div>
        <p>
          {overview.total.stuntingShare === null
            ? t("po.noBudget")
            : t("po.totalLine", {
                amount: rupiah(overview.total.stuntingBudget),
                apb: rupiah(overview.total.apbTotal),
                share: formatPercent(overview.total.stuntingShare),
              })}
        </p>
        <a
          className="button button--secondary"
          href={hrefFor(planningApi.overviewCsv, { query: { region: overview.regionCode, year } })}
          download
        >
          {t("po.download")}
        </a>
      </header>

      <section className="stack" aria-labelledby="po-chart">
        <h2 id="po-chart">{t("po.chart")}</h2>
        <ShareChart overview={overview} />
      </section>

      <section className="stack" aria-labelledby="po-late">
        <h2 id="po-late">
          {t("po.late")} <span className="count">({late.length})</span>
        </h2>
        {late.length === 0 ? (
          <p className="muted">{t("po.noLate")}</p>
        ) : (
          <ul className="plain-list stack-sm">
            {late.map((r) => (
              <li key={r.regionCode}>
                <Link to={planningPath(r.regionCode)}>{r.regionName}</Link>{" "}
                <span className="step__meta">
                  ({r.kecamatanName}) — {r.lateStages.map(stageName).join(", ")}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="stack" aria-labelledby="po-table">
        <h2 id="po-table">{t("po.table")}</h2>
        <div className="pl-table-wrap">
          <table className="pl-table">
            <thead>
              <tr>
                <th>{t("po.village")}</th>
                <th>{t("po.kecamatan")}</th>
                {stageCodes.map((s) => (
                  <th key={s} className="cell-stage" title={stageName(s)}>
                    {t(`pl.stageShort.${s}` as MessageKey)}
                  </th>
                ))}
                <th className="num">{t("po.share")}</th>
              </tr>
            </thead>
            <tbody>
              {overview.rows.map((r) => (
                <tr key={r.regionCode} data-village={r.regionName}>
                  <th scope="row">
                    <Link to={planningPath(r.regionCode)}>{r.regionName}</Link>
                    {r.approved && <span title={t("pl.approved")}> ✓</span>}
                  </th>
                  <td>{r.kecamatanName}</td>
                  {stageCodes.map((s) => {
                    if (!applies(r.kind, s)) return <td key={s} className="cell-stage" />;
                    const st = r.statuses[s] ?? "belum";
                    const isLate = r.lateStages.includes(s);
                    const cls = `cell-stage cell-stage--${isLate ? "late" : st}`;
                    return (
                      <td
                        key={s}
                        className={cls}
                        title={`${stageName(s)}: ${t(`pl.status.${st}` as MessageKey)}${isLate ? ` — ${t("pl.late")}` : ""}`}
                      >
                        {st === "selesai"
                          ? "✓"
                          : st === "berjalan"
                            ? "…"
                            : st === "dilewati"
                              ? "–"
                              : isLate
                                ? "!"
                                : "·"}
                      </td>
                    );
                  })}
                  <td className="num">{formatPercent(r.stuntingShare)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <details className="po-legend" open>
          <summary>{t("po.legendTitle")}</summary>
          <ul className="plain-list">
            {(["selesai", "berjalan", "dilewati", "late", "belum", "approved"] as const).map((k) => (
              <li key={k}>{t(`po.legend.${k}`)}</li>
            ))}
          </ul>
          <p className="muted">{t("po.legend.short")}</p>
        </details>
      </section>
    </>
  );
}
