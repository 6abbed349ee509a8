import {
  NARRATIVE_LABELS,
  type Narrative,
  type NarrativeField,
  periodLabel,
  REPORT_KINDS,
  type ReportSectionView,
  type ReportView,
  reportsApi,
  type Signature,
} from "@tumbuh/core";
import { useEffect, useState } from "react";
import { api, hrefFor } from "../../api";
import { useI18n } from "../../i18n/I18nProvider";
import type { MessageKey } from "../../i18n/messages";
import { formatDate } from "../../kit/format";
import { BackLink, ErrorPanel, LoadGate, Notice, useDocumentTitle } from "../../kit/ui";
import { useAction } from "../../kit/useAction";
import { useJob } from "../../kit/useJob";
import { useLoad } from "../../kit/useLoad";
import { Link, navigate } from "../../router/navigation";
import { pathFor } from "../../router/routes";
import { showFigure } from "./format";
import "../../kit/kit.css";
import "./reports.css";

/** One version of a report: what it carries, who signs, and the next step its state allows. */
export default function ReportPage({ id }: { id: string }) {
  const { t } = useI18n();
  const loaded = useLoad<ReportView>(`report:${id}`, (signal) =>
    api.call(reportsApi.get, { params: { id } }, { signal }),
  );
  useDocumentTitle(t("rp.figures"));
  return (
    <LoadGate loaded={loaded}>
      {(r) => (
        <ReportBody report={r} onChange={(next) => loaded.setData(() => next)} reload={loaded.reload} />
      )}
    </LoadGate>
  );
}

function ReportBody({
  report: r,
  onChange,
  reload,
}: {
  report: ReportView;
  onChange: (r: ReportView) => void;
  reload: () => void;
}) {
  const { t, locale } = useI18n();
  const def = REPORT_KINDS[r.kind];
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob(jobId);
  // The documents render in the background after issuing: show the downloads once the job is done.
  useEffect(() => {
    if (jobId && (job.status === "finished" || job.status === "error")) {
      setJobId(null);
      reload();
    }
  }, [job.status, jobId, reload]);
  const recipient = r.recipientName ?? t("rp.external", { title: def.recipientTitle });
  return (
    <div className="stack-lg">
      <BackLink to={pathFor("reports", { code: r.regionCode })}>{t("rp.back")}</BackLink>
      <header className="stack-sm">
        <h1>{def.title[locale]}</h1>
        <p>
          <strong>{r.regionName}</strong> — {periodLabel(r.period, locale)}
        </p>
        <p className="muted">
          {t("rp.version", { n: r.version })} · {t(`rp.status.${r.status}` as MessageKey)}
          {r.superseded && ` · ${t("rp.superseded")}`} ·{" "}
          {t("rp.dueOn", { date: formatDate(r.dueOn, locale) })}
        </p>
        <p>
          {t("rp.recipient")}: {recipient}
        </p>
        <details>
          <summary>
            {t("rp.basis")}: {def.source}
          </summary>
          <p className="rp-source">{def.basis}</p>
        </details>
        {r.acknowledgedAt && (
          <Notice tone="ok">
            {t("rp.acknowledgedOn", { date: formatDate(r.acknowledgedAt.slice(0, 10), locale) })}
            {r.acknowledgeNote ? ` — ${r.acknowledgeNote}` : ""}
          </Notice>
        )}
      </header>

      {r.versions.length > 1 && (
        <section className="stack-sm" aria-labelledby="rp-versions">
          <h2 id="rp-versions">{t("rp.versions")}</h2>
          <ul className="plain-list rp-list">
            {r.versions.map((v) => (
              <li key={v.id}>
                {v.id === r.id ? (
                  <strong>{t("rp.version", { n: v.version })}</strong>
                ) : (
                  <Link to={pathFor("report", { id: v.id })}>{t("rp.version", { n: v.version })}</Link>
                )}{" "}
                · {t(`rp.status.${v.status}` as MessageKey)}
                {v.issuedAt && ` · ${formatDate(v.issuedAt.slice(0, 10), locale)}`}
              </li>
            ))}
          </ul>
        </section>
      )}

      {r.status !== "draft" && (
        <section className="button-row">
          {r.documents ? (
            <>
              <a
                className="button button--secondary"
                href={hrefFor(reportsApi.pdf, { params: { id: r.id } })}
                download
              >
                {t("rp.pdf")}
              </a>
              <a
                className="button button--secondary"
                href={hrefFor(reportsApi.xlsx, { params: { id: r.id } })}
                download
              >
                {t("rp.xlsx")}
              </a>
            </>
          ) : (
            <p className="muted" role="status">
              {t("rp.rendering")}
            </p>
          )}
        </section>
      )}

      <Actions report={r} onChange={onChange} onIssued={setJobId} />

      <section className="stack" aria-labelledby="rp-figures">
        <h2 id="rp-figures">{t("rp.figures")}</h2>
        <p className="muted">
          {r.status === "draft"
            ? t("rp.live", { date: formatDate(r.figures.assembledAt.slice(0, 10), locale) })
            : t("rp.frozen", { date: formatDate((r.issuedAt ?? "").slice(0, 10), locale) })}
        </p>
        {r.figures.sections.map((s, i) => (
          <Section key={s.code} n={i + 1} section={s} />
        ))}
      </section>

      {r.can.edit ? <EditForm report={r} onChange={onChange} /> : <ReadNarrative report={r} />}
    </div>
  );
}

function Section({ n, section: s }: { n: number; section: ReportSectionView }) {
  const { locale } = useI18n();
  return (
    <div className="rp-section stack-sm">
      <h3>
        {n}. {s.title}
      </h3>
      <p className="rp-source">{s.source}</p>
      {s.note && <p className="alert alert--info">{s.note}</p>}
      {s.figures.length > 0 && (
        <dl className="rp-figures">
          {s.figures.map((f) => (
            <div key={f.key} style={{ display: "contents" }}>
              <dt>{f.label}</dt>
              <dd>
                {showFigure(f.unit, f.unit === "text" ? f.text : f.value, locale)}
                {f.unit !== "text" && f.text && <small>{f.text}</small>}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {s.tables
        .filter((tb) => tb.rows.length > 0)
        .map((tb) => (
          <div key={tb.key} className="rp-table-wrap">
            <table className="rp-table">
              <caption className="sr-only">{tb.title}</caption>
              <thead>
                <tr>
                  {tb.columns.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {tb.rows.map((row, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows are a frozen list without ids
                  <tr key={i}>
                    {row.map((cell, j) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                      <td key={j} className={tb.units[j] === "text" ? undefined : "num"}>
                        {showFigure(tb.units[j] ?? "text", cell, locale)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </div>
  );
}

function ReadNarrative({ report: r }: { report: ReportView }) {
  const { t, locale } = useI18n();
  const fields = REPORT_KINDS[r.kind].narrative.filter((f) => (r.narrative[f] ?? "") !== "");
  return (
    <section className="stack-sm" aria-labelledby="rp-narrative">
      <h2 id="rp-narrative">{t("rp.narrative")}</h2>
      {fields.map((f) => (
        <div key={f}>
          <h3>{NARRATIVE_LABELS[f][locale]}</h3>
          <p style={{ whiteSpace: "pre-wrap" }}>{r.narrative[f]}</p>
        </div>
      ))}
      <h2>{t("rp.signatures")}</h2>
      <ul className="plain-list">
        {r.signatures.map((s) => (
          <li key={s.position}>
            {s.position}: <strong>{s.name || "—"}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}

function EditForm({ report: r, onChange }: { report: ReportView; onChange: (r: ReportView) => void }) {
  const { t, locale } = useI18n();
  const [narrative, setNarrative] = useState<Narrative>(r.narrative);
  const [signatures, setSignatures] = useState<Signature[]>(r.signatures);
  const action = useAction();
  const save = (refresh = false) =>
    action.run(async () => {
      const next = await api.call(reportsApi.update, {
        params: { id: r.id },
        body: { narrative, signatures, ...(refresh ? { refresh } : {}) },
      });
      onChange(next);
      return next;
    }, t("rp.saved"));
  return (
    <section className="stack" aria-labelledby="rp-edit">
      <h2 id="rp-edit">{t("rp.narrative")}</h2>
      {REPORT_KINDS[r.kind].narrative.map((f: NarrativeField) => (
        <div className="field" key={f}>
          <label htmlFor={`rp-n-${f}`}>{NARRATIVE_LABELS[f][locale]}</label>
          <textarea
            id={`rp-n-${f}`}
            maxLength={8000}
            value={narrative[f] ?? ""}
            onChange={(e) => setNarrative({ ...narrative, [f]: e.target.value })}
          />
        </div>
      ))}
      <h2>{t("rp.signatures")}</h2>
      <div className="rp-sign">
        {signatures.map((s, i) => (
          <div className="field" key={s.position}>
            <label htmlFor={`rp-s-${i}`}>
              {s.position} — {t("rp.name")}
            </label>
            <input
              id={`rp-s-${i}`}
              value={s.name}
              maxLength={200}
              onChange={(e) =>
                setSignatures(signatures.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))
              }
            />
          </div>
        ))}
      </div>
      {action.outcome && (
        <Notice tone={action.outcome.tone === "ok" ? "ok" : "error"}>{action.outcome.text}</Notice>
      )}
      {action.error !== null && <ErrorPanel error={action.error} />}
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          disabled={action.busy}
          onClick={() => save()}
        >
          {t("rp.save")}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={action.busy}
          onClick={() => save(true)}
        >
          {t("rp.refresh")}
        </button>
      </div>
    </section>
  );
}

function Actions({
  report: r,
  onChange,
  onIssued,
}: {
  report: ReportView;
  onChange: (r: ReportView) => void;
  onIssued: (jobId: string) => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [note, setNote] = useState("");
  if (!r.can.issue && !r.can.acknowledge && !r.can.correct) return null;
  return (
    <section className="stack-sm card">
      {r.can.issue && (
        <>
          <p className="hint">{t("rp.issueHint")}</p>
          <button
            type="button"
            className="button button--primary"
            disabled={action.busy}
            onClick={() =>
              action.run(async () => {
                const { jobId, ...view } = await api.call(reportsApi.issue, {
                  params: { id: r.id },
                  body: {},
                });
                onChange(view);
                onIssued(jobId);
              }, t("rp.issued"))
            }
          >
            {t("rp.issue")}
          </button>
        </>
      )}
      {r.can.acknowledge && (
        <>
          <div className="field">
            <label htmlFor="rp-ack">{t("rp.ackNote")}</label>
            <textarea id="rp-ack" maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <button
            type="button"
            className="button button--primary"
            disabled={action.busy}
            onClick={() =>
              action.run(async () =>
                onChange(
                  await api.call(reportsApi.acknowledge, {
                    params: { id: r.id },
                    body: note.trim() ? { note: note.trim() } : {},
                  }),
                ),
              )
            }
          >
            {t("rp.acknowledge")}
          </button>
        </>
      )}
      {r.can.correct && (
        <button
          type="button"
          className="button button--secondary"
          disabled={action.busy}
          onClick={() =>
            action.run(async () => {
              const next = await api.call(reportsApi.correct, { params: { id: r.id }, body: {} });
              navigate(pathFor("report", { id: next.id }));
            })
          }
        >
          {t("rp.correct")}
        </button>
      )}
      {action.outcome && (
        <Notice tone={action.outcome.tone === "ok" ? "ok" : "error"}>{action.outcome.text}</Notice>
      )}
      {action.error !== null && <ErrorPanel error={action.error} />}
    </section>
  );
}
