import { type ImportResult, importsApi } from "@tumbuh/core";
import { useId } from "react";
import { hrefFor } from "../../../api";
import { useI18n } from "../../../i18n/I18nProvider";
import { formatZ } from "../../../kit/format";

const INDEX = { bbu: "BB/U", tbu: "TB/U", bbtb: "BB/TB" } as const;

/**
 * e-PPGBM's own z-scores and statuses against Tumbuh's for the imported rows: totals, per posyandu, then
 * each difference; the same as CSV from the server (the download is audited).
 */
export function ReconciliationView({ result, jobId }: { result: ImportResult; jobId: string }) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const r = result.reconciliation;
  const tolerance = r.tolerance.toLocaleString(locale === "id" ? "id-ID" : "en-GB");
  const stats = [
    { label: t("import.rec.compared"), value: r.compared, tone: "" },
    { label: t("import.rec.zscore", { tolerance }), value: r.counts.zscore, tone: "warn" },
    { label: t("import.rec.placeholder"), value: r.counts.placeholder, tone: "warn" },
    { label: t("import.rec.label"), value: r.counts.label, tone: "warn" },
  ];
  const total = r.counts.zscore + r.counts.placeholder + r.counts.label;
  return (
    <section className="stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("import.rec.title")}</h2>
      <p className="muted">{t("import.rec.intro")}</p>
      {r.compared === 0 ? (
        <p className="muted">{t("import.rec.notCompared")}</p>
      ) : (
        <>
          <dl className="stats">
            {stats.map((s) => (
              <div key={s.label} className={s.tone && s.value > 0 ? `stat stat--${s.tone}` : "stat"}>
                <dt>{s.label}</dt>
                <dd>{s.value}</dd>
              </div>
            ))}
          </dl>
          {total === 0 && <p className="alert alert--ok">{t("import.rec.none")}</p>}
          <a
            className="button button--secondary button--block"
            href={hrefFor(importsApi.reconciliationCsv, { params: { id: jobId } })}
            download
          >
            {t("import.rec.download")}
          </a>
          <div className="stack-sm">
            <h3>{t("import.rec.byPosyandu")}</h3>
            <table className="data-table row-table rec-table">
              <thead>
                <tr>
                  <th scope="col">{t("import.rec.desa")}</th>
                  <th scope="col">{t("import.rec.posyandu")}</th>
                  <th scope="col">{t("import.rec.rows")}</th>
                  <th scope="col">{t("import.rec.kind.zscore")}</th>
                  <th scope="col">{t("import.rec.kind.placeholder")}</th>
                  <th scope="col">{t("import.rec.kind.label")}</th>
                </tr>
              </thead>
              <tbody>
                {r.byPosyandu.map((p) => (
                  <tr key={`${p.desa}|${p.posyandu}`}>
                    <td data-label={t("import.rec.desa")}>{p.desa}</td>
                    <td data-label={t("import.rec.posyandu")}>{p.posyandu || "—"}</td>
                    <td data-label={t("import.rec.rows")}>{p.rows}</td>
                    <td data-label={t("import.rec.kind.zscore")}>{p.zscore}</td>
                    <td data-label={t("import.rec.kind.placeholder")}>{p.placeholder}</td>
                    <td data-label={t("import.rec.kind.label")}>{p.label}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {r.items.length > 0 && (
            <div className="stack-sm">
              <h3>{t("import.rec.items", { count: total })}</h3>
              {r.truncated && <p className="muted">{t("import.rec.truncated")}</p>}
              <table className="data-table row-table rec-table">
                <thead>
                  <tr>
                    <th scope="col">{t("import.line")}</th>
                    <th scope="col">{t("import.rec.name")}</th>
                    <th scope="col">{t("import.rec.indicator")}</th>
                    <th scope="col">{t("import.rec.kind")}</th>
                    <th scope="col">{t("import.rec.eppgbm")}</th>
                    <th scope="col">{t("import.rec.tumbuh")}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.items.map((i) => (
                    <tr key={`${i.line}|${i.indicator}|${i.kind}`}>
                      <td data-label={t("import.line")}>{i.line}</td>
                      <td data-label={t("import.rec.name")}>{i.name}</td>
                      <td data-label={t("import.rec.indicator")}>{INDEX[i.indicator]}</td>
                      <td data-label={t("import.rec.kind")}>{t(`import.rec.kind.${i.kind}`)}</td>
                      {/* e-PPGBM's value exactly as the file wrote it */}
                      <td data-label={t("import.rec.eppgbm")}>{i.eppgbm}</td>
                      <td data-label={t("import.rec.tumbuh")}>
                        {i.kind === "label" || i.tumbuh === null
                          ? (i.tumbuh ?? "—")
                          : formatZ(Number(i.tumbuh), locale)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
