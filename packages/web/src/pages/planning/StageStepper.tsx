import type { CycleView, StageStatus, StageView } from "@tumbuh/core";
import { useI18n } from "../../i18n/I18nProvider";
import type { MessageKey } from "../../i18n/messages";

/** The cycle's stages in order, each with status, deadline, responsible party, outputs and its actions. */
export function StageStepper({
  cycle,
  editable,
  busy,
  onSet,
}: {
  cycle: CycleView;
  editable: boolean;
  busy: boolean;
  onSet: (stage: StageView, status: StageStatus) => void;
}) {
  const { t } = useI18n();
  return (
    <ol className="stepper" aria-label={t("pl.stages")}>
      {cycle.stages.map((s, i) => {
        const cls = `step step--${s.status}${s.late ? " step--late" : ""}`;
        const actions: { to: StageStatus; key: MessageKey; primary?: boolean }[] = [];
        if (s.status === "belum") {
          actions.push({ to: "berjalan", key: "pl.action.berjalan", primary: true });
          if (s.optional) actions.push({ to: "dilewati", key: "pl.action.dilewati" });
        } else if (s.status === "berjalan") {
          actions.push({ to: "selesai", key: "pl.action.selesai", primary: true });
          actions.push({ to: "belum", key: "pl.action.undo" });
        } else if (s.status === "selesai") actions.push({ to: "berjalan", key: "pl.action.reopen" });
        else actions.push({ to: "belum", key: "pl.action.undo" });
        return (
          <li
            key={s.code}
            className={cls}
            data-stage={s.code}
            aria-current={cycle.currentStage === s.code ? "step" : undefined}
          >
            <div className="step__head">
              <span className="step__title">
                {i + 1}. {t(`pl.stage.${s.code}` as MessageKey)}
                {s.optional && <span className="step__meta"> ({t("pl.optional")})</span>}
              </span>
              <span>
                <span className={`status status--${s.status}`}>
                  {t(`pl.status.${s.status}` as MessageKey)}
                </span>{" "}
                {s.late && <span className="status status--late">{t("pl.late")}</span>}
              </span>
            </div>
            <span className="step__meta">
              {t("pl.deadline", { date: s.deadline })}
              {s.finishedOn ? ` · ${t("pl.finishedOn", { date: s.finishedOn })}` : ""}
              {!s.finishedOn && s.startedOn ? ` · ${t("pl.startedOn", { date: s.startedOn })}` : ""}
            </span>
            <span className="step__meta">{t("pl.responsible", { who: s.responsible })}</span>
            <span className="step__meta">
              {t("pl.outputs")}: {s.outputs.join("; ")}
            </span>
            <span className="step__meta">{t("pl.source", { source: s.source })}</span>
            {editable && (
              <div className="pl-actions">
                {actions.map((a) => (
                  <button
                    key={a.to}
                    type="button"
                    className={a.primary ? "button button--primary" : "button button--secondary"}
                    disabled={busy}
                    onClick={() => onSet(s, a.to)}
                    aria-label={`${t(a.key)}: ${t(`pl.stage.${s.code}` as MessageKey)}`}
                  >
                    {t(a.key)}
                  </button>
                ))}
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
