import {
  AWARD_FORMS,
  AWARD_RECIPIENT_LABELS,
  AWARD_RECIPIENTS,
  type AwardForm,
  type AwardRecipient,
  type AwardRegister,
  awardsApi,
  COMPONENT_LABELS,
  regionsApi,
} from "@tumbuh/core";
import { useState } from "react";
import { api } from "../../api";
import { useI18n } from "../../i18n/I18nProvider";
import type { MessageKey } from "../../i18n/messages";
import { formatDate, formatNumber, todayIso } from "../../kit/format";
import { BackLink, ErrorPanel, LoadGate, Notice, useDocumentTitle } from "../../kit/ui";
import { useAction } from "../../kit/useAction";
import { useLoad } from "../../kit/useLoad";
import { replaceSearchParams, useSearchParam } from "../../router/navigation";
import { regionPath } from "../../router/routes";
import "../../kit/kit.css";
import "./reports.css";

/** Awards and kader incentives given by Keputusan Bupati (Paser Pasal 49), with candidates from the assessment. */
export default function AwardsPage({ code }: { code: string }) {
  const { t, locale } = useI18n();
  const thisYear = new Date().getUTCFullYear();
  const year = Number(useSearchParam("tahun") ?? thisYear) || thisYear;
  const loaded = useLoad<{ reg: AwardRegister; name: string }>(`awards:${code}:${year}`, async (signal) => {
    const [reg, region] = await Promise.all([
      api.call(awardsApi.register, { query: { region: code, year } }, { signal }),
      api.call(regionsApi.view, { params: { code } }, { signal }),
    ]);
    return { reg, name: region.region.name };
  });
  useDocumentTitle(t("aw.title", { year, name: "" }));
  return (
    <div className="stack-lg">
      <BackLink to={regionPath(code)}>{t("reg.backRegion")}</BackLink>
      <LoadGate loaded={loaded}>
        {({ reg, name }) => (
          <>
            <header className="stack-sm">
              <h1>{t("aw.title", { year, name })}</h1>
              <p className="hint">{t("aw.basis")}</p>
              <div className="field">
                <label htmlFor="aw-year">{t("as.year")}</label>
                <select
                  id="aw-year"
                  value={year}
                  onChange={(e) => replaceSearchParams({ tahun: e.target.value })}
                >
                  {[thisYear - 2, thisYear - 1, thisYear].map((y) => (
                    <option key={y} value={y}>
                      {y}
                    </option>
                  ))}
                </select>
              </div>
            </header>
            <section className="stack-sm" aria-labelledby="aw-cand">
              <h2 id="aw-cand">{t("aw.candidates")}</h2>
              {reg.candidates.length === 0 ? (
                <p className="muted">{t("aw.noCandidates")}</p>
              ) : (
                <ol className="plain-list rp-list">
                  {reg.candidates.map((c) => (
                    <li key={c.regionCode}>
                      {c.rank}. <strong>{c.regionName}</strong> — {formatNumber(c.score, locale, 2)}
                      {c.strongest && <div className="muted">{COMPONENT_LABELS[c.strongest][locale]}</div>}
                    </li>
                  ))}
                </ol>
              )}
            </section>
            <section className="stack-sm" aria-labelledby="aw-reg">
              <h2 id="aw-reg">{t("aw.register")}</h2>
              {reg.awards.length === 0 ? (
                <p className="muted">{t("aw.none")}</p>
              ) : (
                <ul className="plain-list rp-list">
                  {reg.awards.map((a) => (
                    <li key={a.id}>
                      <strong>{a.recipientName}</strong> ({AWARD_RECIPIENT_LABELS[a.recipientKind][locale]},{" "}
                      {a.regionName})
                      <div className="muted">
                        {a.forms.map((f) => t(`aw.form.${f}` as MessageKey)).join(", ")}
                        {a.amount !== null && ` · Rp ${formatNumber(a.amount, locale, 0)}`} · {a.skNumber},{" "}
                        {formatDate(a.skDate, locale)}
                      </div>
                      {a.reason && <div>{a.reason}</div>}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <AddAward code={code} year={year} onAdded={loaded.reload} />
          </>
        )}
      </LoadGate>
    </div>
  );
}

function AddAward({ code, year, onAdded }: { code: string; year: number; onAdded: () => void }) {
  const { t, locale } = useI18n();
  const [kind, setKind] = useState<AwardRecipient>("kader_posyandu");
  const [name, setName] = useState("");
  const [region, setRegion] = useState(code);
  const [forms, setForms] = useState<AwardForm[]>(["piagam"]);
  const [amount, setAmount] = useState("");
  const [sk, setSk] = useState("");
  const [skDate, setSkDate] = useState(todayIso());
  const [reason, setReason] = useState("");
  const action = useAction();
  const toggle = (f: AwardForm) => setForms(forms.includes(f) ? forms.filter((x) => x !== f) : [...forms, f]);
  return (
    <section className="stack-sm card" aria-labelledby="aw-add">
      <h2 id="aw-add">{t("aw.add")}</h2>
      <div className="field">
        <label htmlFor="aw-kind">{t("aw.recipientKind")}</label>
        <select id="aw-kind" value={kind} onChange={(e) => setKind(e.target.value as AwardRecipient)}>
          {AWARD_RECIPIENTS.map((k) => (
            <option key={k} value={k}>
              {AWARD_RECIPIENT_LABELS[k].letter}. {AWARD_RECIPIENT_LABELS[k][locale]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="aw-name">{t("aw.recipientName")}</label>
        <input id="aw-name" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="aw-region">{t("aw.region")}</label>
        <input id="aw-region" value={region} maxLength={40} onChange={(e) => setRegion(e.target.value)} />
      </div>
      <fieldset className="field">
        <legend>{t("aw.forms")}</legend>
        {AWARD_FORMS.map((f) => (
          <label key={f} className="checkbox">
            <input type="checkbox" checked={forms.includes(f)} onChange={() => toggle(f)} />{" "}
            {t(`aw.form.${f}` as MessageKey)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="aw-amount">{t("aw.amount")}</label>
        <input
          id="aw-amount"
          inputMode="numeric"
          value={amount}
          onChange={(e) => setAmount(e.target.value.replace(/\D/g, ""))}
        />
      </div>
      <div className="field">
        <label htmlFor="aw-sk">{t("aw.sk")}</label>
        <input id="aw-sk" value={sk} maxLength={120} onChange={(e) => setSk(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="aw-skdate">{t("aw.skDate")}</label>
        <input id="aw-skdate" type="date" value={skDate} onChange={(e) => setSkDate(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="aw-reason">{t("aw.reason")}</label>
        <textarea
          id="aw-reason"
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      {action.outcome && (
        <Notice tone={action.outcome.tone === "ok" ? "ok" : "error"}>{action.outcome.text}</Notice>
      )}
      {action.error !== null && <ErrorPanel error={action.error} />}
      <button
        type="button"
        className="button button--primary"
        disabled={action.busy}
        onClick={() =>
          action.run(async () => {
            await api.call(awardsApi.add, {
              body: {
                year,
                regionCode: region.trim(),
                recipientKind: kind,
                recipientName: name,
                forms,
                amount: amount ? Number(amount) : null,
                skNumber: sk,
                skDate,
                reason,
              },
            });
            setName("");
            onAdded();
          }, t("aw.saved"))
        }
      >
        {t("aw.add")}
      </button>
    </section>
  );
}
