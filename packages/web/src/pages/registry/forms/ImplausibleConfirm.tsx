import type { PlausibilityIssue } from "@tumbuh/core/growth-views";
import { useState } from "react";
import { useI18n } from "../../../i18n/I18nProvider";
import { formatDate, formatNumber } from "../../../kit/format";
import type { FieldError } from "../../../kit/forms/fieldErrors";
import { TextField } from "../../../kit/forms/fields";

/** One line per issue, in words a cadre can act on (no z-scores, no codes). */
export function IssueList({ issues }: { issues: readonly PlausibilityIssue[] }) {
  const { t, locale } = useI18n();
  const lines = new Set<string>();
  for (const i of issues) {
    if (i.kind === "who_flag") {
      lines.add(
        i.indicator === "zwei" || i.indicator === "zwfa"
          ? t("implausible.issue.who_flag.weight")
          : i.indicator === "zlen" || i.indicator === "zhfa"
            ? t("implausible.issue.who_flag.length")
            : t("implausible.issue.who_flag.ratio"),
      );
    } else if (i.kind === "length_drop") {
      lines.add(
        t("implausible.issue.length_drop", {
          date: formatDate(i.previousOn, locale),
          cm: formatNumber(i.previousCm, locale, 1),
        }),
      );
    } else {
      lines.add(
        t("implausible.issue.weight_jump", {
          date: formatDate(i.previousOn, locale),
          kg: formatNumber(i.previousKg, locale, 1),
        }),
      );
    }
  }
  return (
    <ul data-testid="implausible-issues">
      {[...lines].map((l) => (
        <li key={l}>{l}</li>
      ))}
    </ul>
  );
}

/**
 * Shown instead of saving when a value is implausible (core plausibilityIssues): measure again (back to
 * the form, values kept to correct) or keep the value with a reason, which the server stores beside it.
 */
export function ImplausibleConfirm({
  issues,
  onRemeasure,
  onConfirm,
  busy,
}: {
  issues: readonly PlausibilityIssue[];
  onRemeasure: () => void;
  onConfirm: (reason: string) => void;
  busy?: boolean;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<FieldError | undefined>();
  return (
    <section
      className="card stack-sm pd-confirm"
      role="alertdialog"
      aria-labelledby="implausible-title"
      data-testid="implausible"
    >
      <h2 id="implausible-title">{t("implausible.confirmTitle")}</h2>
      {issues.length > 0 ? <IssueList issues={issues} /> : <p>{t("error.code.implausible_measurement")}</p>}
      <p>{t("implausible.confirmHint")}</p>
      <button
        type="button"
        className="button button--primary button--block button--big"
        onClick={onRemeasure}
      >
        {t("implausible.remeasure")}
      </button>
      <TextField label={t("implausible.confirmReason")} value={reason} onChange={setReason} error={error} />
      <button
        type="button"
        className="button button--secondary button--block"
        disabled={busy}
        onClick={() => {
          if (reason.trim().length < 3) {
            setError({ key: "implausible.reasonRequired" });
            return;
          }
          onConfirm(reason.trim());
        }}
      >
        {t("implausible.confirmSave")}
      </button>
    </section>
  );
}
