// On every screen that writes on the phone first (posyandu day, services, families): what is not sent
// yet, when the last sync was, what went wrong.
import { useI18n } from "../../i18n/I18nProvider";
import { Link } from "../../router/navigation";
import { loginPath, SYNC_PATH } from "../../router/routes";
import type { SyncEngine } from "../../sync/engine";
import { useOnline } from "../ui";
import { useSyncStatus } from "./useSync";
import "./sync-bar.css";

export function SyncStatusBar({ engine }: { engine: SyncEngine }) {
  const { t, locale } = useI18n();
  const s = useSyncStatus(engine);
  const online = useOnline();
  const time = s.lastSyncAt
    ? new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", { timeStyle: "short" }).format(
        s.lastSyncAt,
      )
    : null;
  const tone = s.loginExpired || s.rejected > 0 ? "warn" : s.pending > 0 ? "pending" : "ok";
  return (
    <section className={`sync-bar sync-bar--${tone}`} aria-label={t("sync.open")} data-testid="sync-bar">
      <p className="sync-bar__line" role="status">
        <strong data-testid="sync-pending" data-count={s.pending}>
          {s.pending > 0 ? t("sync.pending", { count: s.pending }) : t("sync.allSent")}
        </strong>
        <span className="sync-bar__time">
          {s.running ? t("sync.running") : time ? t("sync.lastSync", { time }) : t("sync.never")}
        </span>
      </p>
      {!online && <p className="sync-bar__note">{t("sync.offline")}</p>}
      {online && s.loginExpired && (
        <p className="sync-bar__note">
          {t("sync.loginExpired")}{" "}
          <Link to={loginPath(window.location.pathname)}>{t("sync.loginAgain")}</Link>
        </p>
      )}
      {online && s.lastError && !s.loginExpired && (
        <p className="sync-bar__note">{t("sync.error", { code: s.lastError })}</p>
      )}
      {(s.rejected > 0 || s.conflicts > 0) && (
        <p className="sync-bar__note">
          <Link to={SYNC_PATH}>
            {s.rejected > 0
              ? t("sync.rejected", { count: s.rejected })
              : t("sync.conflicts", { count: s.conflicts })}
          </Link>
        </p>
      )}
      {online && !s.running && (
        <button type="button" className="sync-bar__button" onClick={() => void engine.syncNow()}>
          {t("sync.now")}
        </button>
      )}
    </section>
  );
}
