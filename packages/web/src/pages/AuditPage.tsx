// /audit — the audit log for those who may read it: filtered by who, what, where and when, each entry as
// a sentence ("kader.melati menambah pengukuran"), its place by name and its time as people write it.
import { auditApi } from "@tumbuh/core";
import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";
import { type AuditEntry, api, isApiError } from "../api";
import { useI18n } from "../i18n/I18nProvider";
import { placeTitle } from "../kit/format";
import { PlacePicker } from "../kit/PlacePicker";
import { ErrorPanel, Loading, useDocumentTitle } from "../kit/ui";
import { useMe } from "../session/SessionProvider";
import { AUDIT_THINGS, auditWords } from "./auditWords";
import "../kit/kit.css";

const PAGE_SIZE = 50;

interface Filter {
  actor: string;
  what: string;
  region: string;
  from: string;
  to: string;
}
const NO_FILTER: Filter = { actor: "", what: "", region: "", from: "", to: "" };

/** The filter as query parameters: empty fields left out. */
function filterQuery(f: Filter) {
  const q: { actor?: string; what?: string; region?: string; from?: string; to?: string } = {};
  for (const k of ["actor", "what", "region", "from", "to"] as const) if (f[k].trim()) q[k] = f[k].trim();
  return q;
}

/** A recorded value as text: numbers, words and dates as they are; nested records left out. */
function plain(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return String(value);
  return null;
}

export function AuditPage() {
  const { t } = useI18n();
  useDocumentTitle(t("audit.title"));
  // Places are chosen by name below the reader's own area (the widest of their roles).
  const me = useMe();
  const root =
    me.assignments.map((a) => a.scope).sort((a, b) => a.split(".").length - b.split(".").length)[0] ?? "";
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [nextBefore, setNextBefore] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [started, setStarted] = useState(false);
  const [draft, setDraft] = useState<Filter>(NO_FILTER);
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const inFlight = useRef<AbortController | null>(null);

  const load = useCallback(
    async (before: string | null) => {
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      setLoading(true);
      setError(null);
      try {
        const page = await api.call(
          auditApi.list,
          { query: { limit: PAGE_SIZE, ...filterQuery(filter), ...(before ? { before } : {}) } },
          { signal: controller.signal },
        );
        if (controller.signal.aborted) return;
        setEntries((prev) => (before === null ? page.entries : [...prev, ...page.entries]));
        setNextBefore(page.nextBefore);
        setStarted(true);
      } catch (e) {
        if (controller.signal.aborted || (isApiError(e) && e.code === "aborted")) return;
        setError(e);
      } finally {
        if (!controller.signal.aborted) setLoading(false);
      }
    },
    [filter],
  );

  useEffect(() => {
    void load(null);
    return () => inFlight.current?.abort();
  }, [load]);

  if (!started && loading) return <Loading />;
  if (!started && error) {
    if (isApiError(error) && error.status === 401) return <Loading />;
    return (
      <div className="stack">
        <h1>{t("audit.title")}</h1>
        <ErrorPanel
          error={error}
          onRetry={isApiError(error) && error.status === 403 ? undefined : () => void load(null)}
        />
      </div>
    );
  }

  const set = (k: keyof Filter) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [k]: e.target.value });
  function apply(e: FormEvent) {
    e.preventDefault();
    setFilter(draft);
  }

  return (
    <div className="stack-lg">
      <header className="stack-sm">
        <h1>{t("audit.title")}</h1>
        <p className="muted">{t("audit.intro")}</p>
      </header>
      <form className="card stack-sm audit-filter" onSubmit={apply} aria-label={t("audit.filter.title")}>
        <div className="audit-filter__grid">
          <label className="field">
            <span>{t("audit.filter.who")}</span>
            <input value={draft.actor} onChange={set("actor")} autoComplete="off" />
          </label>
          <label className="field">
            <span>{t("audit.filter.what")}</span>
            <select value={draft.what} onChange={set("what")}>
              <option value="">{t("audit.filter.any")}</option>
              {AUDIT_THINGS.map((thing) => (
                <option key={thing} value={thing}>
                  {t(`audit.thing.${thing}`)}
                </option>
              ))}
            </select>
          </label>
          <PlacePicker
            root={root}
            value={draft.region || root}
            onChange={(code) => setDraft((d) => ({ ...d, region: code === root ? "" : code }))}
            label={t("audit.filter.region")}
            allLabel={t("audit.filter.any")}
          />
          <label className="field">
            <span>{t("audit.filter.from")}</span>
            <input type="date" value={draft.from} onChange={set("from")} />
          </label>
          <label className="field">
            <span>{t("audit.filter.to")}</span>
            <input type="date" value={draft.to} onChange={set("to")} />
          </label>
        </div>
        <div className="audit-filter__actions">
          <button type="submit" className="button button--primary">
            {t("audit.filter.submit")}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setDraft(NO_FILTER);
              setFilter(NO_FILTER);
            }}
          >
            {t("audit.filter.clear")}
          </button>
        </div>
      </form>
      {entries.length === 0 ? (
        <p className="alert alert--info">{t("audit.empty")}</p>
      ) : (
        <AuditList entries={entries} />
      )}
      {error !== null && <ErrorPanel error={error} />}
      {nextBefore !== null ? (
        <button
          type="button"
          className="button button--secondary button--block"
          disabled={loading}
          onClick={() => void load(nextBefore)}
        >
          {loading ? t("common.loading") : t("audit.loadMore")}
        </button>
      ) : (
        entries.length > 0 && <p className="muted center">{t("audit.end")}</p>
      )}
    </div>
  );
}

function AuditList({ entries }: { entries: AuditEntry[] }) {
  const { t, formatDateTime } = useI18n();
  return (
    <ul className="link-list audit-list">
      {entries.map((e) => {
        const words = auditWords(e);
        const values = Object.entries((e.after ?? e.before ?? {}) as Record<string, unknown>)
          .map(([k, v]) => [k, plain(v)] as const)
          .filter((kv): kv is readonly [string, string] => kv[1] !== null)
          // ids and codes are for machines; the sentence already names the record
          .filter(([k, v]) => !/(^id$|Id$|_id$)/.test(k) && !/^[0-9a-f-]{36}$/.test(v));
        return (
          <li key={e.id} className="card stack-sm">
            <p>
              <strong>
                {t("audit.sentence", {
                  // the CLI and the demo write as the system actor (core SYSTEM_ACTOR)
                  who: e.actorName === null || e.actorName === "system" ? t("audit.system") : e.actorName,
                  verb: t(words.verb),
                  thing: t(words.thing),
                })}
              </strong>
            </p>
            <p className="muted">
              <time dateTime={e.at}>{formatDateTime(e.at)}</time> ·{" "}
              {e.regionName === null
                ? t("audit.noRegion")
                : e.regionKind === null
                  ? e.regionName
                  : placeTitle(t(`kind.${e.regionKind}` as "kind.desa"), e.regionName)}
            </p>
            {values.length > 0 && (
              <details className="audit-details">
                <summary>{t("audit.changes")}</summary>
                <ul className="plain-list">
                  {values.map(([k, v]) => (
                    <li key={k}>{v}</li>
                  ))}
                </ul>
              </details>
            )}
          </li>
        );
      })}
    </ul>
  );
}
