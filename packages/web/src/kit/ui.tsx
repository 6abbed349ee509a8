// Small shared pieces of UI, used by the app shell and every feature.
import { type ReactNode, useEffect, useSyncExternalStore } from "react";
import { isApiError } from "../api";
import { generalErrorKey } from "../api/errorMessages";
import { useI18n } from "../i18n/I18nProvider";
import { Link } from "../router/navigation";
import type { Loaded } from "./useLoad";

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

/** The tones of badges and notices (the CSS has a class for each). */
export type Tone = "danger" | "warn" | "ok" | "info" | "neutral";

export interface Badge {
  label: string;
  tone: Tone;
}

export function BadgeList({ badges, large = false }: { badges: readonly Badge[]; large?: boolean }) {
  if (badges.length === 0) return null;
  return (
    <ul className={large ? "badges badges--large" : "badges"}>
      {badges.map((b) => (
        <li key={b.label} className={`badge badge--${b.tone}`}>
          {b.label}
        </li>
      ))}
    </ul>
  );
}

/**
 * Renders the data once loaded. 404 and 403 show the one "Tidak ditemukan" page (never revealing
 * whether something exists outside the user's scope); 401 waits for the sign-in redirect.
 */
export function LoadGate<T>({
  loaded,
  children,
}: {
  loaded: Loaded<T>;
  children: (data: T, savedAt: number | null) => ReactNode;
}) {
  const { state, reload } = loaded;
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") {
    const e = state.error;
    if (isApiError(e) && (e.status === 404 || e.status === 403)) return <NotFound />;
    if (isApiError(e) && e.status === 401) return <Loading />;
    return <ErrorPanel error={e} onRetry={reload} />;
  }
  return (
    <>
      <SavedCopyNote savedAt={state.savedAt} />
      {children(state.data, state.savedAt)}
    </>
  );
}

export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to} className="back-link">
      {children}
    </Link>
  );
}

/** A message shown after a save, announced to screen readers. */
export function Notice({ tone, children }: { tone: "ok" | "warn" | "error" | "info"; children: ReactNode }) {
  return (
    <div className={`alert alert--${tone}`} role={tone === "error" ? "alert" : "status"}>
      {children}
    </div>
  );
}
