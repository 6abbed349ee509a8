// The audited share of stunted under-twos against the annex's 50 % target, as the TPK team page and the
// case-audit list show it (its own file, so the case-audit list does not load the team page's forms).
import { formatPercent, type TpkTeamView } from "@tumbuh/core";
import { useI18n } from "../../i18n/I18nProvider";

export function AuditShareMeter({ share }: { share: TpkTeamView["auditShare"] }) {
  const { t, locale } = useI18n();
  return (
    <div className="stack-sm" data-testid="audit-share">
      <p className="stat-line">
        {t("fam.audit.share", {
          audited: share.audited,
          total: share.stuntedUnder2,
          share: formatPercent(share.share, locale, { fraction: true }),
          target: formatPercent(share.target, locale, { fraction: true }),
        })}
      </p>
      <div
        className="fam-meter"
        role="img"
        aria-label={formatPercent(share.share, locale, { fraction: true })}
      >
        <span style={{ width: `${Math.min(100, (share.share ?? 0) * 100)}%` }} />
        <i style={{ left: `${share.target * 100}%` }} />
      </div>
      <p className={`badge ${share.meetsTarget ? "badge--ok" : "badge--warn"}`}>
        {share.meetsTarget ? t("fam.audit.meets") : t("fam.audit.below")}
      </p>
    </div>
  );
}
