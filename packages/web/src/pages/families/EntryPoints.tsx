// Links from a region page to families at risk, catin, TPK and case audits (desa and the kecamatan/regency
// above it can read them; forms show only to those who may write).
import { useI18n } from "../../i18n/I18nProvider";
import { pathFor } from "../../router/routes";
import { LinkCardSection } from "../LinkCardSection";

const LEVELS = ["kabupaten", "kecamatan", "desa"];

export function FamilyEntryPoints({ region }: { region: { code: string; level: string } }) {
  const { t } = useI18n();
  if (!LEVELS.includes(region.level)) return null;
  const items = [
    {
      to: pathFor("families", { code: region.code }),
      title: t("fam.families.title"),
      hint: t("fam.families.hint"),
    },
    {
      to: pathFor("catinList", { code: region.code }),
      title: t("fam.catin.title"),
      hint: t("fam.catin.hint"),
    },
    {
      to: pathFor("tpkList", { code: region.code }),
      title: t("fam.tpk.title"),
      hint: t("fam.tpk.hint"),
    },
    {
      to: pathFor("auditCases", { code: region.code }),
      title: t("fam.audit.title"),
      hint: t("fam.audit.hint"),
    },
  ];
  return <LinkCardSection id="region-families" title={t("fam.section")} items={items} />;
}
