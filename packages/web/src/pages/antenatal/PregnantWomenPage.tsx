// /wilayah/:code/ibu-hamil — the midwife's list: every woman pregnant today in the region, soonest HPL first,
// with her week and trimester, ANC visits per trimester, iron tablets, KEK/anaemia/high-risk and the HPL.
import { antenatalApi, type PregnantWomanRow } from "@tumbuh/core";
import { useId, useState } from "react";
import { api } from "../../api";
import { useI18n } from "../../i18n/I18nProvider";
import type { MessageKey } from "../../i18n/messages";
import { formatDate, placeTitle } from "../../kit/format";
import { BackLink, type Badge, BadgeList, LoadGate, useDocumentTitle } from "../../kit/ui";
import { useLoad } from "../../kit/useLoad";
import { Link } from "../../router/navigation";
import { personPath, regionPath } from "../../router/routes";
import { applyFilter, DUE_SOON_DAYS, filterCounts, PREGNANT_FILTERS, type PregnantFilter } from "./filters";
import "../../kit/kit.css";
import "./antenatal.css";

type Data = Awaited<ReturnType<typeof loadList>>;
const loadList = (code: string, signal: AbortSignal) =>
  api.call(antenatalApi.pregnantWomen, { params: { code } }, { signal });

export default function PregnantWomenPage({ code }: { code: string }) {
  const loaded = useLoad<Data>(`pregnant:${code}`, (s) => loadList(code, s), {
    cacheKey: `pregnant:${code}`,
  });
  return <LoadGate loaded={loaded}>{(data) => <PregnantList data={data} code={code} />}</LoadGate>;
}

function PregnantList({ data, code }: { data: Data; code: string }) {
  const { t, locale } = useI18n();
  const [filter, setFilter] = useState<PregnantFilter>("all");
  const legendId = useId();
  const place = placeTitle(t(`kind.${data.region.kind}`), data.region.name);
  useDocumentTitle(`${t("anc.title")} · ${place}`);
  const counts = filterCounts(data.women);
  const shown = applyFilter(data.women, filter);

  return (
    <div className="stack-lg">
      <div className="stack-sm">
        <BackLink to={regionPath(code)}>{place}</BackLink>
        <h1>{t("anc.title")}</h1>
        <p className="muted">{t("anc.intro", { place })}</p>
        <p className="muted">{t("anc.asOf", { date: formatDate(data.asOf, locale) })}</p>
      </div>
      {data.truncated && (
        <p className="alert alert--warn">{t("anc.truncated", { count: data.women.length })}</p>
      )}
      <nav aria-label={t("anc.filters")}>
        <ul className="anc-filters">
          {PREGNANT_FILTERS.map((f) => (
            <li key={f}>
              <button
                type="button"
                className="anc-filter"
                aria-pressed={f === filter}
                onClick={() => setFilter(f)}
              >
                <span className="anc-filter__label">{t(`anc.filter.${f}`)}</span>
                <span className="anc-filter__count">{counts[f]}</span>
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {shown.length === 0 ? (
        <p className="alert alert--info">{t(data.women.length === 0 ? "anc.none" : "anc.noneFiltered")}</p>
      ) : (
        <ul className="link-list" aria-describedby={legendId}>
          {shown.map((w) => (
            <li key={w.pregnancyId}>
              <WomanCard woman={w} />
            </li>
          ))}
        </ul>
      )}
      <details className="card anc-legend" id={legendId}>
        <summary>{t("anc.legend.title")}</summary>
        <ul className="plain-list muted">
          <li>{t("anc.legend.trimester")}</li>
          <li>{t("anc.legend.anc")}</li>
          <li>{t("anc.legend.kek")}</li>
          <li>{t("anc.legend.anaemia")}</li>
        </ul>
      </details>
    </div>
  );
}

function eddWords(daysToEdd: number): { key: MessageKey; days: number } {
  if (daysToEdd > 0) return { key: "anc.eddIn", days: daysToEdd };
  if (daysToEdd === 0) return { key: "anc.eddToday", days: 0 };
  return { key: "anc.eddPassed", days: -daysToEdd };
}

function WomanCard({ woman: w }: { woman: PregnantWomanRow }) {
  const { t, locale } = useI18n();
  const badges: Badge[] = [];
  if (w.highRisk) badges.push({ label: t("anc.badge.highRisk"), tone: "danger" });
  if (w.kek) badges.push({ label: t("anc.badge.kek"), tone: "warn" });
  if (w.anaemia) badges.push({ label: t("anc.badge.anaemia"), tone: "warn" });
  if (w.ancMissing > 0)
    badges.push({ label: t("anc.badge.ancBehind", { count: w.ancMissing }), tone: "warn" });
  if (w.daysToEdd <= DUE_SOON_DAYS) badges.push({ label: t("anc.badge.dueSoon"), tone: "info" });
  const edd = eddWords(w.daysToEdd);
  const [t1, t2, t3] = w.ancByTrimester;

  return (
    <Link
      to={personPath(w.personId)}
      className="link-card anc-card"
      aria-label={t("anc.open", { name: w.name })}
    >
      <span className="link-card__body">
        <span className="link-card__title">{w.name}</span>
        <span className="link-card__meta">
          {w.placeName} · {t("anc.age", { years: w.ageYears, gravida: w.gravida })}
        </span>
        <BadgeList badges={badges} />
        <span className="anc-card__line">
          {t("anc.gestation", { weeks: w.weeks, days: w.days, trimester: t(`anc.roman.${w.trimester}`) })}
        </span>
        <span className="anc-card__line">
          <strong>{t("anc.edd", { date: formatDate(w.eddDate, locale) })}</strong> (
          {t(edd.key, { days: edd.days })})
        </span>
        <span className="anc-card__line">
          {t("anc.visits", { count: w.ancVisits, t1, t2, t3 })}
          {w.lastAncOn && ` · ${t("anc.lastVisit", { date: formatDate(w.lastAncOn, locale) })}`}
        </span>
        <span className="anc-card__line">
          {w.ttdMonths > 0 ? t("anc.ttd", { months: w.ttdMonths }) : t("anc.ttdNone")}
        </span>
        {w.highRiskNote && <span className="link-card__meta">{w.highRiskNote}</span>}
      </span>
    </Link>
  );
}
