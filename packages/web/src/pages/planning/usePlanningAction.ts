// useAction for the planning pages: a refused stage names the stages it waits for and the evidence it
// lacks in this page's words ("Selesaikan dulu: Sosialisasi." / "Yang belum ada: berita acara FGD desa").
import { STAGE_CODES } from "@tumbuh/core";
import { useI18n } from "../../i18n/I18nProvider";
import type { MessageKey } from "../../i18n/messages";
import { useAction } from "../../kit/useAction";

const MISSING = [
  "meeting_pemetaan_sosial",
  "meeting_fgd_desa",
  "meeting_fgd_antar_desa",
  "meeting_rembuk",
  "signatory_rds",
  "signatory_masyarakat",
  "signatory_pemerintah",
  "proposals_ranked",
  "campaign",
  "proposal_in_plan",
  "budget",
] as const;

export function usePlanningAction() {
  const { t } = useI18n();
  return useAction((param, code) => {
    if (param === "stages" && (STAGE_CODES as readonly string[]).includes(code))
      return t(`pl.stage.${code}` as MessageKey);
    if (param === "missing" && (MISSING as readonly string[]).includes(code))
      return t(`pl.missing.${code as (typeof MISSING)[number]}`);
    return null;
  });
}
