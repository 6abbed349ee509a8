// Entry points of the planning pages on a region page: the cycle on a desa/kelurahan, the summary on a
// kecamatan/kabupaten, teams everywhere from kabupaten to desa.
import type { RegionView } from "../../api";
import { useI18n } from "../../i18n/I18nProvider";
import { institutionsPath, planningOverviewPath, planningPath } from "../../router/routes";
import { LinkCardSection } from "../LinkCardSection";

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
  return <LinkCardSection id="region-planning" title={t("region.planning")} items={items} />;
}
