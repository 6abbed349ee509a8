import {
  ACTIVITY_CATALOG,
  type CycleDetail,
  FUNDING_SOURCES,
  fundingAllowed,
  PACKAGE_LABELS,
  type ProposalView,
  planningApi,
  SERVICE_PACKAGES,
  type ServicePackage,
} from "@tumbuh/core";
import { useEffect, useState } from "react";
import { api, hrefFor } from "../../api";
import { useI18n } from "../../i18n/I18nProvider";
import { CheckField, SelectField, TextField } from "../../kit/forms/fields";
import { Notice } from "../../kit/ui";
import { parseAmount, rupiah } from "./format";
import { usePlanningAction } from "./usePlanningAction";

/** Ranked first, in rank order; then the unranked in the order they were proposed. */
function initialOrder(proposals: readonly ProposalView[]): string[] {
  return proposals.map((p) => p.id);
}

export function ProposalsSection({
  detail,
  editable,
  onChanged,
}: {
  detail: CycleDetail;
  editable: boolean;
  onChanged: (d?: CycleDetail) => void;
}) {
  const { t, locale } = useI18n();
  const lang = locale === "id" ? "id" : "en";
  const action = usePlanningAction();
  const [order, setOrder] = useState<string[]>(() => initialOrder(detail.proposals));
  useEffect(() => setOrder(initialOrder(detail.proposals)), [detail.proposals]);
  const byId = new Map(detail.proposals.map((p) => [p.id, p]));
  const rembuk = detail.cycle.stages.find((s) => s.code === "rembuk");
  const planStage = detail.cycle.stages.find((s) => s.code === "rkp_desa" || s.code === "usulan_kelurahan");
  const showOutcome = rembuk?.status === "selesai";
  // The priority ranking is agreed at the rembuk (PALI Pasal 12(3) b): proposals and their order are
  // edited until the rembuk is finished; afterwards only what went into the plan and budget.
  const proposing = editable && rembuk?.status !== "selesai";
  const hasRembukMeeting = detail.meetings.some((m) => m.kind === "rembuk");
  const funding = (code: string) => FUNDING_SOURCES.find((f) => f.code === code)?.[lang] ?? code;

  const move = (i: number, by: number) => {
    const next = [...order];
    const j = i + by;
    if (j < 0 || j >= next.length) return;
    [next[i], next[j]] = [next[j] as string, next[i] as string];
    setOrder(next);
  };

  return (
    <section className="stack" aria-labelledby="pl-proposals">
      <h2 id="pl-proposals">{t("pl.proposals")}</h2>
      {detail.proposals.length === 0 && <p className="muted">{t("pl.noProposals")}</p>}
      <ol className="stack-sm plain-list">
        {order.map((id, i) => {
          const p = byId.get(id);
          if (!p) return null;
          return (
            <li key={id} className="proposal" data-proposal={p.title}>
              <span className="step__meta">
                {p.priority !== null ? t("pl.proposal.rank", { n: p.priority }) : t("pl.proposal.unranked")} ·{" "}
                {p.activitySource ?? p.activityCode}
              </span>
              <span className="proposal__title">{p.title}</span>
              <span className="step__meta">
                {p.targetGroup} · {PACKAGE_LABELS[p.package as ServicePackage]?.[lang] ?? p.package} ·{" "}
                {p.location}
              </span>
              <span className="step__meta">
                {t("pl.proposal.meta", {
                  volume: p.volume.toLocaleString(locale === "id" ? "id-ID" : "en-GB"),
                  unit: p.unit,
                  cost: rupiah(p.cost),
                  funding: funding(p.fundingSource),
                })}
              </span>
              {proposing && (
                <div className="pl-actions">
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={i === 0}
                    aria-label={t("pl.proposal.up", { title: p.title })}
                    onClick={() => move(i, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={i === order.length - 1}
                    aria-label={t("pl.proposal.down", { title: p.title })}
                    onClick={() => move(i, 1)}
                  >
                    ↓
                  </button>
                </div>
              )}
              {showOutcome && (
                <Outcome
                  proposal={p}
                  editable={editable && planStage?.status !== "selesai"}
                  onSaved={() => onChanged()}
                />
              )}
            </li>
          );
        })}
      </ol>
      {action.outcome && <Notice tone={action.outcome.tone}>{action.outcome.text}</Notice>}
      {proposing && detail.proposals.length > 0 && (
        <button
          type="button"
          className="button button--primary"
          disabled={action.busy}
          onClick={async () => {
            const d = await action.run(
              () => api.call(planningApi.rankProposals, { params: { id: detail.cycle.id }, body: { order } }),
              t("pl.saved"),
              (m) => t("pl.error", { message: m }),
            );
            if (d) onChanged(d);
          }}
        >
          {t("pl.proposal.saveRanking")}
        </button>
      )}
      {hasRembukMeeting && (
        <a
          className="button button--secondary"
          href={hrefFor(planningApi.beritaAcara, { params: { id: detail.cycle.id } })}
          download
        >
          {t("pl.beritaAcara")}
        </a>
      )}
      {proposing && <ProposalForm detail={detail} onSaved={() => onChanged()} />}
    </section>
  );
}

function Outcome({
  proposal,
  editable,
  onSaved,
}: {
  proposal: ProposalView;
  editable: boolean;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const action = usePlanningAction();
  const [inPlan, setInPlan] = useState(proposal.inPlan);
  const [budget, setBudget] = useState(proposal.budgetAmount === null ? "" : String(proposal.budgetAmount));
  if (!editable)
    return proposal.inPlan ? (
      <span className="step__meta">{`${t("pl.proposal.inPlan")}: ${rupiah(proposal.budgetAmount ?? 0)}`}</span>
    ) : null;
  return (
    <div className="stack-sm">
      <CheckField label={t("pl.proposal.inPlan")} checked={inPlan} onChange={setInPlan} />
      {inPlan && (
        <TextField label={t("pl.proposal.budget")} inputMode="numeric" value={budget} onChange={setBudget} />
      )}
      {action.outcome && <Notice tone={action.outcome.tone}>{action.outcome.text}</Notice>}
      <button
        type="button"
        className="button button--secondary"
        disabled={action.busy}
        aria-label={`${t("pl.proposal.saveOutcome")}: ${proposal.title}`}
        onClick={async () => {
          const r = await action.run(
            () =>
              api.call(planningApi.setProposalOutcome, {
                params: { id: proposal.id },
                body: { inPlan, budgetAmount: inPlan ? parseAmount(budget) : null },
              }),
            t("pl.saved"),
            (m) => t("pl.error", { message: m }),
          );
          if (r) onSaved();
        }}
      >
        {t("pl.proposal.saveOutcome")}
      </button>
    </div>
  );
}

function ProposalForm({ detail, onSaved }: { detail: CycleDetail; onSaved: () => void }) {
  const { t, locale } = useI18n();
  const lang = locale === "id" ? "id" : "en";
  const action = usePlanningAction();
  const [open, setOpen] = useState(false);
  const [activityCode, setActivity] = useState("");
  const [title, setTitle] = useState("");
  const [target, setTarget] = useState("");
  const [pkg, setPkg] = useState<string>("kia");
  const [location, setLocation] = useState(detail.cycle.regionName);
  const [volume, setVolume] = useState("");
  const [unit, setUnit] = useState("");
  const [cost, setCost] = useState("");
  const allowed = FUNDING_SOURCES.filter((f) => fundingAllowed(detail.cycle.kind, f.code));
  const [fundingSource, setFunding] = useState<string>(allowed[0]?.code ?? "apbd");
  if (!open)
    return (
      <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
        {t("pl.proposal.add")}
      </button>
    );
  return (
    <form
      className="pl-form stack"
      onSubmit={async (e) => {
        e.preventDefault();
        const r = await action.run(
          () =>
            api.call(planningApi.addProposal, {
              params: { id: detail.cycle.id },
              body: {
                activityCode,
                title,
                targetGroup: target,
                package: pkg as ServicePackage,
                location,
                volume: Number(volume.replace(",", ".")),
                unit,
                cost: parseAmount(cost) ?? -1,
                fundingSource,
              },
            }),
          t("pl.saved"),
          (m) => t("pl.error", { message: m }),
        );
        if (r) {
          setOpen(false);
          onSaved();
        }
      }}
    >
      {action.outcome && <Notice tone={action.outcome.tone}>{action.outcome.text}</Notice>}
      <SelectField
        label={t("pl.proposal.activity")}
        value={activityCode}
        placeholder={t("reg.choose")}
        onChange={(v) => {
          setActivity(v);
          const a = ACTIVITY_CATALOG.find((x) => x.code === v);
          if (a) {
            setPkg(a.package);
            if (!title) setTitle(a.text.charAt(0).toUpperCase() + a.text.slice(1));
          }
        }}
        options={ACTIVITY_CATALOG.map((a) => ({ value: a.code, label: `${a.source}: ${a.text}` }))}
      />
      <TextField label={t("pl.proposal.title")} value={title} onChange={setTitle} />
      <div className="pl-grid">
        <TextField label={t("pl.proposal.target")} value={target} onChange={setTarget} />
        <SelectField
          label={t("pl.proposal.package")}
          value={pkg}
          onChange={setPkg}
          options={SERVICE_PACKAGES.map((p) => ({ value: p, label: PACKAGE_LABELS[p][lang] }))}
        />
        <TextField label={t("pl.proposal.location")} value={location} onChange={setLocation} />
        <TextField label={t("pl.proposal.volume")} inputMode="decimal" value={volume} onChange={setVolume} />
        <TextField label={t("pl.proposal.unit")} value={unit} onChange={setUnit} />
        <TextField label={t("pl.proposal.cost")} inputMode="numeric" value={cost} onChange={setCost} />
        <SelectField
          label={t("pl.proposal.funding")}
          value={fundingSource}
          onChange={setFunding}
          options={allowed.map((f) => ({ value: f.code, label: f[lang] }))}
        />
      </div>
      <button type="submit" className="button button--primary" disabled={action.busy}>
        {t("pl.proposal.save")}
      </button>
    </form>
  );
}
