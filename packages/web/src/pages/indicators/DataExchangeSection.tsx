import { dhis2Api, fhirApi, periodLabel, SATU_DATA_DATASETS, satuDataApi } from "@tumbuh/core";
import { useState } from "react";
import { hrefFor } from "../../api";
import { useI18n } from "../../i18n/I18nProvider";

/**
 * "Unduh data": the region's figures in the national formats (issue 16) — DHIS2 (Kemenkes' data
 * repository), a FHIR bundle of one desa or posyandu and month (SATUSEHAT), and the Satu Data files. Plain
 * links: the browser downloads with the session cookie and the server audits each file.
 */
export function DataExchangeSection({ region, period }: { region: string; period: string }) {
  const { t, locale } = useI18n();
  const [unit, setUnit] = useState(region.split(".").length >= 4 ? region : "");
  // FHIR bundles are per month and per desa/posyandu: a year gives its last month.
  const month = period.length === 7 ? period : `${period}-12`;
  const fhirUnit = unit.trim();
  return (
    <section aria-labelledby="ind-exchange" className="stack ind-exchange">
      <h2 id="ind-exchange">{t("ind.exchange.title")}</h2>
      <p className="muted">{t("ind.exchange.intro")}</p>
      <div className="stack-sm">
        <h3>{t("ind.exchange.dhis2")}</h3>
        <div className="button-row">
          {(["json", "csv", "adx"] as const).map((format) => (
            <a
              key={format}
              className="button button--secondary button--small"
              href={hrefFor(dhis2Api.export, { query: { region, period, format } })}
              download
            >
              DHIS2 {format.toUpperCase()}
            </a>
          ))}
        </div>
      </div>
      <div className="stack-sm">
        <h3>{t("ind.exchange.fhir")}</h3>
        <label className="field">
          <span className="field__label">{t("ind.exchange.fhirUnit")}</span>
          <input value={unit} onChange={(e) => setUnit(e.target.value)} placeholder="64.01.05.2003" />
        </label>
        <p className="muted">{t("ind.exchange.fhirNote", { month: periodLabel(month, locale) })}</p>
        {fhirUnit.split(".").length >= 4 ? (
          <a
            className="button button--secondary button--small"
            href={hrefFor(fhirApi.bundle, { query: { region: fhirUnit, period: month } })}
            download
          >
            {t("ind.exchange.fhirButton")}
          </a>
        ) : (
          <p className="muted">{t("ind.exchange.fhirPick")}</p>
        )}
      </div>
      <div className="stack-sm">
        <h3>{t("ind.exchange.satuData")}</h3>
        <p className="muted">{t("ind.exchange.satuDataNote")}</p>
        <ul className="plain-list stack-sm">
          {SATU_DATA_DATASETS.map((d) => (
            <li key={d.slug} className="ind-exchange__row">
              <span>{d.name}</span>{" "}
              <a
                href={hrefFor(satuDataApi.download, {
                  query: { region, period, dataset: d.slug, part: "data" },
                })}
                download
              >
                CSV
              </a>{" "}
              ·{" "}
              <a
                href={hrefFor(satuDataApi.download, {
                  query: { region, period, dataset: d.slug, part: "metadata" },
                })}
                download
              >
                {t("ind.exchange.metadata")}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
