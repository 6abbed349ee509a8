// /indikator — the regency's indicator catalog (issue 7): Pasal 6 prevalence targets, Pasal 7 indicators
// and the Lampiran's strategy matrix, grouped as the regulation writes them, each with its target as
// printed. Everyone in the regency reads it and may download the file; the regency admin imports a file
// and edits targets (the server checks both again).
import type { CatalogView, IndicatorDef } from "@tumbuh/core";
import { indicatorCatalogApi, sourceLabel } from "@tumbuh/core";
import { useId, useState } from "react";
import { api, hrefFor, isApiError } from "../../api";
import { errorText, generalErrorKey } from "../../api/errorMessages";
import { useI18n } from "../../i18n/I18nProvider";
import type { MessageKey } from "../../i18n/messages";
import { TextField } from "../../kit/forms/fields";
import { BackLink, LoadGate, Notice, useDocumentTitle } from "../../kit/ui";
import { useLoad } from "../../kit/useLoad";
import {
  type CatalogGroup,
  groupCatalog,
  readTargetForm,
  type TargetForm,
  targetFormOf,
} from "./catalogView";
import "../../kit/kit.css";
import "./catalog.css";

type Flash = { tone: "ok" | "error"; text: string; detail?: string } | null;

export default function IndicatorCatalogPage() {
  const { t } = useI18n();
  useDocumentTitle(t("cat.title"));
  const loaded = useLoad(
    "indicator-catalog",
    (signal) => api.call(indicatorCatalogApi.get, { query: {} }, { signal }),
    {
      cacheKey: "indicator-catalog",
    },
  );
  const [flash, setFlash] = useState<Flash>(null);

  return (
    <div className="stack-lg">
      <div className="stack-sm">
        <BackLink to="/">{t("common.backHome")}</BackLink>
        <h1>{t("cat.title")}</h1>
      </div>
      <LoadGate loaded={loaded}>
        {(view) => (
          <Catalog
            view={view}
            flash={flash}
            setFlash={setFlash}
            onChanged={(next) => loaded.setData(() => next)}
            reload={loaded.reload}
          />
        )}
      </LoadGate>
    </div>
  );
}

function Catalog({
  view,
  flash,
  setFlash,
  onChanged,
  reload,
}: {
  view: CatalogView;
  flash: Flash;
  setFlash: (f: Flash) => void;
  onChanged: (next: CatalogView) => void;
  reload: () => void;
}) {
  const { t, locale } = useI18n();
  const groups = groupCatalog(view.catalog.indicators);
  const when = view.updatedAt
    ? new Date(view.updatedAt).toLocaleDateString(locale === "id" ? "id-ID" : "en-GB", {
        day: "numeric",
        month: "long",
        year: "numeric",
        timeZone: "UTC",
      })
    : "";
  return (
    <>
      <div className="stack-sm">
        <p>
          <strong>{view.catalog.regulation}</strong>
        </p>
        <p className="muted">
          {t("cat.count", { count: view.catalog.indicators.length })} ·{" "}
          {view.version === 0
            ? t("cat.versionShipped")
            : t("cat.version", { version: view.version, at: when, by: view.updatedBy ?? t("cat.system") })}
        </p>
      </div>
      {flash && (
        <Notice tone={flash.tone}>
          <p>{flash.text}</p>
          {flash.detail && <p className="cat-detail">{flash.detail}</p>}
        </Notice>
      )}
      <div className="card stack">
        <a
          className="button button--secondary button--block"
          href={hrefFor(indicatorCatalogApi.export, { query: {} })}
          download
        >
          {t("cat.export")}
        </a>
        {view.canEdit && <ImportForm setFlash={setFlash} onImported={onChanged} />}
      </div>
      <nav aria-label={t("cat.groupNav")}>
        <ul className="chips">
          {groups.map((g) => (
            <li key={g.group}>
              <a className="chip" href={`#cat-${g.group}`}>
                {groupShort(g.group)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {groups.map((g) => (
        <section key={g.group} id={`cat-${g.group}`} className="stack" aria-labelledby={`cat-h-${g.group}`}>
          <h2 id={`cat-h-${g.group}`}>{t(`cat.group.${g.group}` as MessageKey)}</h2>
          {g.blocks.map((b) => (
            <div key={b.strategy ?? "-"} className="stack">
              {b.strategy && (
                <h3 className="cat-activity">
                  {b.strategy}. {b.activity}
                </h3>
              )}
              <ul className="cat-list">
                {b.items.map((def) => (
                  <IndicatorItem
                    key={def.id}
                    def={def}
                    catalog={view}
                    onSaved={(version, saved) => {
                      setFlash({
                        tone: "ok",
                        text: t("cat.saved", { label: sourceLabel(saved.source), version }),
                      });
                      reload();
                    }}
                  />
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </>
  );
}

function groupShort(group: CatalogGroup): string {
  if (group === "pasal6") return "Pasal 6";
  if (group === "pasal7") return "Pasal 7";
  if (group === "A") return "Lampiran A";
  return `Pilar ${group.slice(1)}`;
}

function itemCode(def: IndicatorDef, t: ReturnType<typeof useI18n>["t"]): string {
  const s = def.source;
  if (s.kind === "annex") return `${s.strategy}.${s.number}`;
  if (s.kind === "pasal7") return t("cat.letter", { letter: s.letter });
  return `${t("cat.ayat", { ayat: s.ayat })}${def.year === null ? "" : ` · ${def.year}`}`;
}

function IndicatorItem({
  def,
  catalog,
  onSaved,
}: {
  def: IndicatorDef;
  catalog: CatalogView;
  onSaved: (version: number, def: IndicatorDef) => void;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const from = def.targetFrom ? catalog.catalog.indicators.find((d) => d.id === def.targetFrom) : undefined;
  const hasTarget = def.target.kind !== "none";
  return (
    <li className="card cat-item" data-indicator={def.id}>
      <p className="cat-head">
        <span className="cat-code">{itemCode(def, t)}</span> <span className="cat-text">{def.text}</span>
      </p>
      <p className="cat-target">
        {hasTarget ? (
          <strong>{def.target.original}</strong>
        ) : (
          <span className="muted">{t("cat.noTarget")}</span>
        )}
        <span className="badge badge--small badge--neutral">{t(`cat.kind.${def.target.kind}`)}</span>
        {def.target.direction === "down" && (
          <span className="badge badge--small badge--info">{t("cat.lowerBetter")}</span>
        )}
        {def.measure.mode === "computed" && (
          <span className="badge badge--small badge--ok">{t("cat.computed")}</span>
        )}
      </p>
      {(def.year !== null || hasTarget) && (
        <p className="muted cat-meta">
          {def.year !== null ? t("cat.year", { year: def.year }) : t("cat.everyYear")}
          {from && ` · ${t("cat.targetFrom", { label: sourceLabel(from.source) })}`}
        </p>
      )}
      {def.responsible.length > 0 && (
        <p className="cat-meta">
          <span className="muted">{t("cat.responsible")}:</span> {def.responsible.join(", ")}
        </p>
      )}
      {(def.supporting.length > 0 || def.urusan || def.note) && (
        <details className="cat-more">
          <summary>
            {t("cat.supporting")} · {t("cat.urusan")}
          </summary>
          {def.supporting.length > 0 && (
            <p>
              <span className="muted">{t("cat.supporting")}:</span> {def.supporting.join(", ")}
            </p>
          )}
          {def.urusan && (
            <p>
              <span className="muted">{t("cat.urusan")}:</span> {def.urusan}
            </p>
          )}
          {def.note && (
            <p>
              <span className="muted">{t("cat.note")}:</span> {def.note}
            </p>
          )}
        </details>
      )}
      {catalog.canEdit &&
        (editing ? (
          <TargetEditForm
            def={def}
            onCancel={() => setEditing(false)}
            onSaved={(version, saved) => {
              setEditing(false);
              onSaved(version, saved);
            }}
          />
        ) : (
          <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
            {t("cat.edit")}
          </button>
        ))}
    </li>
  );
}

function TargetEditForm({
  def,
  onCancel,
  onSaved,
}: {
  def: IndicatorDef;
  onCancel: () => void;
  onSaved: (version: number, def: IndicatorDef) => void;
}) {
  const { t } = useI18n();
  const [form, setForm] = useState<TargetForm>(() => targetFormOf(def));
  const [errors, setErrors] = useState<{ value?: MessageKey; year?: MessageKey }>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const titleId = useId();

  async function save() {
    const read = readTargetForm(form);
    if (!read.ok) return setErrors(read.errors);
    setErrors({});
    setServerError(null);
    setSaving(true);
    try {
      const res = await api.call(indicatorCatalogApi.editTarget, {
        params: { id: def.id },
        query: {},
        body: read.input,
      });
      onSaved(res.version, res.indicator);
    } catch (e) {
      setServerError(errorText(e, t));
      setSaving(false);
    }
  }

  return (
    <form
      className="stack cat-edit"
      aria-labelledby={titleId}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h4 id={titleId}>{t("cat.editTitle", { label: sourceLabel(def.source) })}</h4>
      <TextField
        label={t("cat.value")}
        hint={t("cat.valueHint")}
        inputMode="decimal"
        value={form.value}
        error={errors.value ? { key: errors.value } : undefined}
        onChange={(value) => setForm({ ...form, value })}
      />
      <TextField
        label={t("cat.original")}
        hint={t("cat.originalHint")}
        value={form.original}
        onChange={(original) => setForm({ ...form, original })}
      />
      <TextField
        label={t("cat.yearField")}
        hint={t("cat.yearHint")}
        inputMode="numeric"
        optional
        value={form.year}
        error={errors.year ? { key: errors.year } : undefined}
        onChange={(year) => setForm({ ...form, year })}
      />
      {serverError && <Notice tone="error">{serverError}</Notice>}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? t("reg.saving") : t("reg.save")}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={saving}>
          {t("reg.cancel")}
        </button>
      </div>
    </form>
  );
}

function ImportForm({
  setFlash,
  onImported,
}: {
  setFlash: (f: Flash) => void;
  onImported: (next: CatalogView) => void;
}) {
  const { t } = useI18n();
  const fileId = useId();
  const [busy, setBusy] = useState(false);
  const [inputKey, setInputKey] = useState(0);

  async function importFile(file: File) {
    setBusy(true);
    setFlash(null);
    try {
      let parsed: unknown;
      try {
        parsed = JSON.parse(await file.text());
      } catch {
        setFlash({ tone: "error", text: t("cat.importNotJson") });
        return;
      }
      const next = await api.call(indicatorCatalogApi.import, { query: {}, body: parsed });
      onImported(next);
      setFlash({
        tone: "ok",
        text: t("cat.imported", { version: next.version, count: next.catalog.indicators.length }),
      });
    } catch (e) {
      if (isApiError(e) && e.status === 400)
        setFlash({ tone: "error", text: t("cat.importInvalid"), detail: e.message });
      else setFlash({ tone: "error", text: t(generalErrorKey(e)) });
    } finally {
      setBusy(false);
      setInputKey((k) => k + 1);
    }
  }

  return (
    <div className="field">
      <p className="field__label">{t("cat.import")}</p>
      <div className="file-picker">
        <input
          key={inputKey}
          id={fileId}
          type="file"
          accept=".json,application/json"
          disabled={busy}
          aria-describedby={`${fileId}-hint`}
          onChange={(e) => {
            const chosen = e.target.files?.[0];
            if (chosen) void importFile(chosen);
          }}
        />
        <label htmlFor={fileId} className="button button--secondary button--block">
          {busy ? t("cat.importing") : t("cat.importChoose")}
        </label>
      </div>
      <p className="hint" id={`${fileId}-hint`}>
        {t("cat.importHint")}
      </p>
    </div>
  );
}
