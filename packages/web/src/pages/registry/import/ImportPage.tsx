// /impor — e-PPGBM / SIGIZI import: choose a file, "Periksa" (dry run) shows what would be stored, what is
// rejected and how e-PPGBM's own values compare, "Simpan" stores it. The region comes from the file. Each
// step runs as a background job on the server; the page follows it and shows its progress.
import { type ImportResult, importsApi } from "@tumbuh/core";
import { useEffect, useId, useState } from "react";
import { api } from "../../../api";
import { useI18n } from "../../../i18n/I18nProvider";
import type { MessageKey } from "../../../i18n/messages";
import { CheckField } from "../../../kit/forms/fields";
import { BackLink, useDocumentTitle } from "../../../kit/ui";
import { useJob } from "../../../kit/useJob";
import { ImportReportView } from "./ImportReportView";
import { ACCEPT, formatFileSize, importErrorKey, isImportFile, jobErrorKey } from "./importFile";
import { ReconciliationView } from "./ReconciliationView";
import "../../../kit/kit.css";
import "../registry.css";

type Phase =
  | { kind: "choose" }
  | { kind: "running"; dryRun: boolean; jobId: string | null; before: Done | null }
  | Done;
type Done = { kind: "checked" | "saved"; result: ImportResult; jobId: string };

export default function ImportPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(t("import.title"));
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [allOrNothing, setAllOrNothing] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: "choose" });
  const [error, setError] = useState<MessageKey | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const job = useJob(phase.kind === "running" ? phase.jobId : null);

  // The job ends: its result becomes the report, or its error code a message.
  useEffect(() => {
    if (phase.kind !== "running") return;
    if (job.status === "error") {
      setError(importErrorKey(job.error));
      setPhase(phase.before ?? { kind: "choose" });
    } else if (job.status === "finished" && phase.jobId) {
      if (job.job.status === "done") {
        setPhase({
          kind: phase.dryRun ? "checked" : "saved",
          result: job.job.result as ImportResult,
          jobId: phase.jobId,
        });
      } else {
        setError(jobErrorKey(job.job.error?.code));
        setPhase(phase.before ?? { kind: "choose" });
      }
    }
  }, [job, phase]);

  async function run(dryRun: boolean) {
    if (!file) return setError("import.noFile");
    setError(null);
    const before = phase.kind === "checked" ? phase : null;
    setPhase({ kind: "running", dryRun, jobId: null, before });
    try {
      const query = {
        // the server accepts names up to 200 characters
        fileName: file.name.slice(0, 200),
        dryRun: dryRun ? "true" : "false",
        allOrNothing: allOrNothing ? "true" : "false",
      } as const;
      const { jobId } = await api.call(importsApi.measurements, { query }, { upload: file });
      setPhase({ kind: "running", dryRun, jobId, before });
    } catch (e) {
      setError(importErrorKey(e));
      setPhase(before ?? { kind: "choose" });
    }
  }

  function reset() {
    setFile(null);
    setPhase({ kind: "choose" });
    setError(null);
    setInputKey((k) => k + 1);
  }

  const running = phase.kind === "running";
  const locked = running || phase.kind === "saved";
  const shown: Done | null = phase.kind === "running" ? phase.before : phase.kind === "choose" ? null : phase;
  const progress = job.status === "following" ? job.job : null;

  return (
    <div className="stack-lg">
      <div className="stack-sm">
        <BackLink to="/">{t("common.backHome")}</BackLink>
        <h1>{t("import.title")}</h1>
        <p className="muted">{t("import.intro")}</p>
      </div>

      <div className="card stack">
        <div className="field">
          <p className="field__label">{t("import.file")}</p>
          <div className="file-picker">
            <input
              key={inputKey}
              id={fileId}
              type="file"
              accept={ACCEPT}
              disabled={locked}
              aria-describedby={`${fileId}-hint`}
              onChange={(e) => {
                const chosen = e.target.files?.[0] ?? null;
                setPhase({ kind: "choose" });
                if (chosen && !isImportFile(chosen.name)) {
                  setFile(null);
                  setError("import.wrongType");
                  return;
                }
                setError(null);
                setFile(chosen);
              }}
            />
            <label htmlFor={fileId} className="button button--secondary button--block">
              {file ? t("import.changeFile") : t("import.chooseFile")}
            </label>
          </div>
          <p className="hint" id={`${fileId}-hint`}>
            {file ? `${file.name} · ${formatFileSize(file.size, locale)}` : t("import.fileHint")}
          </p>
        </div>
        <CheckField
          label={t("import.allOrNothing")}
          hint={t("import.allOrNothingHint")}
          checked={allOrNothing}
          onChange={(v) => {
            setAllOrNothing(v);
            if (phase.kind === "checked") setPhase({ kind: "choose" });
          }}
        />
        {error && (
          <p className="alert alert--error" role="alert">
            {t(error)}
          </p>
        )}
        {running && (
          <div className="stack-sm" role="status" aria-live="polite">
            <progress
              className="import-progress"
              max={progress?.progress.total ?? undefined}
              value={progress?.progress.total ? progress.progress.done : undefined}
            />
            <p className="hint">
              {progress?.status === "queued" || !progress
                ? t("import.queued")
                : progress.progress.total
                  ? t("import.progress", { done: progress.progress.done, total: progress.progress.total })
                  : t("import.progressStart")}
            </p>
          </div>
        )}
        {phase.kind !== "saved" && !(running && !phase.dryRun) && (
          <button
            type="button"
            className="button button--primary button--block"
            disabled={locked || !file}
            onClick={() => run(true)}
          >
            {running ? t("import.checking") : t("import.check")}
          </button>
        )}
      </div>

      {shown && (
        <>
          <p className="muted">
            {t("import.format", {
              format: t(`import.format.${shown.result.format}`),
              line: shown.result.headerLine ?? 1,
            })}
          </p>
          <ImportReportView report={shown.result} jobId={shown.jobId} />
          <ReconciliationView result={shown.result} jobId={shown.jobId} />
        </>
      )}
      {(phase.kind === "checked" || (running && !phase.dryRun)) && (
        <button
          type="button"
          className="button button--primary button--block button--big"
          disabled={running}
          onClick={() => run(false)}
        >
          {running ? t("import.saving") : t("import.save")}
        </button>
      )}
      {phase.kind === "saved" && (
        <button type="button" className="button button--secondary button--block" onClick={reset}>
          {t("import.another")}
        </button>
      )}
    </div>
  );
}
