// "Angka diperbarui 5 menit lalu" under a dashboard or the publication, and "sedang diperbarui" while the
// background rebuild runs (issue 18: figures are served from the last build, never rebuilt in a request).
// While updating it asks again every few seconds, so the page catches up without the reader reloading.
import type { FiguresFreshness } from "@tumbuh/core";
import { useEffect } from "react";
import { useI18n } from "../../i18n/I18nProvider";
import { freshnessAgo } from "./freshness";

const RECHECK_MS = 5_000;

export function FreshnessNote({ freshness, recheck }: { freshness: FiguresFreshness; recheck?: () => void }) {
  const { t } = useI18n();
  useEffect(() => {
    if (!freshness.updating || !recheck) return;
    const timer = setTimeout(recheck, RECHECK_MS);
    return () => clearTimeout(timer);
  }, [freshness, recheck]);
  const ago = freshnessAgo(freshness, Date.now());
  const when =
    ago.unit === "never"
      ? t("ind.fresh.never")
      : ago.unit === "justNow"
        ? t("ind.fresh.justNow")
        : t(`ind.fresh.${ago.unit}`, { n: ago.n });
  return (
    <p className="ind-fresh muted" role="status">
      {when}
      {freshness.updating && <strong> · {t("ind.fresh.updating")}</strong>}
    </p>
  );
}
