import { type ImportReport, type ImportRowError, importsApi } from "@tumbuh/core";
import { useEffect, useId, useRef } from "react";
import { hrefFor } from "../../../api";
import { useI18n } from "../../../i18n/I18nProvider";
import type { MessageKey } from "../../../i18n/messages";
import { nothingStored } from "./importFile";

/**
 * Totals, then the rejected rows and the warnings (baris, kolom, alasan — each reason said from its code),
 * and the same list as CSV from the server (audited) when the import ran as job `jobId`.
 */
export function ImportReportView({ report, jobId }: { report: ImportReport; jobId?: string }) {
  const { t } = useI18n();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // a new report (check, then save) moves focus and the view to it
  useEffect(() => {
    void report;
    headingRef.current?.focus();
  }, [report]);
  const none = nothingStored(report);
  const stats: { key: MessageKey; value: number; tone?: "danger" | "warn" }[] = [
    { key: "import.rows", value: report.rows },
    { key: "import.persons", value: report.stored.persons },
    { key: "import.measurements", value: report.stored.measurements },
    { key: "import.already", value: report.alreadyPresent },
    { key: "import.rejected", value: report.rejected.length, tone: "danger" },
    { key: "import.warnings", value: report.warnings.length, tone: "warn" },
  ];
  return (
    <section className="stack" aria-labelledby={headingId} aria-live="polite">
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {report.fileName}
      </h2>
      <p
        className={`alert ${report.dryRun ? "alert--info" : none ? "alert--error" : "alert--ok"}`}
        role="status"
      >
        {report.dryRun ? t("import.dryRunNote") : none ? t("import.nothingSaved") : t("import.doneNote")}
      </p>
      {report.dryRun && none && <p className="alert alert--warn">{t("import.nothingSaved")}</p>}
      <dl className="stats">
        {stats.map((s) => (
          <div key={s.key} className={s.tone && s.value > 0 ? `stat stat--${s.tone}` : "stat"}>
            <dt>{t(s.key)}</dt>
            <dd>{s.value}</dd>
          </div>
        ))}
      </dl>
      {report.rejected.length === 0 ? (
        <p className="muted">{t("import.noneRejected")}</p>
      ) : (
        <RowTable
          title={t("import.rejectedRows", { count: report.rejected.length })}
          rows={report.rejected}
        />
      )}
      {report.warnings.length > 0 && (
        <RowTable title={t("import.warningRows", { count: report.warnings.length })} rows={report.warnings} />
      )}
      {jobId && report.rejected.length + report.warnings.length > 0 && (
        <a
          className="button button--secondary button--block"
          href={hrefFor(importsApi.rejectionsCsv, { params: { id: jobId } })}
          download
        >
          {t("import.rejectedDownload")}
        </a>
      )}
    </section>
  );
}

function RowTable({ title, rows }: { title: string; rows: readonly ImportRowError[] }) {
  const { t } = useI18n();
  return (
    <div className="stack-sm">
      <h3>{title}</h3>
      <table className="data-table row-table">
        <thead>
          <tr>
            <th scope="col">{t("import.line")}</th>
            <th scope="col">{t("import.column")}</th>
            <th scope="col">{t("import.reason")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a row may carry several reasons for one line
            <tr key={i}>
              <td data-label={t("import.line")}>{r.line}</td>
              <td data-label={t("import.column")}>{r.column ?? "—"}</td>
              <td data-label={t("import.reason")}>{t(`import.reason.${r.code}`, r.params)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
