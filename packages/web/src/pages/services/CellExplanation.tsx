// The explanation of a tapped scorecard cell: what was due and by when, what was recorded, the rule and its
// source (GET /api/regions/:code/scorecard/cell). Shown as a panel under the table; dates in Indonesian.
import { type ScorecardCellView, servicesApi } from "@tumbuh/core";
import { useEffect, useRef } from "react";
import { api } from "../../api";
import { useI18n } from "../../i18n/I18nProvider";
import { formatDate, formatMonth } from "../../kit/format";
import { LoadGate } from "../../kit/ui";
import { useLoad } from "../../kit/useLoad";

export interface PickedCell {
  personId: string;
  indicator: string;
}

export function CellExplanation({
  code,
  period,
  picked,
  onClose,
}: {
  code: string;
  period: string;
  picked: PickedCell;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const view = useLoad<ScorecardCellView>(
    `scorecard-cell:${code}:${period}:${picked.personId}:${picked.indicator}`,
    (s) =>
      api.call(
        servicesApi.scorecardCell,
        { params: { code }, query: { period, person: picked.personId, indicator: picked.indicator } },
        { signal: s },
      ),
  );
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="cell-why" aria-labelledby="cell-why-title" data-testid="cell-why">
      <LoadGate loaded={view}>
        {(v) => (
          <div className="stack-sm">
            <div className="cell-why__head">
              <h2 id="cell-why-title" ref={heading} tabIndex={-1}>
                {v.indicator.label[locale]}
              </h2>
              <button type="button" className="button button--secondary" onClick={onClose}>
                {t("svc.why.close")}
              </button>
            </div>
            <p className="muted">{v.name}</p>
            {v.months.map((m) => (
              <div key={m.month} className="cell-why__month stack-sm">
                <h3>
                  {formatMonth(m.month, locale)}{" "}
                  <span
                    className={`cell ${m.cell === "Y" ? "cell-y" : m.cell === "T" ? "cell-t" : "cell-ts"}`}
                  >
                    {m.cell ?? "–"}
                  </span>{" "}
                  <span className="muted">{t(`svc.why.cell.${m.cell ?? "none"}`)}</span>
                </h3>
                <p>
                  <strong>{t("svc.why.rule")}</strong> {m.rule[locale]}
                </p>
                {m.due.length > 0 && (
                  <>
                    <h4>{t("svc.why.due")}</h4>
                    <ul className="cell-why__list">
                      {m.due.map((d) => (
                        <li key={`${d.label.id}-${d.by}`} className={d.met ? "met" : "unmet"}>
                          <span aria-hidden="true">{d.met ? "✓" : "✗"}</span> {d.label[locale]}
                          {d.by && (
                            <span className="muted">
                              {" "}
                              · {t("svc.why.by", { date: formatDate(d.by, locale) })}
                            </span>
                          )}
                          <span className="sr-only">{d.met ? t("svc.why.met") : t("svc.why.unmet")}</span>
                        </li>
                      ))}
                    </ul>
                  </>
                )}
                <h4>{t("svc.why.recorded")}</h4>
                {m.recorded.length === 0 ? (
                  <p className="muted">{t("svc.why.nothing")}</p>
                ) : (
                  <ul className="cell-why__list">
                    {m.recorded.map((r) => (
                      <li key={`${r.label.id}-${r.on}`}>
                        {r.label[locale]} <span className="muted">· {formatDate(r.on, locale)}</span>
                      </li>
                    ))}
                  </ul>
                )}
                {m.note && <p className="alert alert--info">{m.note[locale]}</p>}
                <p className="muted cell-why__source">
                  {t("svc.why.source")} {m.source}
                </p>
              </div>
            ))}
          </div>
        )}
      </LoadGate>
    </section>
  );
}
