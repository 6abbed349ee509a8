// /catin/:id — one bride/groom-to-be: planned marriage date and the last day a screening counts
// (marriage date − 3 calendar months), the screening form (weight, height → BMI, MUAC, Hb), results with
// advice in plain words, and the screening certificate (PDF) for the marriage services.
import { CATIN_EXTRA_ITEMS, CATIN_FINDINGS, type CatinView, catinExtraLabel } from "@tumbuh/core";
import { useState } from "react";
import { api } from "../../api";
import { useI18n } from "../../i18n/I18nProvider";
import { pathFor } from "../../router/routes";
import { useMe } from "../../session/SessionProvider";
import { useDocumentTitle } from "../../ui";
import { canWrite } from "../regionLinks";
import { formatDate, formatNumber, todayIso } from "../registry/format";
import { BackLink, LoadGate } from "../registry/ui";
import { useLoad } from "../registry/useLoad";
import { ActionError, newId, parseNumber, useAction } from "./shared";
import "../registry/registry.css";
import "./families.css";

export default function CatinPage({ id }: { id: string }) {
  const catin = useLoad<CatinView>(`catin:${id}`, (s) => api.catin(id, s), { cacheKey: `catin:${id}` });
  return (
    <LoadGate loaded={catin}>
      {(view) => <Catin view={view} onChange={(v) => catin.setData(() => v)} />}
    </LoadGate>
  );
}

function Catin({ view, onChange }: { view: CatinView; onChange: (v: CatinView) => void }) {
  const { t, locale } = useI18n();
  const me = useMe();
  useDocumentTitle(view.person.name);
  const desa = view.regionCode.split(".").slice(0, 4).join(".");
  return (
    <div className="stack-lg">
      <div className="stack-sm">
        <BackLink to={pathFor({ name: "catinList", code: desa })}>{t("fam.catin.title")}</BackLink>
        <h1>{view.person.name}</h1>
        <p className="muted">
          {t(`sex.${view.person.sex}`)} · {formatDate(view.person.birthDate, locale)}
          {view.partnerName ? ` · ${t("fam.catin.partner")}: ${view.partnerName}` : ""}
        </p>
        <p>
          {t("fam.catin.marriage", { date: formatDate(view.marriageDate, locale) })}
          <br />
          <strong>{t("fam.catin.deadline", { date: formatDate(view.deadline, locale) })}</strong>
        </p>
      </div>
      {view.screenings
        .slice()
        .reverse()
        .map((s) => (
          <article key={s.id} className="card stack-sm" data-testid="catin-result">
            <h2>{t("fam.catin.resultOf", { date: formatDate(s.screenedOn, locale) })}</h2>
            <p>
              {t("fam.catin.measures", {
                age: s.ageYears,
                bmi: formatNumber(s.bmi, locale),
                muac: formatNumber(s.muacCm, locale),
                hb: formatNumber(s.hbGdl, locale),
              })}
            </p>
            {Object.keys(s.extra).length > 0 && (
              <p className="muted">
                {Object.entries(s.extra)
                  .map(([k, v]) => `${catinExtraLabel(k, locale)}: ${v}`)
                  .join(" · ")}
              </p>
            )}
            {s.ready ? (
              <p className="badge badge--ok">{t("fam.catin.ready")}</p>
            ) : (
              <ul className="fam-reasons">
                {s.findings.map((f, i) => (
                  <li key={f}>
                    <span className="badge badge--danger">
                      {CATIN_FINDINGS[f][locale === "id" ? "id" : "en"]}
                    </span>
                    <p>{s.advice[i]?.[locale]}</p>
                  </li>
                ))}
              </ul>
            )}
            <p className={`badge ${s.inTime ? "badge--ok" : "badge--warn"}`}>
              {s.inTime ? t("fam.catin.inTime") : t("fam.catin.late")}
            </p>
            <a
              className="button button--secondary"
              href={api.certificateUrl(s.id)}
              download
              data-testid="certificate-link"
            >
              {t("fam.catin.certificate")}
            </a>
          </article>
        ))}
      {me.assignments.some((a) => canWrite(a.role)) && <CatinScreeningForm view={view} onSaved={onChange} />}
    </div>
  );
}

function CatinScreeningForm({ view, onSaved }: { view: CatinView; onSaved: (v: CatinView) => void }) {
  const { t, locale } = useI18n();
  const [f, setF] = useState({ screenedOn: todayIso(), weight: "", height: "", muac: "", hb: "" });
  const [id, setId] = useState(newId);
  const { busy, error, run } = useAction();
  const [local, setLocal] = useState<string | null>(null);
  const [extra, setExtra] = useState<Record<string, string>>({});
  const set = (k: keyof typeof f) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setF((x) => ({ ...x, [k]: e.target.value }));
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const n = {
      weight: parseNumber(f.weight),
      height: parseNumber(f.height),
      muac: parseNumber(f.muac),
      hb: parseNumber(f.hb),
    };
    const bad = Object.entries(n).find(
      ([k, v]) => Number.isNaN(v) || ((k === "weight" || k === "height") && v === null),
    );
    if (bad) {
      setLocal(t("fam.catin.badNumber", { field: t(`fam.catin.f.${bad[0] as "weight"}`) }));
      return;
    }
    setLocal(null);
    const saved = await run(() =>
      api.screenCatin(view.id, {
        id,
        screenedOn: f.screenedOn,
        weightKg: n.weight as number,
        heightCm: n.height as number,
        muacCm: n.muac,
        hbGdl: n.hb,
        extra: Object.fromEntries(Object.entries(extra).filter(([, v]) => v.trim() !== "")),
      }),
    );
    if (saved) {
      setId(newId());
      setF((x) => ({ ...x, weight: "", height: "", muac: "", hb: "" }));
      setExtra({});
      onSaved(saved);
    }
  }
  return (
    <form className="card stack" onSubmit={submit} data-testid="catin-screening-form">
      <h2>{t("fam.catin.screen")}</h2>
      <label className="field">
        {t("fam.screenedOn")}
        <input type="date" value={f.screenedOn} max={todayIso()} onChange={set("screenedOn")} />
      </label>
      {(["weight", "height", "muac", "hb"] as const).map((k) => (
        <label key={k} className="field">
          {t(`fam.catin.f.${k}`)}
          <input inputMode="decimal" value={f[k]} onChange={set(k)} name={k} />
        </label>
      ))}
      {CATIN_EXTRA_ITEMS.map((item) => (
        <label key={item.key} className="field">
          {item[locale]} ({t("reg.optional")})
          <input
            value={extra[item.key] ?? ""}
            onChange={(e) => setExtra((x) => ({ ...x, [item.key]: e.target.value }))}
          />
        </label>
      ))}
      {local && <p className="alert alert--error">{local}</p>}
      <ActionError error={error} />
      <button type="submit" className="button button--primary button--block" disabled={busy}>
        {busy ? t("reg.saving") : t("fam.catin.saveScreening")}
      </button>
    </form>
  );
}
