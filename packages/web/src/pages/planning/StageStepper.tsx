import {
  type CycleView,
  checkTransition,
  type StageStatus,
  type StageStatuses,
  type StageView,
} from "@tumbuh/core";
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
  const statuses: StageStatuses = Object.fromEntries(cycle.stages.map((s) => [s.code, s.status]));
  // Only the moves the state machine allows right now (core/planning/stages.ts): no "Mulai" on a stage
  // whose predecessors are not finished.
  const allowed = (s: StageView, to: StageStatus) =>
    checkTransition(cycle.kind, statuses, s.code, to) === null;
  return (
    <ol className="stepper" aria-label={t("pl.stages")}>
      {cycle.stages.map((s, i) => {
        const cls = `step step--${s.status}${s.late ? " step--late" : ""}`;
        const actions: { to: StageStatus; key: MessageKey; primary?: boolean }[] = [];
        const candidates: typeof actions =
          s.status === "belum"
            ? [
                { to: "berjalan", key: "pl.action.berjalan", primary: true },
                { to: "dilewati", key: "pl.action.dilewati" },
              ]
            : s.status === "berjalan"
              ? [
                  { to: "selesai", key: "pl.action.selesai", primary: true },
                  { to: "belum", key: "pl.action.undo" },
                ]
              : s.status === "selesai"
                ? [{ to: "berjalan", key: "pl.action.reopen" }]
                : [{ to: "belum", key: "pl.action.undo" }];
        for (const c of candidates) if (allowed(s, c.to)) actions.push(c);
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
            {editable && actions.length > 0 && (
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
