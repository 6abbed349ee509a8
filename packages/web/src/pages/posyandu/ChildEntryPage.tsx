import type { ChartView } from "@tumbuh/core";
import { type PlausibilityIssue, plausibilityIssues } from "@tumbuh/core/growth-views";
import { type FormEvent, useId, useMemo, useRef, useState } from "react";
import { generalErrorKey } from "../../api/errorMessages";
import { GrowthChart } from "../../components/GrowthChart/GrowthChart";
import { useI18n } from "../../i18n/I18nProvider";
import type { MessageKey } from "../../i18n/messages";
import { formatAgeMonths, todayIso } from "../../kit/format";
import { DecimalField, FieldGroup, focusFirstInvalid, TextField } from "../../kit/forms/fields";
import { useForm } from "../../kit/forms/useForm";
import { SyncStatusBar } from "../../kit/sync/SyncStatusBar";
import { useLive, useSyncEngine } from "../../kit/sync/useSync";
import { BackLink, useDocumentTitle } from "../../kit/ui";
import { navigate } from "../../router/navigation";
import { posyanduChildPath, posyanduDayPath } from "../../router/routes";
import { useMe } from "../../session/SessionProvider";
import { recordServiceOffline, unconfirmed } from "../../sync/appends";
import type { SyncEngine } from "../../sync/engine";
import { markLeft, recordMeasurement, voidMeasurement } from "../../sync/outbox";
import { recordKey } from "../../sync/store";
import { BodyMeasureFields } from "../registry/forms/BodyMeasureFields";
import { ImplausibleConfirm } from "../registry/forms/ImplausibleConfirm";
import { LeaveForm } from "../registry/forms/LeaveForm";
import { emptyMeasurementForm, type MeasurementForm, toMeasurementPayload } from "../registry/forms/payloads";
import { MeasurementResult } from "../registry/person/MeasurementResult";
import { TikaReadingForm, tikaAgeOk } from "../tika/TikaReadingForm";
import { chartOf, dueChildren, type LocalChild, type LocalMeasurement, rawOf, resultOf } from "./day";
import { EditChild } from "./EditChild";
import { childrenAt, childWithHistory, measuredOnDay } from "./local";
import { PosyanduGate } from "./PosyanduGate";
import { type ReferralAlert, referralNote, referralReasons } from "./referral";
import "./posyandu.css";

const INDICATORS: readonly ChartView["indicator"][] = ["bbu", "tbu", "bbtb"];

/**
 * Step 3: weigh and measure one child; an implausible value asks to measure again or confirm first; the
 * result (z-scores, N/T, what to do) shows at once, offline, and today's measurement can be corrected or
 * voided with a reason.
 */
export default function ChildEntryPage({ code, id }: { code: string; id: string }) {
  return (
    <PosyanduGate code={code}>
      <ChildEntry code={code} id={id} />
    </PosyanduGate>
  );
}

function ChildEntry({ code, id }: { code: string; id: string }) {
  const { t, locale } = useI18n();
  const [correcting, setCorrecting] = useState(false);
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
      {todays && !correcting ? (
        <>
          <TodayResult child={data.child} history={data.history} id={todays.id} onNext={next} />
          <FixToday engine={engine} measurement={todays} onCorrect={() => setCorrecting(true)} />
        </>
      ) : (
        <EntryForm
          child={data.child}
          history={data.history}
          correcting={correcting ? todays : undefined}
          onSaved={() => setCorrecting(false)}
        />
      )}
      <ChildChart child={data.child} history={data.history} />
      {tikaAgeOk(data.child.birthDate, today) && <TikaReadingForm child={data.child} />}
      <EditChild engine={engine} child={data.child} />
      <LeaveForm
        personId={data.child.id}
        birthDate={data.child.birthDate}
        save={(input) => markLeft(engine, input)}
        onDone={() => navigate(posyanduDayPath(code))}
      />
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
  const reasons = referralReasons(result.alerts);
  return (
    <section className="card pd-result" aria-labelledby={headingId} data-testid="pd-result">
      {reasons.length > 0 && <ReferButton child={props.child} reasons={reasons} />}
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

/**
 * "Rujuk" right on a result that calls for it: one tap records the referral as a service record
 * ("rujukan", the reasons in the note), offline through the outbox like every posyandu-day write.
 */
function ReferButton({ child, reasons }: { child: LocalChild; reasons: ReferralAlert[] }) {
  const { t } = useI18n();
  const engine = useSyncEngine();
  const today = todayIso();
  const queued = useLive(
    () =>
      unconfirmed<{ personId: string; service: string; givenOn: string }>(
        engine,
        "service_record",
        (v) => v.personId === child.id,
      ),
    `${engine.userId}|${child.id}|refer`,
  );
  const [done, setDone] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);
  const already = done || (queued ?? []).some((r) => r.service === "rujukan" && r.givenOn === today);
  async function refer() {
    setError(null);
    try {
      await recordServiceOffline(engine, child.regionCode, {
        personId: child.id,
        service: "rujukan",
        givenOn: today,
        received: true,
        note: referralNote(reasons),
      });
      setDone(true);
    } catch (err) {
      setError(generalErrorKey(err));
    }
  }
  return (
    <div className="stack-sm pd-refer" data-testid="pd-refer">
      {already ? (
        <p className="alert alert--ok" role="status">
          {t("pd.referred")}
        </p>
      ) : (
        <button type="button" className="button button--danger button--block button--big" onClick={refer}>
          {t("pd.refer", { reasons: reasons.map((r) => t(`pd.reason.${r}`)).join(", ") })}
        </button>
      )}
      {error && (
        <p className="alert alert--error" role="alert">
          {t(error)}
        </p>
      )}
    </div>
  );
}

/** The form's values from a stored measurement, to correct it. */
function formOf(m: LocalMeasurement, birthDate: string): MeasurementForm {
  const dec = (x: number | null) => (x == null ? "" : String(x).replace(".", ","));
  return {
    ...emptyMeasurementForm(birthDate, m.measuredOn),
    weight: dec(m.weightKg),
    lenhei: dec(m.lenheiCm),
    measure: m.measure ?? "l",
    muac: dec(m.muacCm),
  };
}

function EntryForm({
  child,
  history,
  correcting,
  onSaved,
}: {
  child: LocalChild;
  history: LocalMeasurement[];
  /** Today's measurement being corrected: the form starts from its values and asks why. */
  correcting?: LocalMeasurement | undefined;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const me = useMe();
  const engine = useSyncEngine();
  const today = todayIso();
  const { form, set, errors, setErrors } = useForm<MeasurementForm>(() =>
    correcting ? formOf(correcting, child.birthDate) : emptyMeasurementForm(child.birthDate, today),
  );
  const [message, setMessage] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState("");
  const [issues, setIssues] = useState<PlausibilityIssue[] | null>(null);
  const [refused, setRefused] = useState<MessageKey | null>(null);
  const ref = useRef<HTMLFormElement>(null);

  async function save(confirmedReason: string | null) {
    const built = toMeasurementPayload(form, {
      personId: child.id,
      birthDate: child.birthDate,
      today,
      measuredBy: me.displayName,
    });
    if (!built.ok) return;
    const { sessionId: _none, ...payload } = built.payload;
    setBusy(true);
    try {
      await recordMeasurement(engine, child.regionCode, {
        ...payload,
        ...(confirmedReason ? { confirmedImplausible: { reason: confirmedReason } } : {}),
        ...(correcting ? { supersedes: correcting.id, changeReason: reason.trim() } : {}),
      });
      // The corrected value disappears from the day at once; the server keeps it, voided.
      if (correcting) await hideLocally(engine, correcting.id);
      setIssues(null);
      onSaved();
    } catch (e) {
      setRefused(generalErrorKey(e));
    } finally {
      setBusy(false);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (correcting && reason.trim().length < 3) {
      setMessage("implausible.reasonRequired");
      return;
    }
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
    const p = built.payload;
    const found = plausibilityIssues(
      { sex: child.sex, birthDate: child.birthDate },
      history.filter((m) => m.id !== correcting?.id).map(rawOf),
      rawOf({
        id: "new",
        personId: child.id,
        measuredOn: p.measuredOn,
        weightKg: p.weightKg ?? null,
        lenheiCm: p.lenheiCm ?? null,
        measure: p.measure ?? null,
        muacCm: p.muacCm ?? null,
        headcCm: p.headcCm ?? null,
        oedema: p.oedema ?? false,
      }),
    );
    if (found.length > 0) {
      setIssues(found);
      return;
    }
    await save(null);
  }

  if (issues) {
    return (
      <ImplausibleConfirm
        issues={issues}
        busy={busy}
        onRemeasure={() => setIssues(null)}
        onConfirm={(why) => void save(why)}
      />
    );
  }
  return (
    <form ref={ref} className="stack card" onSubmit={submit} noValidate data-testid="pd-form">
      <h2>{correcting ? t("pd.correctTitle") : t("pd.measureTitle")}</h2>
      <BodyMeasureFields form={form} errors={errors} set={set} />
      <FieldGroup label={t("measure.more")} optional>
        <DecimalField
          label={t("measure.muac")}
          value={form.muac}
          onChange={set("muac")}
          error={errors.muac}
        />
      </FieldGroup>
      {correcting && <TextField label={t("pd.correctReason")} value={reason} onChange={setReason} />}
      {(message || refused) && (
        <p className="alert alert--error" role="alert">
          {t((refused ?? message) as MessageKey)}
        </p>
      )}
      <button type="submit" className="button button--primary button--block button--big" disabled={busy}>
        {busy ? t("reg.saving") : correcting ? t("pd.correctSave") : t("measure.submit")}
      </button>
    </form>
  );
}

/** After today's result: correct it (a new revision) or void it, each with a reason. */
function FixToday({
  engine,
  measurement,
  onCorrect,
}: {
  engine: SyncEngine;
  measurement: LocalMeasurement;
  onCorrect: () => void;
}) {
  const { t } = useI18n();
  const [voiding, setVoiding] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<MessageKey | null>(null);
  async function doVoid(e: FormEvent) {
    e.preventDefault();
    if (reason.trim().length < 3) {
      setError("implausible.reasonRequired");
      return;
    }
    try {
      await voidMeasurement(engine, { measurementId: measurement.id, reason: reason.trim() });
    } catch (err) {
      setError(generalErrorKey(err));
    }
  }
  return (
    <section className="stack-sm" data-testid="pd-fix">
      <button type="button" className="button button--secondary button--block" onClick={onCorrect}>
        {t("pd.correct")}
      </button>
      {voiding ? (
        <form className="stack-sm card" onSubmit={doVoid} noValidate>
          <TextField label={t("pd.voidReason")} value={reason} onChange={setReason} />
          {error && (
            <p className="alert alert--error" role="alert">
              {t(error)}
            </p>
          )}
          <button type="submit" className="button button--danger button--block">
            {t("pd.voidSave")}
          </button>
          <button
            type="button"
            className="button button--secondary button--block"
            onClick={() => setVoiding(false)}
          >
            {t("pd.cancel")}
          </button>
        </form>
      ) : (
        <button
          type="button"
          className="button button--secondary button--block"
          onClick={() => setVoiding(true)}
        >
          {t("pd.voidMeasurement")}
        </button>
      )}
    </section>
  );
}

/** Hide a measurement on this phone until the server's answer removes it (the correction replaced it). */
async function hideLocally(engine: SyncEngine, id: string) {
  const key = recordKey("measurement", id);
  const rec = await engine.db.records.get(key);
  if (rec) await engine.db.records.update(key, { local: { ...rec.local, deleted: true } });
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
