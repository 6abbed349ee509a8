import { CAMPAIGN_MEDIA, type CycleDetail, planningApi, REVIEW_DECISIONS } from "@tumbuh/core";
import { useState } from "react";
import { api } from "../../api";
import { useI18n } from "../../i18n/I18nProvider";
import type { MessageKey } from "../../i18n/messages";
import { SelectField, TextField } from "../../kit/forms/fields";
import { Notice } from "../../kit/ui";
import { usePlanningAction } from "./usePlanningAction";

/** Campaign log (PALI Pasal 13, Paser Pasal 33): medium, date, reach. */
export function CampaignsSection({
  detail,
  editable,
  today,
  onChanged,
}: {
  detail: CycleDetail;
  editable: boolean;
  today: string;
  onChanged: (d: CycleDetail) => void;
}) {
  const { t } = useI18n();
  const action = usePlanningAction();
  const [media, setMedia] = useState<(typeof CAMPAIGN_MEDIA)[number]>("media_sosial");
  const [heldOn, setHeldOn] = useState(today);
  const [reach, setReach] = useState("");
  const [description, setDescription] = useState("");
  return (
    <section className="stack" aria-labelledby="pl-campaigns">
      <h2 id="pl-campaigns">{t("pl.campaigns")}</h2>
      {detail.campaigns.length === 0 ? (
        <p className="muted">{t("pl.noCampaigns")}</p>
      ) : (
        <ul className="stack-sm plain-list">
          {detail.campaigns.map((c) => (
            <li key={c.id} className="proposal">
              <span className="proposal__title">{c.description}</span>
              <span className="step__meta">
                {t("pl.campaign.summary", {
                  date: c.heldOn,
                  media: t(`pl.campaign.media.${c.media}` as MessageKey),
                  reach: c.reach,
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {action.outcome && <Notice tone={action.outcome.tone}>{action.outcome.text}</Notice>}
      {editable && (
        <form
          className="pl-form stack"
          onSubmit={async (e) => {
            e.preventDefault();
            const d = await action.run(
              () =>
                api.call(planningApi.addCampaign, {
                  params: { id: detail.cycle.id },
                  body: { media, heldOn, reach: Number(reach), description },
                }),
              t("pl.saved"),
              (m) => t("pl.error", { message: m }),
            );
            if (d) {
              setDescription("");
              setReach("");
              onChanged(d);
            }
          }}
        >
          <div className="pl-grid">
            <SelectField
              label={t("pl.campaign.media")}
              value={media}
              onChange={(v) => setMedia(v as typeof media)}
              options={CAMPAIGN_MEDIA.map((m) => ({
                value: m,
                label: t(`pl.campaign.media.${m}` as MessageKey),
              }))}
            />
            <TextField
              label={t("pl.campaign.heldOn")}
              type="date"
              max={today}
              value={heldOn}
              onChange={setHeldOn}
            />
            <TextField label={t("pl.campaign.reach")} inputMode="numeric" value={reach} onChange={setReach} />
          </div>
          <TextField label={t("pl.campaign.description")} value={description} onChange={setDescription} />
          <button type="submit" className="button button--secondary" disabled={action.busy}>
            {t("pl.campaign.save")}
          </button>
        </form>
      )}
    </section>
  );
}

/** Kecamatan review of the village plan (Paser Pasal 18 b). */
export function ReviewsSection({
  detail,
  canReview,
  onChanged,
}: {
  detail: CycleDetail;
  canReview: boolean;
  onChanged: (d: CycleDetail) => void;
}) {
  const { t, formatDateTime } = useI18n();
  const action = usePlanningAction();
  const [decision, setDecision] = useState<(typeof REVIEW_DECISIONS)[number]>("setuju");
  const [comment, setComment] = useState("");
  return (
    <section className="stack" aria-labelledby="pl-reviews">
      <h2 id="pl-reviews">{t("pl.reviews")}</h2>
      <p className="muted">{t("pl.review.hint")}</p>
      {detail.reviews.length === 0 ? (
        <p className="muted">{t("pl.noReviews")}</p>
      ) : (
        <ul className="stack-sm plain-list">
          {detail.reviews.map((r) => (
            <li key={r.id} className="proposal">
              <span className="proposal__title">{t(`pl.review.decision.${r.decision}` as MessageKey)}</span>
              <span>{r.comment}</span>
              <span className="step__meta">
                {r.reviewerName} · {formatDateTime(r.at)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {action.outcome && <Notice tone={action.outcome.tone}>{action.outcome.text}</Notice>}
      {canReview && (
        <form
          className="pl-form stack"
          onSubmit={async (e) => {
            e.preventDefault();
            const d = await action.run(
              () =>
                api.call(planningApi.addReview, {
                  params: { id: detail.cycle.id },
                  body: { decision, comment },
                }),
              t("pl.saved"),
              (m) => t("pl.error", { message: m }),
            );
            if (d) {
              setComment("");
              onChanged(d);
            }
          }}
        >
          <SelectField
            label={t("pl.review.decision")}
            value={decision}
            onChange={(v) => setDecision(v as typeof decision)}
            options={REVIEW_DECISIONS.map((d) => ({
              value: d,
              label: t(`pl.review.decision.${d}` as MessageKey),
            }))}
          />
          <TextField label={t("pl.review.comment")} value={comment} onChange={setComment} />
          <button type="submit" className="button button--primary" disabled={action.busy}>
            {t("pl.review.save")}
          </button>
        </form>
      )}
    </section>
  );
}
