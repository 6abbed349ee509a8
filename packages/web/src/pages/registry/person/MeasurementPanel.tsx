// "Tambah pengukuran": a button that opens the form; after saving, the result (z-scores, categories,
// N/T, what to do) replaces the form until the cadre adds another.
import type { MeasurementView, PersonView } from "@tumbuh/core";
import { useId, useState } from "react";
import { useI18n } from "../../../i18n/I18nProvider";
import { MeasurementForm } from "./MeasurementForm";
import { MeasurementResult } from "./MeasurementResult";

type Mode = { kind: "closed" } | { kind: "form" } | { kind: "result"; measurement: MeasurementView };

export function MeasurementPanel({ view, onSaved }: { view: PersonView; onSaved: () => void }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<Mode>({ kind: "closed" });
  const headingId = useId();

  if (mode.kind === "closed") {
    return (
      <button
        type="button"
        className="button button--primary button--block button--big"
        onClick={() => setMode({ kind: "form" })}
      >
        + {t("measure.title")}
      </button>
    );
  }
  return (
    <section className="card stack measurement-panel" aria-labelledby={headingId}>
      {mode.kind === "form" ? (
        <>
          <h2 id={headingId}>{t("measure.title")}</h2>
          <MeasurementForm
            person={view.person}
            onCancel={() => setMode({ kind: "closed" })}
            onSaved={(measurement) => {
              setMode({ kind: "result", measurement });
              onSaved();
            }}
          />
        </>
      ) : (
        <MeasurementResult
          headingId={headingId}
          measurement={mode.measurement}
          alerts={view.alerts}
          onAnother={() => setMode({ kind: "form" })}
        />
      )}
    </section>
  );
}
