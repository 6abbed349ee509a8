import { useEffect, useMemo, useState } from "react";
import { useI18n } from "../../i18n/I18nProvider";
import { formatAgeMonths, formatDate, todayIso } from "../../kit/format";
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
import { dueChildren, filterByName } from "./day";
import { childrenAt, measuredOnDay, placeName } from "./local";
import "./posyandu.css";

/** Step 2: the children due today, searchable by name on the phone, weighed ones ticked. */
export default function PosyanduDayPage({ code }: { code: string }) {
  const { t, locale } = useI18n();
  const engine = useSyncEngine();
  const status = useSyncStatus(engine);
  const today = todayIso();
  const name = useLive(() => placeName(engine, code), `${engine.userId}|${code}`);
  const children = useLive(() => childrenAt(engine, code), `${engine.userId}|${code}`);
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
    () => dueChildren(children ?? [], weighed ?? new Set(), code, today),
    [children, weighed, code, today],
  );
  const shown = useMemo(() => filterByName(rows, query), [rows, query]);
  const done = rows.filter((r) => r.weighedToday).length;
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
                {r.child.parentName ? ` · ${t("pd.parent", { name: r.child.parentName })}` : ""}
                {pendingIds?.has(r.child.id) ? ` · ${t("pd.notSent")}` : ""}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
