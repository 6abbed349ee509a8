import { useI18n } from "../../../i18n/I18nProvider";
import { ReasonConfirm } from "../../../kit/ReasonConfirm";

const WORDS = {
  open: "leave.undoOpen",
  reason: "leave.undoReason",
  reasonRequired: "leave.undoReasonRequired",
  next: "leave.next",
  cancel: "leave.cancel",
  confirm: "leave.undoConfirm",
  back: "leave.back",
} as const;

/**
 * Undo a moved-away/died mark made by mistake (issue 17), in two steps like the mark itself: why, then a
 * confirmation that says what follows (the person is counted again). `mark` is the mark as the page shows
 * it ("Pindah sejak 3 Juni 2026"); `save` does the sending (online on the person page).
 */
export function UndoLeaveForm({
  mark,
  save,
  onDone,
}: {
  mark: string;
  save: (reason: string) => Promise<void>;
  onDone?: () => void;
}) {
  const { t } = useI18n();
  return (
    <ReasonConfirm
      as="section"
      words={WORDS}
      title={<h2>{t("leave.undoTitle")}</h2>}
      openTestId="leave-undo-open"
      formTestId="leave-undo-form"
      save={save}
      onDone={onDone}
      confirmText={(reason) => t("leave.undoConfirmText", { mark, reason })}
    />
  );
}
