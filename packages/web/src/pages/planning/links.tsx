// Entry points of the planning pages on a region page: the cycle on a desa/kelurahan, the summary on a
// kecamatan/kabupaten, teams everywhere from kabupaten to desa.
import type { RegionView } from "../../api";
import { useI18n } from "../../i18n/I18nProvider";
import { Link } from "../../router/navigation";
import { institutionsPath, planningOverviewPath, planningPath } from "../../router/routes";

export function PlanningEntryPoints({ region }: { region: RegionView["region"] }) {
  const { t } = useI18n();
  const items: { to: string; title: string; hint: string }[] = [];
  if (region.level === "desa")
    items.push({
      to: planningPath(region.code),
      title: t("region.planningCycle"),
      hint: t("region.planningCycleHint"),
    });
  if (region.level === "kecamatan" || region.level === "kabupaten")
    items.push({
      to: planningOverviewPath(region.code),
      title: t("region.planningOverview"),
      hint: t("region.planningOverviewHint"),
    });
  if (region.level === "desa" || region.level === "kecamatan" || region.level === "kabupaten")
    items.push({
      to: institutionsPath(region.code),
      title: t("region.institutions"),
      hint: t("region.institutionsHint"),
    });
  if (items.length === 0) return null;
  return (
    <section className="stack" aria-labelledby="region-planning">
      <h2 id="region-planning">{t("region.planning")}</h2>
      <ul className="link-list">
        {items.map((item) => (
          <li key={item.to}>
            <Link to={item.to} className="link-card link-card--primary">
              <span className="link-card__body">
                <span className="link-card__title">{item.title}</span>
                <span className="link-card__meta">{item.hint}</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
