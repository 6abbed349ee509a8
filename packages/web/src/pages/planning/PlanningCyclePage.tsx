import {
  type CycleDetail,
  type CycleLookup,
  formatPercent,
  planningApi,
  type StageStatus,
  type StageView,
  todayIso,
} from "@tumbuh/core";
import { useState } from "react";
import { api } from "../../api";
import { useI18n } from "../../i18n/I18nProvider";
import type { MessageKey } from "../../i18n/messages";
import { TextField } from "../../kit/forms/fields";
import { BackLink, LoadGate, Notice, useDocumentTitle } from "../../kit/ui";
import { useLoad } from "../../kit/useLoad";
import { replaceSearchParams, useSearchParam } from "../../router/navigation";
import { regionPath } from "../../router/routes";
import { useMe } from "../../session/SessionProvider";
import { canPlan, canReview } from "./access";
import { CampaignsSection, ReviewsSection } from "./CampaignsReviews";
import { parseAmount, rupiah } from "./format";
import { MeetingsSection, SocialMappingPanel } from "./MeetingsSection";
import { ProposalsSection } from "./ProposalsSection";
import { StageStepper } from "./StageStepper";
import { usePlanningAction } from "./usePlanningAction";
import "../../kit/kit.css";
import "./planning.css";

/** The yearly planning cycle of one desa/kelurahan: /wilayah/:code/perencanaan?tahun=YYYY. */
export default function PlanningCyclePage({ code }: { code: string }) {
  const { t } = useI18n();
  const me = useMe();
  const thisYear = Number(todayIso().slice(0, 4));
  const year = Number(useSearchParam("tahun") ?? thisYear) || thisYear;
  const loaded = useLoad<CycleLookup>(`cycle:${code}:${year}`, (s) =>
    api.call(planningApi.cycleOf, { query: { region: code, year } }, { signal: s }),
  );
  const editable = canPlan(me.assignments, code);
  const reviewer = canReview(me.assignments, code);
  useDocumentTitle(t("pl.title", { year, budgetYear: year + 1 }));
  const setDetail = (d: CycleDetail) => loaded.setData((prev) => ({ ...prev, detail: d }));
  return (
    <div className="stack-lg">
      <BackLink to={regionPath(code)}>{t("reg.backRegion")}</BackLink>
      <LoadGate loaded={loaded}>
        {(data) => (
          <>
            <header className="stack-sm">
              <p className="eyebrow">{t(`pl.kind.${data.kind}` as MessageKey)}</p>
              <h1>
                {data.regionName} — {t("pl.title", { year, budgetYear: year + 1 })}
              </h1>
              <p className="muted">{t("pl.yearNote", { year, budgetYear: year + 1 })}</p>
              <div className="field">
                <label htmlFor="pl-year">{t("pl.year")}</label>
                <select
                  id="pl-year"
                  value={year}
                  onChange={(e) => replaceSearchParams({ tahun: e.target.value })}
                >
                  {[thisYear - 1, thisYear, thisYear + 1].map((y) => (
                    <option key={y} value={y}>
                      {y}
                    </option>
                  ))}
                </select>
              </div>
            </header>
            {data.detail === null ? (
              <NotStarted code={code} year={year} editable={editable} onOpened={(d) => setDetail(d)} />
            ) : (
              <Cycle
                detail={data.detail}
                editable={editable}
                reviewer={reviewer}
                onChanged={(d) => (d ? setDetail(d) : loaded.reload())}
              />
            )}
          </>
        )}
      </LoadGate>
    </div>
  );
}

function NotStarted({
  code,
  year,
  editable,
  onOpened,
}: {
  code: string;
  year: number;
  editable: boolean;
  onOpened: (d: CycleDetail) => void;
}) {
  const { t } = useI18n();
  const action = usePlanningAction();
  return (
    <div className="stack">
      <p className="alert alert--info">{t("pl.notStarted", { year, budgetYear: year + 1 })}</p>
      {action.outcome?.tone === "error" && <Notice tone="error">{action.outcome.text}</Notice>}
      {editable ? (
        <button
          type="button"
          className="button button--primary"
          disabled={action.busy}
          onClick={async () => {
            const d = await action.run(
              () => api.call(planningApi.openCycle, { body: { regionCode: code, year } }),
              t("pl.saved"),
              (m) => t("pl.error", { message: m }),
            );
            if (d) onOpened(d);
          }}
        >
          {t("pl.start", { year })}
        </button>
      ) : (
        <p className="muted">{t("pl.readOnly")}</p>
      )}
    </div>
  );
}

function Cycle({
  detail,
  editable,
  reviewer,
  onChanged,
}: {
  detail: CycleDetail;
  editable: boolean;
  reviewer: boolean;
  onChanged: (d?: CycleDetail) => void;
}) {
  const { t } = useI18n();
  const stageAction = usePlanningAction();
  const { cycle } = detail;
  const today = todayIso();
  const share = cycle.stuntingShare === null ? t("pl.shareUnknown") : formatPercent(cycle.stuntingShare);

  async function setStage(stage: StageView, status: StageStatus) {
    const d = await stageAction.run(
      () => api.call(planningApi.setStage, { params: { id: cycle.id, stage: stage.code }, body: { status } }),
      `${t(`pl.stage.${stage.code}` as MessageKey)}: ${t(`pl.status.${status}` as MessageKey)}`,
      (m) => t("pl.error", { message: m }),
    );
    if (d) onChanged(d);
  }

  return (
    <div className="stack-lg">
      <div className="pl-summary" role="status">
        <span className="status status--berjalan">
          {cycle.complete
            ? t("pl.complete")
            : t("pl.current", { stage: t(`pl.stage.${cycle.currentStage ?? "sosialisasi"}` as MessageKey) })}
        </span>
        <span className={cycle.approved ? "status status--selesai" : "status"}>
          {cycle.approved ? t("pl.approved") : t("pl.notApproved")}
        </span>
        <span className="status">
          {t("pl.stuntingBudget", { amount: rupiah(cycle.stuntingBudget), share })}
        </span>
      </div>
      {!editable && !reviewer && <p className="muted">{t("pl.readOnly")}</p>}
      <section className="stack" aria-labelledby="pl-stages">
        <h2 id="pl-stages">{t("pl.stages")}</h2>
        {stageAction.outcome && <Notice tone={stageAction.outcome.tone}>{stageAction.outcome.text}</Notice>}
        <StageStepper cycle={cycle} editable={editable} busy={stageAction.busy} onSet={setStage} />
      </section>
      {editable && <Settings detail={detail} onChanged={onChanged} />}
      <SocialMappingPanel code={cycle.regionCode} />
      <MeetingsSection detail={detail} editable={editable} today={today} onSaved={() => onChanged()} />
      <ProposalsSection detail={detail} editable={editable} onChanged={onChanged} />
      <CampaignsSection detail={detail} editable={editable} today={today} onChanged={onChanged} />
      <ReviewsSection detail={detail} canReview={reviewer} onChanged={onChanged} />
    </div>
  );
}

function Settings({ detail, onChanged }: { detail: CycleDetail; onChanged: (d: CycleDetail) => void }) {
  const { t } = useI18n();
  const action = usePlanningAction();
  const [musyawarah, setMusyawarah] = useState(detail.cycle.musyawarahDate ?? "");
  const [apb, setApb] = useState(detail.cycle.apbTotal === null ? "" : String(detail.cycle.apbTotal));
  return (
    <section className="stack" aria-labelledby="pl-settings">
      <h2 id="pl-settings">{t("pl.settings")}</h2>
      <form
        className="pl-form stack"
        onSubmit={async (e) => {
          e.preventDefault();
          const d = await action.run(
            () =>
              api.call(planningApi.updateCycle, {
                params: { id: detail.cycle.id },
                body: {
                  musyawarahDate: musyawarah || null,
                  apbTotal: apb.trim() === "" ? null : (parseAmount(apb) ?? -1),
                },
              }),
            t("pl.saved"),
            (m) => t("pl.error", { message: m }),
          );
          if (d) onChanged(d);
        }}
      >
        <div className="pl-grid">
          <TextField
            label={t("pl.musyawarah")}
            type="date"
            hint={t("pl.musyawarahHint")}
            value={musyawarah}
            onChange={setMusyawarah}
          />
          <TextField label={t("pl.apbTotal")} inputMode="numeric" value={apb} onChange={setApb} />
        </div>
        {action.outcome && <Notice tone={action.outcome.tone}>{action.outcome.text}</Notice>}
        <button type="submit" className="button button--secondary" disabled={action.busy}>
          {t("pl.saveSettings")}
        </button>
      </form>
    </section>
  );
}
