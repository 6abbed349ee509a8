// The scorecard gaps (issue 6) and families at risk (issue 8) a meeting looks at, under the social-mapping
// table. Figures come whole from the server (features/planning/social-mapping.ts); this only lays them out.
import { formatPercent, SCORE_GROUP_LABELS, type SocialMappingCounts } from "@tumbuh/core";
import { useI18n } from "../../i18n/I18nProvider";
import { Link } from "../../router/navigation";
import { pathFor, scorecardPath } from "../../router/routes";

export function MappingGaps({ code, total }: { code: string; total: SocialMappingCounts }) {
  const { t, locale } = useI18n();
  const { scorecard: sc, families: fam } = total;
  const month = new Date(`${sc.period}-01T00:00:00Z`).toLocaleDateString(locale, {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  return (
    <div className="pl-gaps">
      <section className="stack-sm" aria-labelledby="pl-gaps-sc">
        <h3 id="pl-gaps-sc">{t("pl.gaps.scorecard", { period: month })}</h3>
        {sc.groups.length === 0 ? (
          <p className="muted">{t("pl.gaps.noTargets")}</p>
        ) : (
          <>
            <p>
              {t("pl.gaps.convergence")} <strong>{formatPercent(sc.percent, locale)}</strong>
            </p>
            <ul className="plain-list">
              {sc.groups.map((g) => (
                <li key={g.group}>
                  {SCORE_GROUP_LABELS[g.group][locale]}: {formatPercent(g.percent, locale)} (
                  {t("pl.gaps.targets", { count: g.targets })})
                </li>
              ))}
            </ul>
            {sc.topGaps.length > 0 && (
              <>
                <p className="muted">{t("pl.gaps.topGaps")}</p>
                <ol>
                  {sc.topGaps.map((g) => (
                    <li key={g.code}>
                      {g.label[locale]} — {t("pl.gaps.notReceived", { count: g.t })}
                    </li>
                  ))}
                </ol>
              </>
            )}
          </>
        )}
        <Link to={`${scorecardPath(code)}?periode=${sc.period}`}>{t("pl.gaps.openScorecard")}</Link>
      </section>
      <section className="stack-sm" aria-labelledby="pl-gaps-fam">
        <h3 id="pl-gaps-fam">{t("pl.gaps.families", { semester: fam.semester })}</h3>
        <p>{t("pl.gaps.atRisk", { atRisk: fam.atRisk, screened: fam.screened })}</p>
        {fam.topReasons.length > 0 && (
          <ol>
            {fam.topReasons.map((r) => (
              <li key={r.ruleId}>
                {r.label[locale]} — {t("pl.gaps.familiesCount", { count: r.count })}
              </li>
            ))}
          </ol>
        )}
        <Link to={pathFor("families", { code })}>{t("pl.gaps.openFamilies")}</Link>
      </section>
    </div>
  );
}
