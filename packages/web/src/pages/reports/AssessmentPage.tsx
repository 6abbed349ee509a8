import {
  type AssessmentView,
  assessmentsApi,
  COMPONENT_LABELS,
  formatPercent,
  regionsApi,
} from "@tumbuh/core";
import { useEffect, useState } from "react";
import { api } from "../../api";
import { useI18n } from "../../i18n/I18nProvider";
import type { MessageKey } from "../../i18n/messages";
import { formatDate, formatNumber } from "../../kit/format";
import { BackLink, ErrorPanel, LoadGate, Notice, useDocumentTitle } from "../../kit/ui";
import { useAction } from "../../kit/useAction";
import { useJob } from "../../kit/useJob";
import { useLoad } from "../../kit/useLoad";
import { replaceSearchParams, useSearchParam } from "../../router/navigation";
import { regionPath } from "../../router/routes";
import { useMe } from "../../session/SessionProvider";
import "../../kit/kit.css";
import "./reports.css";
import { MethodEditor } from "./MethodEditor";

type Unit = AssessmentView["desa"][number];

/** The yearly performance ranking of desa and kecamatan with the reason for every score (Paser Pasal 9 o). */
export default function AssessmentPage({ code }: { code: string }) {
  const { t } = useI18n();
  const thisYear = new Date().getUTCFullYear();
  const year = Number(useSearchParam("tahun") ?? thisYear) || thisYear;
  const loaded = useLoad<{ view: AssessmentView; name: string }>(
    `assessment:${code}:${year}`,
    async (signal) => {
      const [view, region] = await Promise.all([
        api.call(assessmentsApi.ranking, { query: { region: code, year } }, { signal }),
        api.call(regionsApi.view, { params: { code } }, { signal }),
      ]);
      return { view, name: region.region.name };
    },
  );
  useDocumentTitle(t("as.title", { year, name: "" }));
  return (
    <div className="stack-lg">
      <BackLink to={regionPath(code)}>{t("reg.backRegion")}</BackLink>
      <LoadGate loaded={loaded}>
        {({ view, name }) => (
          <Body view={view} name={name} year={year} thisYear={thisYear} code={code} reload={loaded.reload} />
        )}
      </LoadGate>
    </div>
  );
}

function Body({
  view,
  name,
  year,
  thisYear,
  code,
  reload,
}: {
  view: AssessmentView;
  name: string;
  year: number;
  thisYear: number;
  code: string;
  reload: () => void;
}) {
  const { t, locale } = useI18n();
  const me = useMe();
  const tpps = me.assignments.some(
    (a) =>
      (a.role === "tpps_kabupaten" || a.role === "admin_kabupaten") &&
      (a.scope === "" || a.scope === view.regencyCode),
  );
  const action = useAction();
  const [jobId, setJobId] = useState<string | null>(null);
  // Said here, not by the editor: the editor is keyed on the method, so the reload after the recount
  // remounts it, and a notice of its own vanished (sometimes before it could be read).
  const [methodSaved, setMethodSaved] = useState(false);
  const job = useJob(jobId);
  useEffect(() => {
    if (jobId && (job.status === "finished" || job.status === "error")) {
      setJobId(null);
      reload();
    }
  }, [job.status, jobId, reload]);
  const [filter, setFilter] = useState("");
  const status =
    view.status === "published"
      ? t("as.status.published", { date: formatDate((view.publishedAt ?? "").slice(0, 10), locale) })
      : t(`as.status.${view.status === "none" ? "live" : view.status}` as MessageKey);
  const desa = view.desa.filter((u) => u.name.toLowerCase().includes(filter.trim().toLowerCase()));
  return (
    <>
      <header className="stack-sm">
        <h1>{t("as.title", { year, name })}</h1>
        <p className="hint">{t("as.basis")}</p>
        <div className="field">
          <label htmlFor="as-year">{t("as.year")}</label>
          <select id="as-year" value={year} onChange={(e) => replaceSearchParams({ tahun: e.target.value })}>
            {[thisYear - 2, thisYear - 1, thisYear].map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <p>
          <strong>{status}</strong>
        </p>
        {tpps && view.status !== "published" && (
          <div className="button-row">
            <button
              type="button"
              className="button button--secondary"
              disabled={action.busy || jobId !== null}
              onClick={() =>
                action.run(async () => {
                  const { jobId: id } = await api.call(assessmentsApi.compute, {
                    body: { region: code, year },
                  });
                  setJobId(id);
                })
              }
            >
              {t("as.compute")}
            </button>
            {view.status === "draft" && view.id && (
              <button
                type="button"
                className="button button--primary"
                disabled={action.busy}
                onClick={() =>
                  action.run(async () => {
                    await api.call(assessmentsApi.publish, { params: { id: view.id as string }, body: {} });
                    reload();
                  }, t("as.published"))
                }
              >
                {t("as.publish")}
              </button>
            )}
          </div>
        )}
        {jobId !== null && <p role="status">…</p>}
        {action.outcome && (
          <Notice tone={action.outcome.tone === "ok" ? "ok" : "error"}>{action.outcome.text}</Notice>
        )}
        {action.error !== null && <ErrorPanel error={action.error} />}
      </header>

      <section className="stack-sm" aria-labelledby="as-method">
        <h2 id="as-method">{t("as.method")}</h2>
        <ul className="plain-list">
          {view.method.components.map((c) => (
            <li key={c.code}>
              <strong>{COMPONENT_LABELS[c.code][locale]}</strong> — {t("as.weight", { weight: c.weight })},{" "}
              {c.normalisation.kind === "target"
                ? t("as.norm.target", { target: c.normalisation.target })
                : t(`as.norm.${c.normalisation.kind}` as MessageKey)}
              <div className="rp-source">{COMPONENT_LABELS[c.code].source}</div>
            </li>
          ))}
        </ul>
        <p className="muted">{view.method.note}</p>
        {tpps && (
          <MethodEditor
            key={JSON.stringify(view.method)}
            code={code}
            year={year}
            method={view.method}
            published={view.status === "published"}
            onSaved={(id) => {
              setMethodSaved(true);
              if (id) setJobId(id);
              else reload();
            }}
          />
        )}
        {methodSaved && <Notice tone="ok">{t("as.edit.saved")}</Notice>}
      </section>

      {view.kecamatan.length > 0 && (
        <Ranking
          id="as-kec"
          title={t("as.kecamatan", { count: view.kecamatan.length })}
          units={view.kecamatan}
        />
      )}
      {view.desa.length > 0 && (
        <>
          <div className="field">
            <label htmlFor="as-filter">{t("as.filter")}</label>
            <input id="as-filter" value={filter} onChange={(e) => setFilter(e.target.value)} />
          </div>
          <Ranking id="as-desa" title={t("as.desa", { count: view.desa.length })} units={desa} />
        </>
      )}
    </>
  );
}

function Ranking({ id, title, units }: { id: string; title: string; units: Unit[] }) {
  const { t, locale } = useI18n();
  const label = (c: Unit["breakdown"][number]["code"] | null) => (c ? COMPONENT_LABELS[c][locale] : "–");
  return (
    <section className="stack-sm" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ol className="plain-list rp-list">
        {units.map((u) => (
          <li key={u.code}>
            <details>
              <summary>
                <strong>
                  {u.rank}. {u.name}
                </strong>{" "}
                — {t("as.score")} {formatNumber(u.score, locale, 2)}
              </summary>
              <p>{t("as.reason", { strong: label(u.strongest), weak: label(u.weakest) })}</p>
              {u.missing.length > 0 && (
                <p className="muted">
                  {t("as.missing", { list: u.missing.map((c) => label(c)).join(", ") })}
                </p>
              )}
              <div className="rp-table-wrap">
                <table className="rp-table">
                  <caption className="sr-only">{t("as.breakdown")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("as.breakdown")}</th>
                      <th scope="col">{t("as.raw")}</th>
                      <th scope="col">{t("as.points")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {u.breakdown.map((b) => (
                      <tr key={b.code}>
                        <td>{label(b.code)}</td>
                        <td className="num">
                          {b.raw === null ? "–" : formatPercent(b.raw, locale, { decimals: 1 })}
                        </td>
                        <td className="num">{formatNumber(b.points, locale, 2)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}
