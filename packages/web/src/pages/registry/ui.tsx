// Small shared pieces of the registry pages.
import type { ReactNode } from "react";
import { isApiError } from "../../api";
import { useI18n } from "../../i18n/I18nProvider";
import { Link } from "../../router/navigation";
import { ErrorPanel, Loading, NotFound, SavedCopyNote } from "../../ui";
import type { Badge } from "./categories";
import type { Loaded } from "./useLoad";

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

export function useSexLabel() {
  const { t } = useI18n();
  return (sex: 1 | 2, short = false) => t(short ? `sex.short.${sex}` : `sex.${sex}`);
}
