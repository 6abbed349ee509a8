// The regency's assessment method as a form (Paser Pasal 9 o: the method is the regency's choice): which
// components count, their weights (adding up to 100, so a weight is the most points a component gives) and
// how each raw figure becomes 0–1. Saving stores a new version (audited) and recomputes the year's draft in
// a background job; the server checks the same rules (core AssessmentMethodInput).
import {
  ASSESSMENT_COMPONENTS,
  type AssessmentComponent,
  type AssessmentMethod,
  assessmentsApi,
  COMPONENT_LABELS,
  METHOD_WEIGHT_TOTAL,
  type MethodComponent,
} from "@tumbuh/core";
import { useState } from "react";
import { api } from "../../api";
import { useI18n } from "../../i18n/I18nProvider";
import { ErrorPanel, Notice } from "../../kit/ui";
import { useAction } from "../../kit/useAction";

type Kind = MethodComponent["normalisation"]["kind"];
interface Row {
  used: boolean;
  weight: string;
  kind: Kind;
  target: string;
}

function rowsOf(method: AssessmentMethod): Record<AssessmentComponent, Row> {
  const rows = {} as Record<AssessmentComponent, Row>;
  for (const code of ASSESSMENT_COMPONENTS) {
    const c = method.components.find((m) => m.code === code);
    rows[code] = {
      used: c !== undefined,
      weight: String(c?.weight ?? 0),
      kind: c?.normalisation.kind ?? "percent",
      target: c?.normalisation.kind === "target" ? String(c.normalisation.target) : "90",
    };
  }
  return rows;
}

/** Decimal input in either notation ("12,5" or "12.5"); NaN when it is not a number. */
const num = (s: string) => (s.trim() === "" ? Number.NaN : Number(s.replace(",", ".")));

export function MethodEditor({
  code,
  year,
  method,
  published,
  onSaved,
}: {
  code: string;
  year: number;
  method: AssessmentMethod;
  /** The year's assessment is published: the new method applies to later computations only. */
  published: boolean;
  onSaved: (jobId: string | null) => void;
}) {
  const { t, locale } = useI18n();
  const [rows, setRows] = useState(() => rowsOf(method));
  const [note, setNote] = useState(method.note);
  const action = useAction();
  const used = ASSESSMENT_COMPONENTS.filter((c) => rows[c].used);
  const sum = used.reduce((s, c) => s + (num(rows[c].weight) || 0), 0);
  const badWeight = used.some((c) => !(num(rows[c].weight) >= 0 && num(rows[c].weight) <= 100));
  const badTarget = used.some((c) => rows[c].kind === "target" && !(num(rows[c].target) > 0));
  const sumOk = Math.abs(sum - METHOD_WEIGHT_TOTAL) < 1e-9;
  const ready = used.length > 0 && sumOk && !badWeight && !badTarget;
  const set = (c: AssessmentComponent, patch: Partial<Row>) =>
    setRows((r) => ({ ...r, [c]: { ...r[c], ...patch } }));

  async function save() {
    const body: AssessmentMethod = {
      note: note.trim(),
      components: used.map((c) => ({
        code: c,
        weight: num(rows[c].weight),
        normalisation:
          rows[c].kind === "target"
            ? { kind: "target", target: num(rows[c].target) }
            : { kind: rows[c].kind as "percent" | "minmax" },
      })),
    };
    const saved = await action.run(() =>
      api.call(assessmentsApi.setMethod, { query: { region: code, year }, body }),
    );
    if (saved) onSaved(saved.jobId);
  }

  return (
    <details className="card as-editor">
      <summary>{t("as.edit.open")}</summary>
      <form
        className="stack-sm"
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) void save();
        }}
      >
        <p className="hint">{t("as.edit.hint")}</p>
        {published && <Notice tone="info">{t("as.edit.published", { year })}</Notice>}
        {ASSESSMENT_COMPONENTS.map((c) => {
          const r = rows[c];
          const id = `as-edit-${c}`;
          return (
            <fieldset key={c} className="as-editor__row">
              <legend>{COMPONENT_LABELS[c][locale]}</legend>
              <label className="as-editor__use">
                <input
                  type="checkbox"
                  checked={r.used}
                  onChange={(e) => set(c, { used: e.target.checked })}
                />{" "}
                {t("as.edit.use")}
              </label>
              {r.used && (
                <div className="as-editor__fields">
                  <div className="field">
                    <label htmlFor={`${id}-weight`}>{t("as.edit.weight")}</label>
                    <input
                      id={`${id}-weight`}
                      inputMode="decimal"
                      value={r.weight}
                      aria-invalid={!(num(r.weight) >= 0 && num(r.weight) <= 100)}
                      onChange={(e) => set(c, { weight: e.target.value })}
                    />
                  </div>
                  <div className="field">
                    <label htmlFor={`${id}-kind`}>{t("as.edit.norm")}</label>
                    <select
                      id={`${id}-kind`}
                      value={r.kind}
                      onChange={(e) => set(c, { kind: e.target.value as Kind })}
                    >
                      <option value="percent">{t("as.norm.percent")}</option>
                      <option value="target">{t("as.edit.normTarget")}</option>
                      <option value="minmax">{t("as.norm.minmax")}</option>
                    </select>
                  </div>
                  {r.kind === "target" && (
                    <div className="field">
                      <label htmlFor={`${id}-target`}>{t("as.edit.target")}</label>
                      <input
                        id={`${id}-target`}
                        inputMode="decimal"
                        value={r.target}
                        aria-invalid={!(num(r.target) > 0)}
                        onChange={(e) => set(c, { target: e.target.value })}
                      />
                    </div>
                  )}
                </div>
              )}
              <p className="rp-source">{COMPONENT_LABELS[c].source}</p>
            </fieldset>
          );
        })}
        <p role="status" className={sumOk ? "" : "rp-state--overdue"} data-testid="as-edit-sum">
          {t("as.edit.sum", { sum: sum.toLocaleString(locale === "id" ? "id-ID" : "en-GB"), total: 100 })}
          {!sumOk && ` ${t("error.reason.weights_sum")}`}
          {badTarget && ` ${t("as.edit.badTarget")}`}
        </p>
        <div className="field">
          <label htmlFor="as-edit-note">{t("as.edit.note")}</label>
          <textarea
            id="as-edit-note"
            rows={3}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        {action.error !== null && <ErrorPanel error={action.error} />}
        {action.outcome && (
          <Notice tone={action.outcome.tone === "ok" ? "ok" : "error"}>{action.outcome.text}</Notice>
        )}
        <button type="submit" className="button button--primary" disabled={!ready || action.busy}>
          {t("as.edit.save")}
        </button>
      </form>
    </details>
  );
}
