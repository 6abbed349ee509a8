// What the top bar offers on every page once signed in (issue 17, "logout and language on every page"):
// the search across the user's area, the inbox with its count, and logging out. The language switch sits
// beside these in App.tsx, for signed-out pages too.
import { useState } from "react";
import { isApiError } from "../api";
import { generalErrorKey } from "../api/errorMessages";
import { useI18n } from "../i18n/I18nProvider";
import type { MessageKey } from "../i18n/messages";
import { Link } from "../router/navigation";
import { useSession } from "./SessionProvider";

export function TopbarActions() {
  const { t } = useI18n();
  const { state, logout } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);
  if (state.status !== "authenticated") return null;

  async function handleLogout() {
    setBusy(true);
    setError(null);
    try {
      await logout();
    } catch (e) {
      setError(isApiError(e) && e.code === "network" ? "home.logoutOffline" : generalErrorKey(e));
      setBusy(false);
    }
  }

  return (
    <>
      <Link to="/cari" className="topbar__action" aria-label={t("topbar.search")} title={t("topbar.search")}>
        <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22">
          <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" strokeWidth="2.4" />
          <path d="M15.5 15.5 21 21" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" />
        </svg>
      </Link>
      <button
        type="button"
        className="topbar__action topbar__logout"
        onClick={handleLogout}
        disabled={busy}
        title={t("home.logout")}
      >
        {busy ? t("home.loggingOut") : t("home.logout")}
      </button>
      {error && (
        <p className="topbar__error alert alert--error" role="alert">
          {t(error)}
        </p>
      )}
    </>
  );
}
