// The public page's achievements (Paser Pasal 9 p): the regency's catalog indicators against their targets
// and the desa and kecamatan ranking of the yearly assessment, shown only after the TPPS publishes it; each
// region's score with its strongest and weakest component, never the figures behind them.
import {
  type PublicAchievements as Achievements,
  assessmentsApi,
  COMPONENT_LABELS,
  formatPercent,
  type PublicIndicator,
  type PublicRank,
} from "@tumbuh/core";
import { useEffect, useState } from "react";
import { api } from "../../api";
import { useI18n } from "../../i18n/I18nProvider";
import type { MessageKey } from "../../i18n/messages";
import { formatDate, formatNumber } from "../../kit/format";
import "./reports.css";

/** How many desa the page lists before "show all". */
const TOP = 10;

export function PublicAchievements({ year }: { year: number }) {
  const { t } = useI18n();
  // No session on the public page, so not useLoad (it keeps responses per signed-in user).
  const [v, setV] = useState<Achievements | null>(null);
  useEffect(() => {
    const c = new AbortController();
    setV(null);
    api.call(assessmentsApi.publicAchievements, { params: { year } }, { signal: c.signal }).then(setV, () => {
      // the publication above still stands; this section stays away rather than show an error twice
    });
    return () => c.abort();
  }, [year]);
  if (v === null) return null;
  return (
    <section className="stack" aria-labelledby="pa-title">
      <h2 id="pa-title">{t("pa.title", { year })}</h2>
      {v.published ? <Published v={v} /> : <p className="muted">{t("pa.notYet")}</p>}
    </section>
  );
}

function Published({ v }: { v: Achievements }) {
  const { t, locale } = useI18n();
  const [all, setAll] = useState(false);
  const label = (c: PublicRank["strongest"]) => (c ? COMPONENT_LABELS[c][locale] : "–");
  const met = v.indicators.filter((f) => f.status === "green").length;
  const withData = v.indicators.filter((f) => f.status !== "none").length;
  const desa = all ? v.desa : v.desa.slice(0, TOP);
  return (
    <>
      <p>
        {t("pa.published", { date: formatDate((v.publishedAt ?? "").slice(0, 10), locale) })}{" "}
        {t("pa.method", {
          list: v.weights.map((w) => `${COMPONENT_LABELS[w.code][locale]} ${w.weight}`).join(", "),
        })}
      </p>

      <h3 id="pa-ind">{t("pa.indicators")}</h3>
      <p data-testid="pa-met">{t("pa.met", { met, total: v.indicators.length, withData })}</p>
      <details>
        <summary>{t("pa.showIndicators", { count: v.indicators.length })}</summary>
        <div className="rp-table-wrap">
          <table className="rp-table" aria-labelledby="pa-ind">
            <thead>
              <tr>
                <th scope="col">{t("pa.col.indicator")}</th>
                <th scope="col">{t("pa.col.value")}</th>
                <th scope="col">{t("pa.col.target")}</th>
                <th scope="col">{t("pa.col.status")}</th>
              </tr>
            </thead>
            <tbody>
              {v.indicators.map((f) => (
                <tr key={f.indicatorId}>
                  <td>{f.text}</td>
                  <td className="num">{value(f, locale)}</td>
                  <td>{f.targetOriginal || "–"}</td>
                  <td>
                    {t(f.suppressed ? "pa.status.suppressed" : (`pa.status.${f.status}` as MessageKey))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>

      <h3 id="pa-kec">{t("pa.kecamatan")}</h3>
      <Ranking labelledBy="pa-kec" units={v.kecamatan} label={label} />

      <h3 id="pa-desa">{t("pa.desa", { count: v.desa.length })}</h3>
      <Ranking labelledBy="pa-desa" units={desa} label={label} withParent />
      {v.desa.length > TOP && (
        <button type="button" className="button button--secondary" onClick={() => setAll(!all)}>
          {all ? t("pa.fewer", { count: TOP }) : t("pa.all", { count: v.desa.length })}
        </button>
      )}
      <p className="muted">{t("pa.note")}</p>
    </>
  );
}

function value(f: PublicIndicator, locale: "id" | "en"): string {
  if (f.suppressed) return "<5";
  if (f.value === null) return "–";
  return f.numerator !== null
    ? formatPercent(f.value, locale, { decimals: 1 })
    : formatNumber(f.value, locale, 1);
}

function Ranking({
  labelledBy,
  units,
  label,
  withParent = false,
}: {
  labelledBy: string;
  units: PublicRank[];
  label: (c: PublicRank["strongest"]) => string;
  withParent?: boolean;
}) {
  const { t, locale } = useI18n();
  return (
    <div className="rp-table-wrap">
      <table className="rp-table" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">{t("pa.col.rank")}</th>
            <th scope="col">{t("pa.col.region")}</th>
            <th scope="col">{t("pa.col.score")}</th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.code}>
              <td className="num">{u.rank}</td>
              <td>
                <strong>{u.name}</strong>
                {withParent && u.parentName && (
                  <span className="muted"> · {t("pa.kec", { name: u.parentName })}</span>
                )}
                <div className="rp-source">
                  {t("pa.reason", { strong: label(u.strongest), weak: label(u.weakest) })}
                </div>
              </td>
              <td className="num">{formatNumber(u.score, locale, 2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
