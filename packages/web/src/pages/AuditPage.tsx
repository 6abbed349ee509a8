import { auditApi } from "@tumbuh/core";
import { useCallback, useEffect, useRef, useState } from "react";
import { type AuditEntry, api, isApiError } from "../api";
import { useI18n } from "../i18n/I18nProvider";
import { ErrorPanel, Loading, useDocumentTitle } from "../kit/ui";

const PAGE_SIZE = 50;

function json(value: unknown): string {
  if (value === undefined || value === null) return "—";
  try {
    return JSON.stringify(value, null, 2);
  } catch {
    return String(value);
  }
}

export function AuditPage() {
  const { t } = useI18n();
  useDocumentTitle(t("audit.title"));
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [nextBefore, setNextBefore] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [started, setStarted] = useState(false);
  const inFlight = useRef<AbortController | null>(null);

  const load = useCallback(async (before: string | null) => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setLoading(true);
    setError(null);
    try {
      const page = await api.call(
        auditApi.list,
        { query: { limit: PAGE_SIZE, ...(before ? { before } : {}) } },
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
  }, []);

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

  return (
    <div className="stack-lg">
      <header className="stack-sm">
        <h1>{t("audit.title")}</h1>
        <p className="muted">{t("audit.intro")}</p>
      </header>
      {entries.length === 0 ? (
        <p className="alert alert--info">{t("audit.empty")}</p>
      ) : (
        <AuditTable entries={entries} />
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

function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t, formatDateTime } = useI18n();
  return (
    <table className="audit-table">
      <thead>
        <tr>
          <th scope="col">{t("audit.when")}</th>
          <th scope="col">{t("audit.who")}</th>
          <th scope="col">{t("audit.action")}</th>
          <th scope="col">{t("audit.entity")}</th>
          <th scope="col">{t("audit.entityId")}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id}>
            <td data-label={t("audit.when")}>
              <time dateTime={e.at}>{formatDateTime(e.at)}</time>
            </td>
            <td data-label={t("audit.who")}>{e.actorName ?? e.actorId ?? t("audit.system")}</td>
            <td data-label={t("audit.action")}>
              <code>{e.action}</code>
            </td>
            <td data-label={t("audit.entity")}>{e.entity}</td>
            <td data-label={t("audit.entityId")}>
              {e.entityId ?? "—"}
              {(e.before != null || e.after != null) && (
                <details className="audit-details">
                  <summary>{t("audit.details")}</summary>
                  <div className="audit-diff">
                    <div>
                      <strong>{t("audit.before")}</strong>
                      <pre>{json(e.before)}</pre>
                    </div>
                    <div>
                      <strong>{t("audit.after")}</strong>
                      <pre>{json(e.after)}</pre>
                    </div>
                  </div>
                </details>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
