// The home page's inbox (issue 17): what needs the user's action, with the count in the heading. Each
// kind of item (core INBOX_KINDS, server features/inbox/sources.ts) gets its sentence and its page here;
// a kind this version does not know yet still shows, in general words.
import {
  type InboxItem,
  inboxApi,
  levelOfCode,
  periodLabel,
  REPORT_KINDS,
  type ReportKind,
} from "@tumbuh/core";
import { api } from "../api";
import { useI18n } from "../i18n/I18nProvider";
import type { MessageKey } from "../i18n/messages";
import { formatDate, formatMonth } from "../kit/format";
import { useLoad } from "../kit/useLoad";
import { Link } from "../router/navigation";
import { pathFor, planningPath, regionPath, registryPath } from "../router/routes";

const DECISIONS: Record<string, MessageKey> = {
  komentar: "inbox.decision.komentar",
  perbaikan: "inbox.decision.perbaikan",
  setuju: "inbox.decision.setuju",
};

function useWords() {
  const { t, locale } = useI18n();
  return (item: InboxItem): { text: string; to: string } => {
    const p = item.params;
    switch (item.kind) {
      case "two_t_children":
        return {
          text: t("inbox.twoT", {
            count: item.count,
            place: item.regionName,
            month: formatMonth(String(p.month ?? ""), locale),
          }),
          to: `${registryPath(item.regionCode)}?daftar=twoT`,
        };
      case "plan_review": {
        const year = Number(p.year);
        const decision = DECISIONS[String(p.decision)];
        return {
          text: t("inbox.planReview", {
            decision: decision ? t(decision) : t("inbox.decision.komentar"),
            place: item.regionName,
            year,
            budgetYear: year + 1,
          }),
          to: planningPath(item.regionCode),
        };
      }
      case "report_due":
      case "report_missing": {
        const def = REPORT_KINDS[String(p.kind) as ReportKind];
        if (!def) break;
        const words = {
          kind: def.title[locale],
          place: item.regionName,
          count: item.count,
          period: periodLabel(String(p.period), locale),
          date: formatDate(String(p.dueOn), locale),
        };
        const key: MessageKey =
          item.kind === "report_missing"
            ? levelOfCode(item.regionCode) === "kecamatan"
              ? "inbox.reportMissingDesa"
              : "inbox.reportMissingKecamatan"
            : item.count > 1
              ? "inbox.reportsOwed"
              : p.state === "overdue"
                ? "inbox.reportOverdue"
                : "inbox.reportDue";
        return { text: t(key, words), to: pathFor("reports", { code: item.regionCode }) };
      }
    }
    return { text: t("inbox.other", { place: item.regionName }), to: regionPath(item.regionCode) };
  };
}

export function InboxSection() {
  const { t } = useI18n();
  const words = useWords();
  const loaded = useLoad("inbox", (signal) => api.call(inboxApi.list, {}, { signal }));
  if (loaded.state.status !== "ready") return null;
  const items = loaded.state.data.items;
  return (
    <section className="stack" aria-labelledby="home-inbox">
      <h2 id="home-inbox">
        {t("inbox.title")}{" "}
        <span
          className={`badge ${items.length > 0 ? "badge--danger" : "badge--neutral"}`}
          data-testid="inbox-count"
        >
          {items.length}
        </span>
      </h2>
      {items.length === 0 ? (
        <p className="muted">{t("inbox.empty")}</p>
      ) : (
        <ul className="link-list">
          {items.map((item) => {
            const w = words(item);
            return (
              <li key={item.id}>
                <Link to={w.to} className="link-card">
                  <span className="link-card__body">
                    <span className="link-card__title">{w.text}</span>
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
