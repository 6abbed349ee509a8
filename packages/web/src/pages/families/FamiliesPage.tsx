// /wilayah/:code/keluarga — families at risk of stunting in a region for a semester, each with its reasons
// (Paser Pasal 12(3)a, 13(1)), and the households not yet screened this semester.
import { type FamilyList, familiesApi, semesterOf } from "@tumbuh/core";
import { api } from "../../api";
import { useI18n } from "../../i18n/I18nProvider";
import { formatDate, todayIso } from "../../kit/format";
import { BackLink, LoadGate, useDocumentTitle } from "../../kit/ui";
import { useLoad } from "../../kit/useLoad";
import { Link, replaceSearchParams, useSearchParam } from "../../router/navigation";
import { pathFor, regionPath } from "../../router/routes";
import "../../kit/kit.css";
import "./families.css";

function recentSemesters(today: string): string[] {
  const out = [semesterOf(today)];
  for (let i = 0; i < 3; i++) {
    const [y, s] = (out[out.length - 1] as string).split("-S").map(Number) as [number, number];
    out.push(s === 2 ? `${y}-S1` : `${y - 1}-S2`);
  }
  return out;
}

export default function FamiliesPage({ code }: { code: string }) {
  const { t, locale } = useI18n();
  const semesters = recentSemesters(todayIso());
  const param = useSearchParam("semester");
  const semester = param && semesters.includes(param) ? param : (semesters[0] as string);
  useDocumentTitle(t("fam.families.title"));
  const list = useLoad<FamilyList>(
    `families:${code}:${semester}`,
    (s) => api.call(familiesApi.list, { params: { code }, query: { semester } }, { signal: s }),
    { cacheKey: `families:${code}:${semester}` },
  );
  return (
    <div className="stack-lg">
      <div className="stack-sm">
        <BackLink to={regionPath(code)}>{t("reg.backRegion")}</BackLink>
        <h1>{t("fam.families.title")}</h1>
        <p className="muted">{t("fam.families.lead")}</p>
      </div>
      <label className="field">
        {t("fam.semester")}
        <select value={semester} onChange={(e) => replaceSearchParams({ semester: e.target.value })}>
          {semesters.map((s) => (
            <option key={s} value={s}>
              {s.replace("-S", " semester ")}
            </option>
          ))}
        </select>
      </label>
      <LoadGate loaded={list}>
        {(data) => (
          <div className="stack">
            <p className="stat-line" data-testid="family-summary">
              {t("fam.families.summary", { screened: data.screened, atRisk: data.atRisk })}
            </p>
            <ul className="fam-list">
              {data.rows.map((r) => (
                <li key={r.householdId} className="card stack-sm" data-testid="family-row">
                  <Link to={pathFor("family", { id: r.householdId })} className="fam-title">
                    {r.headName ?? t("fam.family")} — {r.address}
                  </Link>
                  <p className="muted">
                    {t("fam.screenedOnDate", { date: formatDate(r.screenedOn, locale) })}
                    {" · "}
                    {r.verified ? t("fam.verified") : t("fam.unverified")}
                  </p>
                  {r.atRisk ? (
                    <ul className="badges">
                      {r.reasons.map((x) => (
                        <li key={x.ruleId} className="badge badge--danger">
                          {x.label[locale]}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="badge badge--ok">{t("fam.notAtRisk")}</span>
                  )}
                </li>
              ))}
            </ul>
            {data.unscreened.length > 0 && (
              <section className="stack-sm">
                <h2>{t("fam.unscreened", { n: data.unscreened.length })}</h2>
                <ul className="link-list">
                  {data.unscreened.map((h) => (
                    <li key={h.householdId}>
                      <Link to={pathFor("family", { id: h.householdId })} className="link-card">
                        <span className="link-card__body">
                          <span className="link-card__title">{h.headName ?? t("fam.family")}</span>
                          <span className="link-card__meta">{h.address}</span>
                        </span>
                      </Link>
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </div>
        )}
      </LoadGate>
    </div>
  );
}
