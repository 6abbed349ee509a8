import {
  kindsForLevel,
  periodLabel,
  REPORT_KINDS,
  type ReportKind,
  type ReportList,
  type ReportSummary,
  recentPeriods,
  regionsApi,
  reportsApi,
} from "@tumbuh/core";
import { useState } from "react";
import { api } from "../../api";
import { useI18n } from "../../i18n/I18nProvider";
import type { MessageKey } from "../../i18n/messages";
import { formatDate, todayIso } from "../../kit/format";
import { BackLink, ErrorPanel, LoadGate, useDocumentTitle } from "../../kit/ui";
import { useAction } from "../../kit/useAction";
import { useLoad } from "../../kit/useLoad";
import { Link, navigate } from "../../router/navigation";
import { pathFor, regionPath } from "../../router/routes";
import "../../kit/kit.css";
import "./reports.css";

type Level = "kabupaten" | "kecamatan" | "desa";

/** A region's reports: prepare one, those it wrote, those it received, and what the level below still owes. */
export default function ReportsPage({ code }: { code: string }) {
  const { t } = useI18n();
  const loaded = useLoad<{ list: ReportList; level: string }>(`reports:${code}`, async (signal) => {
    const [list, region] = await Promise.all([
      api.call(reportsApi.list, { query: { region: code } }, { signal }),
      api.call(regionsApi.view, { params: { code } }, { signal }),
    ]);
    return { list, level: region.region.level };
  });
  useDocumentTitle(t("rp.title", { name: "" }));
  return (
    <div className="stack-lg">
      <BackLink to={regionPath(code)}>{t("reg.backRegion")}</BackLink>
      <LoadGate loaded={loaded}>
        {({ list, level }) => (
          <>
            <h1>{t("rp.title", { name: list.regionName })}</h1>
            <NewReport code={code} level={level as Level} />
            <Summaries id="rp-own" title={t("rp.own")} empty={t("rp.noneOwn")} rows={list.own} />
            {level !== "desa" && (
              <Summaries
                id="rp-inbox"
                title={t("rp.inbox")}
                empty={t("rp.noneInbox")}
                rows={list.inbox}
                withRegion
              />
            )}
            {list.due.length > 0 && <DueList list={list} />}
          </>
        )}
      </LoadGate>
    </div>
  );
}

function NewReport({ code, level }: { code: string; level: Level }) {
  const { t, locale } = useI18n();
  const kinds = kindsForLevel(level);
  const [kind, setKind] = useState<ReportKind | null>(kinds[0]?.kind ?? null);
  const periods = kind ? recentPeriods(REPORT_KINDS[kind].period, todayIso(), 6) : [];
  const [period, setPeriod] = useState<string>(periods[1] ?? periods[0] ?? "");
  const action = useAction();
  if (!kind) return <p className="muted">{t("rp.noKinds")}</p>;
  const chosen = periods.includes(period) ? period : (periods[1] ?? periods[0] ?? "");
  async function open() {
    if (!kind) return;
    const view = await action.run(() =>
      api.call(reportsApi.create, { body: { kind, regionCode: code, period: chosen } }),
    );
    if (view) navigate(pathFor("report", { id: view.id }));
  }
  return (
    <section className="stack-sm card" aria-labelledby="rp-new">
      <h2 id="rp-new">{t("rp.new")}</h2>
      <div className="field">
        <label htmlFor="rp-kind">{t("rp.kind")}</label>
        <select id="rp-kind" value={kind} onChange={(e) => setKind(e.target.value as ReportKind)}>
          {kinds.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.title[locale]}
            </option>
          ))}
        </select>
        <p className="hint">{REPORT_KINDS[kind].source}</p>
      </div>
      <div className="field">
        <label htmlFor="rp-period">{t("rp.period")}</label>
        <select id="rp-period" value={chosen} onChange={(e) => setPeriod(e.target.value)}>
          {periods.map((p) => (
            <option key={p} value={p}>
              {periodLabel(p, locale)}
            </option>
          ))}
        </select>
      </div>
      {action.error !== null && <ErrorPanel error={action.error} />}
      <button type="button" className="button button--primary" disabled={action.busy} onClick={open}>
        {t("rp.create")}
      </button>
    </section>
  );
}

function Summaries({
  id,
  title,
  empty,
  rows,
  withRegion = false,
}: {
  id: string;
  title: string;
  empty: string;
  rows: ReportSummary[];
  withRegion?: boolean;
}) {
  const { t, locale } = useI18n();
  return (
    <section className="stack-sm" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="count">({rows.length})</span>
      </h2>
      {rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="plain-list rp-list">
          {rows.map((r) => (
            <li key={r.id}>
              <Link to={pathFor("report", { id: r.id })}>
                {REPORT_KINDS[r.kind].title[locale]} — {periodLabel(r.period, locale)}
              </Link>
              <div className="muted">
                {withRegion && `${r.regionName} · `}
                {t("rp.version", { n: r.version })} · {t(`rp.status.${r.status}` as MessageKey)}
                {r.superseded && ` · ${t("rp.superseded")}`}
                {r.status === "draft" && ` · ${t("rp.dueOn", { date: formatDate(r.dueOn, locale) })}`}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function DueList({ list }: { list: ReportList }) {
  const { t, locale } = useI18n();
  const overdue = list.due.filter((d) => d.state === "overdue").length;
  const sorted = [...list.due].sort((a, b) => Number(b.state === "overdue") - Number(a.state === "overdue"));
  return (
    <section className="stack-sm" aria-labelledby="rp-due">
      <h2 id="rp-due">
        {t("rp.due")}{" "}
        <span className="count rp-state--overdue">({t("rp.overdueCount", { count: overdue })})</span>
      </h2>
      <p className="hint">{t("rp.dueHint")}</p>
      {/* A kecamatan expects ~150 rows: overdue first, the whole list folded away. */}
      <details open={overdue > 0 && overdue <= 20}>
        <summary>{t("rp.dueShow", { count: list.due.length })}</summary>
        <div className="rp-table-wrap">
          <table className="rp-table">
            <tbody>
              {sorted.map((d) => (
                <tr key={`${d.kind}|${d.regionCode}|${d.period}`}>
                  <td>{d.regionName}</td>
                  <td>
                    {REPORT_KINDS[d.kind].title[locale]}
                    <div className="muted">
                      {periodLabel(d.period, locale)} · {t("rp.dueOn", { date: formatDate(d.dueOn, locale) })}
                    </div>
                  </td>
                  <td className={`rp-state--${d.state}`}>
                    {d.reportId ? (
                      <Link to={pathFor("report", { id: d.reportId })}>
                        {t(`rp.state.${d.state}` as MessageKey)}
                      </Link>
                    ) : (
                      t(`rp.state.${d.state}` as MessageKey)
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
