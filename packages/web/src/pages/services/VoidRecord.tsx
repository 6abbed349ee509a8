import { useI18n } from "../../i18n/I18nProvider";
import { ReasonConfirm } from "../../kit/ReasonConfirm";

const WORDS = {
  open: "svc.void",
  reason: "svc.voidReason",
  reasonRequired: "svc.voidReasonRequired",
  next: "svc.voidNext",
  cancel: "svc.voidCancel",
  confirm: "svc.voidConfirm",
  back: "svc.voidBack",
} as const;

/**
 * "Batalkan" beside one record of a list (a service, a home visit, a screening): asks why, then confirms
 * that the record leaves every figure (kept, with the reason). `save` queues or sends the void;
 * `confirmText` says what the record leaves (the service record's words when absent).
 */
export function VoidRecord({
  label,
  save,
  confirmText,
}: {
  label: string;
  save: (reason: string) => Promise<void>;
  confirmText?: (reason: string) => string;
}) {
  const { t } = useI18n();
  return (
    <ReasonConfirm
      words={WORDS}
      openLabel={`${t("svc.void")}: ${label}`}
      formTestId="void-form"
      save={save}
      confirmText={(reason) => confirmText?.(reason) ?? t("svc.voidConfirmText", { what: label, reason })}
    />
  );
}
