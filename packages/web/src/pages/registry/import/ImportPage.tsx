// /impor — e-PPGBM "by name by address" import: choose a file, "Periksa" (dry run) shows what would be
// stored and what is rejected, "Simpan" stores it. The region comes from the file (server side).
import { type ImportReport, importsApi } from "@tumbuh/core";
import { useId, useState } from "react";
import { api } from "../../../api";
import { useI18n } from "../../../i18n/I18nProvider";
import type { MessageKey } from "../../../i18n/messages";
import { CheckField } from "../../../kit/forms/fields";
import { BackLink, useDocumentTitle } from "../../../kit/ui";
import { ImportReportView } from "./ImportReportView";
import { ACCEPT, formatFileSize, importErrorKey, isImportFile } from "./importFile";
import "../../../kit/kit.css";
import "../registry.css";

type Phase =
  | { kind: "choose" }
  | { kind: "checking" }
  | { kind: "checked"; report: ImportReport }
  | { kind: "saving"; report: ImportReport }
  | { kind: "saved"; report: ImportReport };

export default function ImportPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(t("import.title"));
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [allOrNothing, setAllOrNothing] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: "choose" });
  const [error, setError] = useState<MessageKey | null>(null);
  const [inputKey, setInputKey] = useState(0);

  async function run(dryRun: boolean) {
    if (!file) return setError("import.noFile");
    setError(null);
    const previous = phase;
    setPhase(
      dryRun
        ? { kind: "checking" }
        : { kind: "saving", report: (previous as { report: ImportReport }).report },
    );
    try {
      const query = {
        // the server accepts names up to 200 characters
        fileName: file.name.slice(0, 200),
        dryRun: dryRun ? "true" : "false",
        allOrNothing: allOrNothing ? "true" : "false",
      } as const;
      const report = await api.call(importsApi.measurements, { query }, { upload: file });
      setPhase(dryRun ? { kind: "checked", report } : { kind: "saved", report });
    } catch (e) {
      setError(importErrorKey(e));
      setPhase(previous.kind === "checking" || previous.kind === "saving" ? { kind: "choose" } : previous);
    }
  }

  function reset() {
    setFile(null);
    setPhase({ kind: "choose" });
    setError(null);
    setInputKey((k) => k + 1);
  }

  const locked = phase.kind === "checking" || phase.kind === "saving" || phase.kind === "saved";

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
        {phase.kind !== "saved" && (
          <button
            type="button"
            className="button button--primary button--block"
            disabled={locked || !file}
            onClick={() => run(true)}
          >
            {phase.kind === "checking" ? t("import.checking") : t("import.check")}
          </button>
        )}
      </div>

      {(phase.kind === "checked" || phase.kind === "saving" || phase.kind === "saved") && (
        <ImportReportView report={phase.report} />
      )}
      {(phase.kind === "checked" || phase.kind === "saving") && (
        <button
          type="button"
          className="button button--primary button--block button--big"
          disabled={phase.kind === "saving"}
          onClick={() => run(false)}
        >
          {phase.kind === "saving" ? t("import.saving") : t("import.save")}
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
