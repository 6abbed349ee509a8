// /wilayah/:code/catin — brides/grooms-to-be (catin) of a region with their planned marriage date, whether
// they were screened ≥ 3 months before it (Paser Pasal 13(1)a, 13(3)), the coverage indicator, and
// registering a new catin.
import { type CatinList, catinApi, formatPercent, type PersonSummary, personsApi } from "@tumbuh/core";
import { useState } from "react";
import { api } from "../../api";
import { useI18n } from "../../i18n/I18nProvider";
import { formatDate, todayIso } from "../../kit/format";
import { BackLink, LoadGate, useDocumentTitle } from "../../kit/ui";
import { useAction } from "../../kit/useAction";
import { useLoad } from "../../kit/useLoad";
import { Link, navigate } from "../../router/navigation";
import { pathFor, regionPath } from "../../router/routes";
import { useMe } from "../../session/SessionProvider";
import { canWrite } from "../regionLinks";
import { ActionError, newId } from "./shared";
import "../../kit/kit.css";
import "./families.css";

export default function CatinListPage({ code }: { code: string }) {
  const { t, locale } = useI18n();
  const me = useMe();
  useDocumentTitle(t("fam.catin.title"));
  const list = useLoad<CatinList>(
    `catin:${code}`,
    (s) => api.call(catinApi.list, { params: { code }, query: {} }, { signal: s }),
    { cacheKey: `catin:${code}` },
  );
  const writer = me.assignments.some((a) => canWrite(a.role));
  return (
    <div className="stack-lg">
      <div className="stack-sm">
        <BackLink to={regionPath(code)}>{t("reg.backRegion")}</BackLink>
        <h1>{t("fam.catin.title")}</h1>
        <p className="muted">{t("fam.catin.lead")}</p>
      </div>
      <LoadGate loaded={list}>
        {(data) => (
          <div className="stack">
            <p className="card stat-line" data-testid="catin-coverage">
              {t("fam.catin.coverage", {
                from: formatDate(data.coverage.from, locale),
                to: formatDate(data.coverage.to, locale),
                n: data.coverage.numerator,
                d: data.coverage.denominator,
                share: formatPercent(data.coverage.share, locale, { fraction: true }),
              })}
            </p>
            <ul className="fam-list">
              {data.rows.map((c) => (
                <li key={c.id} className="card stack-sm">
                  <Link to={pathFor("catin", { id: c.id })} className="fam-title">
                    {c.person.name}
                    {c.partnerName ? ` & ${c.partnerName}` : ""}
                  </Link>
                  <p className="muted">
                    {t("fam.catin.marriage", { date: formatDate(c.marriageDate, locale) })} ·{" "}
                    {t("fam.catin.deadline", { date: formatDate(c.deadline, locale) })}
                  </p>
                  {c.screenedInTime ? (
                    <span className="badge badge--ok">{t("fam.catin.inTime")}</span>
                  ) : c.screenings.some((s) => s.voidReason == null) ? (
                    // a screening voided by mistake (issue 17) is no screening: "not yet"
                    <span className="badge badge--warn">{t("fam.catin.late")}</span>
                  ) : (
                    <span className="badge badge--neutral">{t("fam.catin.notYet")}</span>
                  )}
                </li>
              ))}
            </ul>
          </div>
        )}
      </LoadGate>
      {writer && <RegisterCatin code={code} />}
    </div>
  );
}

function RegisterCatin({ code }: { code: string }) {
  const { t, locale } = useI18n();
  // A person already in the registry is chosen by name; otherwise a new person is registered with the catin.
  const [existing, setExisting] = useState<PersonSummary | null>(null);
  const [matches, setMatches] = useState<PersonSummary[]>([]);
  async function search(q: string) {
    setF((x) => ({ ...x, name: q }));
    setExisting(null);
    if (q.trim().length < 3) return setMatches([]);
    try {
      // the server takes queries up to 100 characters
      const query = { region: code, q: q.slice(0, 100), limit: 5 };
      const { persons } = await api.call(personsApi.search, { query });
      setMatches(persons.filter((p) => p.ageMonths >= 12 * 15));
    } catch {
      setMatches([]);
    }
  }
  const [f, setF] = useState({
    name: "",
    sex: "2",
    birthDate: "",
    nik: "",
    partnerName: "",
    marriageDate: "",
  });
  const [id] = useState(newId);
  const { busy, error, run } = useAction();
  const set = (k: keyof typeof f) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setF((x) => ({ ...x, [k]: e.target.value }));
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const common = { id, partnerName: f.partnerName.trim() || null, marriageDate: f.marriageDate };
    const saved = await run(() =>
      existing
        ? api.call(catinApi.register, { body: { ...common, personId: existing.id } })
        : api.call(catinApi.register, {
            body: {
              ...common,
              person: {
                regionCode: code,
                name: f.name,
                sex: f.sex === "1" ? 1 : 2,
                birthDate: f.birthDate,
                nik: f.nik.trim() || null,
              },
            },
          }),
    );
    if (saved) navigate(pathFor("catin", { id: saved.id }));
  }
  return (
    <form className="card stack" onSubmit={submit} data-testid="catin-form">
      <h2>{t("fam.catin.register")}</h2>
      <label className="field">
        {t("pf.name")}
        <input value={f.name} onChange={(e) => void search(e.target.value)} required />
      </label>
      {matches.length > 0 && !existing && (
        <div className="stack-sm">
          <p className="muted">{t("fam.catin.registered")}</p>
          {matches.map((p) => (
            <button
              key={p.id}
              type="button"
              className="button button--secondary"
              onClick={() => setExisting(p)}
            >
              {p.name} · {formatDate(p.birthDate, locale)}
            </button>
          ))}
        </div>
      )}
      {existing ? (
        <p className="alert alert--info">
          {t("fam.catin.chosen", { name: existing.name, date: formatDate(existing.birthDate, locale) })}{" "}
          <button type="button" className="button button--secondary" onClick={() => setExisting(null)}>
            {t("reg.cancel")}
          </button>
        </p>
      ) : (
        <>
          <label className="field">
            {t("pf.sex")}
            <select value={f.sex} onChange={set("sex")}>
              <option value="2">{t("sex.2")}</option>
              <option value="1">{t("sex.1")}</option>
            </select>
          </label>
          <label className="field">
            {t("pf.birthDate")}
            <input type="date" value={f.birthDate} max={todayIso()} onChange={set("birthDate")} required />
          </label>
          <label className="field">
            {t("pf.nik")} ({t("reg.optional")})
            <input inputMode="numeric" value={f.nik} onChange={set("nik")} />
          </label>
        </>
      )}
      <label className="field">
        {t("fam.catin.partner")} ({t("reg.optional")})
        <input value={f.partnerName} onChange={set("partnerName")} />
      </label>
      <label className="field">
        {t("fam.catin.marriageDate")}
        <input type="date" value={f.marriageDate} onChange={set("marriageDate")} required />
      </label>
      <ActionError error={error} />
      <button type="submit" className="button button--primary button--block" disabled={busy}>
        {busy ? t("reg.saving") : t("reg.save")}
      </button>
    </form>
  );
}
