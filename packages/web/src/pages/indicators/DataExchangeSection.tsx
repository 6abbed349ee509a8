import {
  dhis2Api,
  fhirApi,
  levelOfCode,
  periodLabel,
  regionsApi,
  SATU_DATA_DATASETS,
  satuDataApi,
} from "@tumbuh/core";
import { useState } from "react";
import { api, hrefFor } from "../../api";
import { useI18n } from "../../i18n/I18nProvider";
import { placeTitle } from "../../kit/format";
import { useLoad } from "../../kit/useLoad";

/**
 * "Unduh data": the region's figures in the national formats (issue 16) — DHIS2 (Kemenkes' data
 * repository), a FHIR bundle of one desa or posyandu and month (SATUSEHAT), and the Satu Data files. Plain
 * links: the browser downloads with the session cookie and the server audits each file.
 */
export function DataExchangeSection({ region, period }: { region: string; period: string }) {
  const { t, locale } = useI18n();
  // What the region can send to DHIS2 (a desa usually has no org unit of its own) and the places a FHIR
  // bundle can be made for (a desa or posyandu: this region, else the desa below it), by name.
  const loaded = useLoad(`exchange|${region}`, async (signal) => {
    const [dhis2, view] = await Promise.all([
      api.call(dhis2Api.availability, { query: { region } }, { signal }),
      api.call(regionsApi.view, { params: { code: region } }, { signal }),
    ]);
    return { dhis2, view };
  });
  const data = loaded.state.status === "ready" ? loaded.state.data : null;
  const title = (kind: string, name: string) => placeTitle(t(`kind.${kind}` as "kind.desa"), name);
  // On a regency's dashboard the kecamatan is chosen first, then its desa (144 desa in one list is too long).
  const regency = levelOfCode(region) === "kabupaten";
  const [kecamatan, setKecamatan] = useState("");
  const below = useLoad(`exchange-kec|${kecamatan}`, (signal) =>
    kecamatan
      ? api.call(regionsApi.view, { params: { code: kecamatan } }, { signal })
      : Promise.resolve(null),
  );
  const base = regency ? (below.state.status === "ready" ? below.state.data : null) : data?.view;
  const fhirPlaces = base
    ? [base.region, ...base.children]
        .filter((r) => ["desa", "posyandu"].includes(levelOfCode(r.code) ?? ""))
        .map((r) => ({ code: r.code, label: title(r.kind, r.name) }))
    : [];
  const [picked, setPicked] = useState("");
  // FHIR bundles are per month and per desa/posyandu: a year gives its last month.
  const month = period.length === 7 ? period : `${period}-12`;
  const fhirUnit = fhirPlaces.some((p) => p.code === picked) ? picked : (fhirPlaces[0]?.code ?? "");
  return (
    <section aria-labelledby="ind-exchange" className="stack ind-exchange">
      <h2 id="ind-exchange">{t("ind.exchange.title")}</h2>
      <p className="muted">{t("ind.exchange.intro")}</p>
      <div className="stack-sm">
        <h3>{t("ind.exchange.dhis2")}</h3>
        {data?.dhis2.available ? (
          <div className="button-row" data-testid="dhis2-links">
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
        ) : data ? (
          <p className="muted" data-testid="dhis2-none">
            {data.dhis2.mappingBroken
              ? t("ind.exchange.dhis2Broken")
              : data.dhis2.mappedAbove
                ? t("ind.exchange.dhis2Above", {
                    place: title(data.dhis2.mappedAbove.kind, data.dhis2.mappedAbove.name),
                  })
                : t("ind.exchange.dhis2None")}
          </p>
        ) : null}
      </div>
      <div className="stack-sm">
        <h3>{t("ind.exchange.fhir")}</h3>
        {regency && data && (
          <label className="field">
            <span className="field__label">{t("ind.exchange.fhirKecamatan")}</span>
            <select value={kecamatan} onChange={(e) => setKecamatan(e.target.value)}>
              <option value="">{t("ind.exchange.fhirKecamatanPick")}</option>
              {data.view.children.map((k) => (
                <option key={k.code} value={k.code}>
                  {title(k.kind, k.name)}
                </option>
              ))}
            </select>
          </label>
        )}
        {fhirPlaces.length > 1 && (
          <label className="field">
            <span className="field__label">{t("ind.exchange.fhirUnit")}</span>
            <select value={fhirUnit} onChange={(e) => setPicked(e.target.value)}>
              {fhirPlaces.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.label}
                </option>
              ))}
            </select>
          </label>
        )}
        <p className="muted">{t("ind.exchange.fhirNote", { month: periodLabel(month, locale) })}</p>
        {fhirUnit ? (
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
