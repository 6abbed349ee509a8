import { planningApi, todayIso } from "@tumbuh/core";
import { useState } from "react";
import { api } from "../../api";
import { useI18n } from "../../i18n/I18nProvider";
import { TextField } from "../../kit/forms/fields";
import { Notice } from "../../kit/ui";
import { useLoad } from "../../kit/useLoad";
import { lines } from "./format";
import { TextArea } from "./TextArea";
import { usePlanningAction } from "./usePlanningAction";

/** The regency's yearly rembuk stunting (Paser Pasal 9 g): what was agreed, recorded by the TPPS Kabupaten. */
export function RegencyRembukSection({
  code,
  year,
  editable,
}: {
  code: string;
  year: number;
  editable: boolean;
}) {
  const { t } = useI18n();
  const loaded = useLoad(`rk:${code}:${year}`, (s) =>
    api.call(planningApi.regencyRembuk, { query: { region: code, year } }, { signal: s }),
  );
  const action = usePlanningAction();
  const today = todayIso();
  const [heldOn, setHeldOn] = useState(today);
  const [place, setPlace] = useState("");
  const [count, setCount] = useState("");
  const [participants, setParticipants] = useState("");
  const [agreements, setAgreements] = useState("");
  const meetings = loaded.state.status === "ready" ? loaded.state.data.meetings : [];
  return (
    <section className="stack" aria-labelledby="rk-title">
      <h2 id="rk-title">{t("rk.title", { year })}</h2>
      <p className="muted">{t("rk.hint")}</p>
      {meetings.length === 0 && <p className="muted">{t("rk.none")}</p>}
      <ul className="plain-list stack-sm">
        {meetings.map((m) => (
          <li key={m.id} className="proposal">
            <span className="step__meta">
              {t("rk.summary", { date: m.heldOn, place: m.place, count: m.attendanceCount })}
            </span>
            <ol>
              {m.agreements.map((a) => (
                <li key={a}>{a}</li>
              ))}
            </ol>
            {m.participants.length > 0 && <span className="step__meta">{m.participants.join(", ")}</span>}
          </li>
        ))}
      </ul>
      {action.outcome && <Notice tone={action.outcome.tone}>{action.outcome.text}</Notice>}
      {editable && (
        <form
          className="pl-form stack"
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await action.run(
              () =>
                api.call(planningApi.recordRegencyRembuk, {
                  body: {
                    regionCode: code,
                    heldOn,
                    place,
                    attendanceCount: Number(count),
                    participants: lines(participants),
                    agreements: lines(agreements),
                  },
                }),
              t("pl.saved"),
              (m) => t("pl.error", { message: m }),
            );
            if (r) {
              setAgreements("");
              setParticipants("");
              loaded.reload();
            }
          }}
        >
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
              value={count}
              onChange={setCount}
            />
          </div>
          <TextArea label={t("rk.participants")} value={participants} onChange={setParticipants} />
          <TextArea label={t("rk.agreements")} value={agreements} onChange={setAgreements} />
          <button type="submit" className="button button--secondary" disabled={action.busy}>
            {t("rk.save")}
          </button>
        </form>
      )}
    </section>
  );
}
