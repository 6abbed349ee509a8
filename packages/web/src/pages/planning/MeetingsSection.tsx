import {
  type CycleDetail,
  formatPercent,
  MEETING_KINDS,
  planningApi,
  SIGNATORY_SIDES,
  type SocialMapping,
} from "@tumbuh/core";
import { useState } from "react";
import { api } from "../../api";
import { useI18n } from "../../i18n/I18nProvider";
import type { MessageKey } from "../../i18n/messages";
import { SelectField, TextField } from "../../kit/forms/fields";
import { Notice } from "../../kit/ui";
import { useLoad } from "../../kit/useLoad";
import { lines } from "./format";
import { MappingGaps } from "./MappingGaps";
import { TextArea } from "./TextArea";
import { usePlanningAction } from "./usePlanningAction";

/**
 * The social-mapping figures a meeting works from, per dusun/posyandu: 1000-HPK targets and children stunted
 * or not measured (registry), convergence % of the latest complete month (scorecard) and families at risk
 * this semester; under the table the desa's biggest scorecard gaps and commonest risk reasons.
 */
export function SocialMappingPanel({ code }: { code: string }) {
  const { t, locale } = useI18n();
  const loaded = useLoad<SocialMapping>(`mapping:${code}`, (s) =>
    api.call(planningApi.socialMapping, { query: { region: code } }, { signal: s }),
  );
  if (loaded.state.status !== "ready") return null;
  const m = loaded.state.data;
  const row = (name: string, u: SocialMapping["total"], key: string, strong = false) => (
    <tr key={key}>
      <th scope="row">{strong ? <strong>{name}</strong> : name}</th>
      <td className="num">{u.targets.ibu_hamil ?? 0}</td>
      <td className="num">{(u.targets.anak_0_6 ?? 0) + (u.targets.anak_7_23 ?? 0)}</td>
      <td className="num">{u.targets.anak_24_59 ?? 0}</td>
      <td className="num">{u.stunted}</td>
      <td className="num">{u.notMeasured2m}</td>
      <td className="num">{formatPercent(u.scorecard.percent, locale)}</td>
      <td className="num">
        {u.families.atRisk}/{u.families.screened}
      </td>
    </tr>
  );
  return (
    <section className="stack-sm" aria-labelledby="pl-mapping">
      <h2 id="pl-mapping">{t("pl.mapping")}</h2>
      <p className="muted">{t("pl.mappingHint", { date: m.asOf })}</p>
      <div className="pl-table-wrap">
        <table className="pl-table">
          <thead>
            <tr>
              <th>{t("pl.mapping.unit")}</th>
              <th className="num">{t("pl.mapping.pregnant")}</th>
              <th className="num">{t("pl.mapping.child0to23")}</th>
              <th className="num">{t("pl.mapping.child24to59")}</th>
              <th className="num">{t("pl.mapping.stunted")}</th>
              <th className="num">{t("pl.mapping.notMeasured")}</th>
              <th className="num">{t("pl.mapping.convergence", { period: m.total.scorecard.period })}</th>
              <th className="num">{t("pl.mapping.familiesAtRisk")}</th>
            </tr>
          </thead>
          <tbody>
            {m.units.map((u) => row(u.name, u, u.code))}
            {row(t("pl.mapping.total"), m.total, "total", true)}
          </tbody>
        </table>
      </div>
      <MappingGaps code={code} total={m.total} />
    </section>
  );
}

export function MeetingsSection({
  detail,
  editable,
  today,
  onSaved,
}: {
  detail: CycleDetail;
  editable: boolean;
  today: string;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const action = usePlanningAction();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<(typeof MEETING_KINDS)[number]>("fgd_desa");
  const [heldOn, setHeldOn] = useState(today);
  const [place, setPlace] = useState("");
  const [attendance, setAttendance] = useState("");
  const [problems, setProblems] = useState("");
  const [opportunities, setOpportunities] = useState("");
  const [signers, setSigners] = useState<Record<string, { name: string; position: string }>>({});

  async function save() {
    const signatories = SIGNATORY_SIDES.filter((s) => signers[s]?.name.trim()).map((side) => ({
      side,
      name: signers[side]?.name.trim() ?? "",
      position: signers[side]?.position.trim() || t(`pl.meeting.sign.${side}` as MessageKey),
    }));
    const r = await action.run(
      () =>
        api.call(planningApi.addMeeting, {
          params: { id: detail.cycle.id },
          body: {
            kind,
            heldOn,
            place,
            attendanceCount: Number(attendance),
            problems: lines(problems),
            opportunities: lines(opportunities),
            signatories: kind === "rembuk" ? signatories : [],
          },
        }),
      t("pl.saved"),
      (m) => t("pl.error", { message: m }),
    );
    if (r) {
      setOpen(false);
      onSaved();
    }
  }

  return (
    <section className="stack" aria-labelledby="pl-meetings">
      <h2 id="pl-meetings">{t("pl.meetings")}</h2>
      {detail.meetings.length === 0 ? (
        <p className="muted">{t("pl.noMeetings")}</p>
      ) : (
        <ul className="stack-sm plain-list">
          {detail.meetings.map((m) => (
            <li key={m.id} className="proposal">
              <span className="proposal__title">{t(`pl.meeting.kind.${m.kind}` as MessageKey)}</span>
              <span className="step__meta">
                {t("pl.meeting.summary", { date: m.heldOn, place: m.place, count: m.attendanceCount })}
              </span>
              {m.problems.length > 0 && (
                <ul className="step__meta">
                  {m.problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              )}
              {m.signatories.length > 0 && (
                <span className="step__meta">
                  {m.signatories.map((s) => `${s.name} (${s.position})`).join(", ")}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {action.outcome && <Notice tone={action.outcome.tone}>{action.outcome.text}</Notice>}
      {editable && !open && (
        <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          {t("pl.meeting.add")}
        </button>
      )}
      {editable && open && (
        <form
          className="pl-form stack"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <SelectField
            label={t("pl.meeting.kind")}
            value={kind}
            onChange={(v) => setKind(v as typeof kind)}
            options={MEETING_KINDS.map((k) => ({ value: k, label: t(`pl.meeting.kind.${k}` as MessageKey) }))}
          />
          <div className="pl-grid">
            <TextField
              label={t("pl.meeting.heldOn")}
              type="date"
              max={today}
              value={heldOn}
              onChange={setHeldOn}
            />
            <TextField label={t("pl.meeting.place")} value={place} onChange={setPlace} />
            <TextField
              label={t("pl.meeting.attendance")}
              inputMode="numeric"
              value={attendance}
              onChange={setAttendance}
            />
          </div>
          <TextArea label={t("pl.meeting.problems")} value={problems} onChange={setProblems} />
          <TextArea label={t("pl.meeting.opportunities")} value={opportunities} onChange={setOpportunities} />
          {kind === "rembuk" && (
            <fieldset className="stack-sm">
              <legend>{t("pl.meeting.signatories")}</legend>
              <p className="hint">{t("pl.meeting.signatoriesHint")}</p>
              {SIGNATORY_SIDES.map((side) => {
                const label = t(`pl.meeting.sign.${side}` as MessageKey);
                const cur = signers[side] ?? { name: "", position: "" };
                return (
                  <div key={side} className="pl-grid">
                    <TextField
                      label={t("pl.meeting.signName", { side: label })}
                      value={cur.name}
                      onChange={(v) => setSigners({ ...signers, [side]: { ...cur, name: v } })}
                    />
                    <TextField
                      label={t("pl.meeting.signPosition", { side: label })}
                      value={cur.position}
                      onChange={(v) => setSigners({ ...signers, [side]: { ...cur, position: v } })}
                    />
                  </div>
                );
              })}
            </fieldset>
          )}
          <button type="submit" className="button button--primary" disabled={action.busy}>
            {t("pl.meeting.save")}
          </button>
        </form>
      )}
    </section>
  );
}
