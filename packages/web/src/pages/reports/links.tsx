// Entry points of the reports pages on a region page: reports from kabupaten to desa; the assessment and
// the award register on the regency.
import type { RegionView } from "../../api";
import { useI18n } from "../../i18n/I18nProvider";
import { pathFor } from "../../router/routes";
import { LinkCardSection } from "../LinkCardSection";

export function ReportEntryPoints({ region }: { region: RegionView["region"] }) {
  const { t } = useI18n();
  const items: { to: string; title: string; hint: string }[] = [];
  if (region.level === "desa" || region.level === "kecamatan" || region.level === "kabupaten")
    items.push({
      to: pathFor("reports", { code: region.code }),
      title: t("region.reports"),
      hint: t("region.reportsHint"),
    });
  if (region.level === "kabupaten") {
    items.push({
      to: pathFor("assessment", { code: region.code }),
      title: t("region.assessment"),
      hint: t("region.assessmentHint"),
    });
    items.push({
      to: pathFor("awards", { code: region.code }),
      title: t("region.awards"),
      hint: t("region.awardsHint"),
    });
  }
  return <LinkCardSection id="region-reports" title={t("region.accountability")} items={items} />;
}
