import { useEffect, useMemo, useState } from "react";
import { useI18n } from "../../i18n/I18nProvider";
import { formatAgeMonths, formatDate, formatNumber, todayIso } from "../../kit/format";
import { SyncStatusBar } from "../../kit/sync/SyncStatusBar";
import { useLive, useSyncEngine, useSyncStatus } from "../../kit/sync/useSync";
import { BackLink, useDocumentTitle } from "../../kit/ui";
import { Link } from "../../router/navigation";
import {
  POSYANDU_PATH,
  posyanduChildPath,
  posyanduNewPath,
  posyanduPregnancyPath,
} from "../../router/routes";
import { type DueRow, dueChildren, filterByName } from "./day";
import { childrenWithMothers, measuredOnDay, measurementsAt, placeName } from "./local";
import { PosyanduGate } from "./PosyanduGate";
import "./posyandu.css";

/**
 * Step 2: the children of the posyandu with their last weighing, status and flags (2T, T, stunting), who
 * is due this month, searchable by the child's or mother's name (sound-alike) or NIK, weighed ones ticked.
 */
export default function PosyanduDayPage({ code }: { code: string }) {
  return (
    <PosyanduGate code={code}>
      <DayList code={code} />
    </PosyanduGate>
  );
}

function DayList({ code }: { code: string }) {
  const { t, locale } = useI18n();
  const engine = useSyncEngine();
  const status = useSyncStatus(engine);
  const today = todayIso();
  const name = useLive(() => placeName(engine, code), `${engine.userId}|${code}`);
  const children = useLive(() => childrenWithMothers(engine, code), `${engine.userId}|${code}`);
  const history = useLive(() => measurementsAt(engine, code), `${engine.userId}|${code}`);
  const weighed = useLive(() => measuredOnDay(engine, code, today), `${engine.userId}|${code}|${today}`);
  const pendingIds = useLive(
    async () =>
      new Set(
        (await engine.db.outbox.toArray()).map((o) =>
          typeof o.payload.personId === "string" ? o.payload.personId : o.entityId,
        ),
      ),
    engine.userId,
  );
  const [query, setQuery] = useState("");
  useDocumentTitle(name ?? t("pd.title"));
  const rows = useMemo(
    () => dueChildren(children ?? [], weighed ?? new Set(), code, today, history),
    [children, weighed, code, today, history],
  );
  const shown = useMemo(() => filterByName(rows, query), [rows, query]);
  const done = rows.filter((r) => r.weighedToday).length;
  const due = rows.filter((r) => r.due).length;
  // For npm run bench:offline: when the day's list is first on screen after the page opened.
  useEffect(() => {
    if (children !== undefined && performance.getEntriesByName("pd-list-ready").length === 0) {
      performance.mark("pd-list-ready");
    }
  }, [children]);

  return (
    <div className="stack pd">
      <BackLink to={POSYANDU_PATH}>{t("pd.pick")}</BackLink>
      <header className="stack-sm">
        <h1>{name ?? code}</h1>
        <p className="muted">{t("pd.today", { date: formatDate(today, locale) })}</p>
      </header>
      <SyncStatusBar engine={engine} />
      {!status.ready && rows.length === 0 && <p className="alert alert--info">{t("sync.notReady")}</p>}
      <p className="pd-progress" data-testid="pd-progress">
        {t("pd.progress", { done, total: rows.length })}
      </p>
      <p className="muted" data-testid="pd-due" data-count={due}>
        {t("pd.dueCount", { count: due })}
      </p>
      <label className="pd-search">
        <span className="sr-only">{t("pd.search")}</span>
        <input
          type="search"
          placeholder={t("pd.search")}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          autoComplete="off"
          data-testid="pd-search"
        />
      </label>
      <Link to={posyanduNewPath(code)} className="button button--secondary button--block">
        + {t("pd.newChild")}
      </Link>
      <Link to={posyanduPregnancyPath(code)} className="button button--secondary button--block">
        + {t("pd.newPregnancy")}
      </Link>
      {children !== undefined && shown.length === 0 && <p className="muted">{t("pd.none")}</p>}
      <ul className="pd-list" data-testid="pd-children" data-count={shown.length}>
        {shown.map((r) => (
          <li key={r.child.id}>
            <Link
              to={posyanduChildPath(code, r.child.id)}
              className={r.weighedToday ? "pd-row pd-row--done" : "pd-row"}
            >
              <span className="pd-row__name">
                {r.child.name}
                {r.weighedToday && <span className="pd-tick">✓ {t("pd.weighed")}</span>}
              </span>
              <span className="pd-row__meta">
                {t(`sex.${r.child.sex}`)} · {formatAgeMonths(r.ageMonths, locale)}
                {(r.child.motherName ?? r.child.parentName)
                  ? ` · ${t("pd.parent", { name: r.child.motherName ?? r.child.parentName ?? "" })}`
                  : ""}
                {pendingIds?.has(r.child.id) ? ` · ${t("pd.notSent")}` : ""}
              </span>
              <RowStatus row={r} />
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The last weighing and what needs attention, in a line a cadre reads at a glance. */
function RowStatus({ row }: { row: DueRow }) {
  const { t, locale } = useI18n();
  const flags = row.alerts.filter((a) => a === "2T" || a === "stunting" || a === "severe_stunting");
  return (
    <span className="pd-row__status" data-testid="pd-status">
      <span className="pd-row__meta">
        {row.last
          ? t("pd.lastWeighing", {
              weight: row.last.weightKg == null ? "–" : formatNumber(row.last.weightKg, locale, 1),
              date: formatDate(row.last.measuredOn, locale),
            })
          : t("pd.neverWeighed")}
      </span>
      <span className="badges">
        {row.due && !row.weighedToday && (
          <span className="badge badge--small badge--info" data-flag="due">
            {t("pd.due")}
          </span>
        )}
        {row.last?.weighing && (
          <span
            className={`badge badge--small ${row.last.weighing === "T" ? "badge--warn" : "badge--neutral"}`}
            data-flag={`weighing-${row.last.weighing}`}
          >
            {t(`pd.weighing.${row.last.weighing}`)}
          </span>
        )}
        {flags.map((a) => (
          <span key={a} className="badge badge--small badge--danger" data-flag={a}>
            {t(`pd.flag.${a}`)}
          </span>
        ))}
      </span>
    </span>
  );
}
