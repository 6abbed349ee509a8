import type { ChartView } from "@tumbuh/core";
import { type FormEvent, useId, useMemo, useRef, useState } from "react";
import { GrowthChart } from "../../components/GrowthChart/GrowthChart";
import { useI18n } from "../../i18n/I18nProvider";
import type { MessageKey } from "../../i18n/messages";
import { formatAgeMonths, todayIso } from "../../kit/format";
import { DecimalField, FieldGroup, focusFirstInvalid } from "../../kit/forms/fields";
import { useForm } from "../../kit/forms/useForm";
import { SyncStatusBar } from "../../kit/sync/SyncStatusBar";
import { useLive, useSyncEngine } from "../../kit/sync/useSync";
import { BackLink, useDocumentTitle } from "../../kit/ui";
import { navigate } from "../../router/navigation";
import { posyanduChildPath, posyanduDayPath } from "../../router/routes";
import { useMe } from "../../session/SessionProvider";
import { recordMeasurement } from "../../sync/outbox";
import { BodyMeasureFields } from "../registry/forms/BodyMeasureFields";
import { emptyMeasurementForm, type MeasurementForm, toMeasurementPayload } from "../registry/forms/payloads";
import { MeasurementResult } from "../registry/person/MeasurementResult";
import { chartOf, dueChildren, type LocalChild, type LocalMeasurement, resultOf } from "./day";
import { EditChild } from "./EditChild";
import { childrenAt, childWithHistory, measuredOnDay } from "./local";
import "./posyandu.css";

const INDICATORS: readonly ChartView["indicator"][] = ["bbu", "tbu", "bbtb"];

/** Step 3: weigh and measure one child; the result (z-scores, N/T, what to do) shows at once, offline. */
export default function ChildEntryPage({ code, id }: { code: string; id: string }) {
  const { t, locale } = useI18n();
  const engine = useSyncEngine();
  const today = todayIso();
  const data = useLive(() => childWithHistory(engine, id), `${engine.userId}|${id}`);
  useDocumentTitle(data?.child.name ?? t("pd.title"));
  if (data === undefined) return null;
  if (data === null) {
    return (
      <div className="stack pd">
        <BackLink to={posyanduDayPath(code)}>{t("pd.back")}</BackLink>
        <p className="alert alert--info">{t("pd.noChild")}</p>
      </div>
    );
  }
  const todays = data.history.find((m) => m.measuredOn === today);
  async function next() {
    const [kids, weighed] = await Promise.all([childrenAt(engine, code), measuredOnDay(engine, code, today)]);
    const rows = dueChildren(kids, weighed, code, today);
    const at = rows.findIndex((r) => r.child.id === id);
    const after = [...rows.slice(at + 1), ...rows.slice(0, Math.max(0, at))].find((r) => !r.weighedToday);
    navigate(after ? posyanduChildPath(code, after.child.id) : posyanduDayPath(code));
  }
  return (
    <div className="stack pd">
      <BackLink to={posyanduDayPath(code)}>{t("pd.back")}</BackLink>
      <header className="stack-sm">
        <h1>{data.child.name}</h1>
        <p className="muted">
          {t(`sex.${data.child.sex}`)} · {formatAgeMonths(monthsOld(data.child, today), locale)}
          {data.child.parentName ? ` · ${t("pd.parent", { name: data.child.parentName })}` : ""}
        </p>
      </header>
      <SyncStatusBar engine={engine} />
      {todays ? (
        <TodayResult child={data.child} history={data.history} id={todays.id} onNext={next} />
      ) : (
        <EntryForm child={data.child} />
      )}
      <ChildChart child={data.child} history={data.history} />
      <EditChild engine={engine} child={data.child} />
    </div>
  );
}

function monthsOld(child: LocalChild, today: string): number {
  const [y1, m1, d1] = child.birthDate.split("-").map(Number) as [number, number, number];
  const [y2, m2, d2] = today.split("-").map(Number) as [number, number, number];
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
}

function TodayResult(props: {
  child: LocalChild;
  history: LocalMeasurement[];
  id: string;
  onNext: () => void;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const result = useMemo(
    () => resultOf(props.child, props.history, props.id),
    [props.child, props.history, props.id],
  );
  if (!result) return null;
  return (
    <section className="card pd-result" aria-labelledby={headingId} data-testid="pd-result">
      <MeasurementResult
        headingId={headingId}
        measurement={result.view}
        alerts={result.alerts}
        onAnother={props.onNext}
        anotherLabel={t("pd.next")}
      />
    </section>
  );
}

function EntryForm({ child }: { child: LocalChild }) {
  const { t } = useI18n();
  const me = useMe();
  const engine = useSyncEngine();
  const today = todayIso();
  const { form, set, errors, setErrors } = useForm<MeasurementForm>(() =>
    emptyMeasurementForm(child.birthDate, today),
  );
  const [message, setMessage] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLFormElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const built = toMeasurementPayload(form, {
      personId: child.id,
      birthDate: child.birthDate,
      today,
      measuredBy: me.displayName,
    });
    if (!built.ok) {
      setErrors(built.errors);
      setMessage("reg.fixErrors");
      focusFirstInvalid(ref.current);
      return;
    }
    setBusy(true);
    try {
      const { sessionId: _none, ...payload } = built.payload;
      await recordMeasurement(engine, child.regionCode, payload);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={ref} className="stack card" onSubmit={submit} noValidate data-testid="pd-form">
      <h2>{t("pd.measureTitle")}</h2>
      <BodyMeasureFields form={form} errors={errors} set={set} />
      <FieldGroup label={t("measure.more")} optional>
        <DecimalField
          label={t("measure.muac")}
          value={form.muac}
          onChange={set("muac")}
          error={errors.muac}
        />
      </FieldGroup>
      {message && (
        <p className="alert alert--error" role="alert">
          {t(message)}
        </p>
      )}
      <button type="submit" className="button button--primary button--block button--big" disabled={busy}>
        {busy ? t("reg.saving") : t("measure.submit")}
      </button>
    </form>
  );
}

function ChildChart({ child, history }: { child: LocalChild; history: LocalMeasurement[] }) {
  const { t } = useI18n();
  const [indicator, setIndicator] = useState<ChartView["indicator"]>("bbu");
  const view = useMemo(() => chartOf(child, history, indicator), [child, history, indicator]);
  return (
    <section
      className="stack-sm"
      data-testid="pd-chart"
      data-points={view.points.length}
      data-indicator={indicator}
    >
      <h2>{t("growth.title")}</h2>
      <fieldset className="segmented">
        <legend className="sr-only">{t("growth.title")}</legend>
        {INDICATORS.map((ix) => (
          <button key={ix} type="button" aria-pressed={ix === indicator} onClick={() => setIndicator(ix)}>
            {t(`growth.tab.${ix}`)}
          </button>
        ))}
      </fieldset>
      {view.points.length === 0 && <p className="muted">{t("growth.empty")}</p>}
      <GrowthChart view={view} title={t(`growth.name.${indicator}`)} />
    </section>
  );
}
