// Small shared pieces of UI.
import { useEffect, useSyncExternalStore } from "react";
import { generalErrorKey } from "./api/errorMessages";
import { useI18n } from "./i18n/I18nProvider";
import { Link } from "./router/navigation";

export function useDocumentTitle(title: string | null) {
  useEffect(() => {
    document.title = title ? `${title} · Tumbuh` : "Tumbuh";
  }, [title]);
}

function subscribeOnline(listener: () => void) {
  window.addEventListener("online", listener);
  window.addEventListener("offline", listener);
  return () => {
    window.removeEventListener("online", listener);
    window.removeEventListener("offline", listener);
  };
}

export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine);
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {t("common.loading")}
    </p>
  );
}

/** Shown above data that came from the device's cache instead of the network. */
export function SavedCopyNote({ savedAt }: { savedAt: number | null }) {
  const { t, formatDateTime } = useI18n();
  if (savedAt === null) return null;
  return (
    <p className="alert alert--warn" role="status">
      {t("common.savedAt", { time: formatDateTime(savedAt) })}
    </p>
  );
}

export function ErrorPanel({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="stack">
      <p className="alert alert--error" role="alert">
        {t(generalErrorKey(error))}
      </p>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t("common.retry")}
        </button>
      )}
    </div>
  );
}

/** The one "not found" page: unknown paths, regions that do not exist and regions outside the user's scope. */
export function NotFound() {
  const { t } = useI18n();
  useDocumentTitle(t("notFound.title"));
  return (
    <section className="stack">
      <h1 data-testid="not-found">{t("notFound.title")}</h1>
      <p>{t("notFound.body")}</p>
      <p>
        <Link to="/" className="button button--secondary">
          {t("common.backHome")}
        </Link>
      </p>
    </section>
  );
}
