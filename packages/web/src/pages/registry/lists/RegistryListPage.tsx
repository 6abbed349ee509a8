// /wilayah/:code/sasaran — "Sasaran & penimbangan": the month's lists of children (due, not measured for
// 2 months, 2T, stunting, wasting, implausible) and a name search. Month and tab live in the URL
// (?bulan=2025-06&daftar=twoT) so "back" from a child returns to the same list.

import type { RegistryListName, RegistryLists } from "@tumbuh/core";
import { measurementsApi, regionsApi } from "@tumbuh/core";
import { api, type RegionView } from "../../../api";
import { useI18n } from "../../../i18n/I18nProvider";
import { currentMonth, formatMonth, isMonth, placeTitle, todayIso } from "../../../kit/format";
import { BackLink, LoadGate, type Tone, useDocumentTitle } from "../../../kit/ui";
import { useLoad } from "../../../kit/useLoad";
import { regionKey } from "../../../offline/cache";
import { Link, replaceSearchParams, useSearchParam } from "../../../router/navigation";
import { regionPath, registerPath } from "../../../router/routes";
import { useMe } from "../../../session/SessionProvider";
import { canWriteIn } from "../../regionLinks";
import { ChildCard } from "./ChildCard";
import { ListTabs } from "./ListTabs";
import { MonthPicker } from "./MonthPicker";
import { PersonSearch } from "./PersonSearch";
import { LIST_TABS, parseListName } from "./tabs";
import "../../../kit/kit.css";
import "../registry.css";

const ALERT_OF_TONE: Record<Tone, "error" | "warn" | "ok" | "info"> = {
  danger: "error",
  warn: "warn",
  ok: "ok",
  info: "info",
  neutral: "info",
};

export default function RegistryListPage({ code }: { code: string }) {
  const region = useLoad<RegionView>(
    `region:${code}`,
    (s) => api.call(regionsApi.view, { params: { code } }, { signal: s }),
    {
      cacheKey: regionKey(code),
    },
  );
  return <LoadGate loaded={region}>{(view) => <Lists view={view} />}</LoadGate>;
}

function Lists({ view }: { view: RegionView }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const code = view.region.code;
  const monthParam = useSearchParam("bulan");
  const month = isMonth(monthParam) ? monthParam : currentMonth();
  const listName = parseListName(useSearchParam("daftar"));
  const query = useSearchParam("cari") ?? "";
  useDocumentTitle(`${t("lists.title")} · ${view.region.name}`);

  const lists = useLoad<RegistryLists>(
    `lists:${code}:${month}`,
    (s) => api.call(measurementsApi.lists, { params: { code }, query: { month } }, { signal: s }),
    {
      cacheKey: `lists:${code}:${month}`,
    },
  );

  return (
    <div className="stack-lg">
      <div className="stack-sm">
        <BackLink to={regionPath(code)}>{t("reg.back", { name: view.region.name })}</BackLink>
        <h1>{t("lists.title")}</h1>
        <p className="muted">{placeTitle(t(`kind.${view.region.kind}`), view.region.name)}</p>
      </div>

      <PersonSearch region={code} query={query} onQuery={(q) => replaceSearchParams({ cari: q || null })} />

      {query.trim().length < 2 && (
        <>
          <MonthPicker
            month={month}
            onChange={(m) => replaceSearchParams({ bulan: m === currentMonth() ? null : m })}
          />
          <LoadGate loaded={lists}>
            {(data) => (
              <ListBody
                data={data}
                listName={listName}
                monthLabel={formatMonth(month, locale)}
                onTab={(name) => replaceSearchParams({ daftar: name === "due" ? null : name })}
              />
            )}
          </LoadGate>
          {canWriteIn(me.assignments, code) && (
            <Link to={registerPath(code)} className="button button--secondary button--block">
              {t("lists.registerNew")}
            </Link>
          )}
        </>
      )}
    </div>
  );
}

function ListBody({
  data,
  listName,
  monthLabel,
  onTab,
}: {
  data: RegistryLists;
  listName: RegistryListName;
  monthLabel: string;
  onTab: (name: RegistryListName) => void;
}) {
  const { t } = useI18n();
  const tab = LIST_TABS.find((x) => x.name === listName) ?? (LIST_TABS[0] as (typeof LIST_TABS)[number]);
  const rows = data.lists?.[listName] ?? [];
  const today = todayIso();
  // a child on the 2T list shows "Rujuk ke puskesmas (2T)" in every list
  const twoT = new Set((data.lists?.twoT ?? []).map((r) => r.id));
  return (
    <div className="stack">
      <ListTabs lists={data} selected={listName} onSelect={onTab} />
      <section className="stack" aria-labelledby="list-heading" id="list-panel">
        <h2 id="list-heading" className="sr-only">
          {t(tab.label)}
        </h2>
        <p className={`alert alert--${ALERT_OF_TONE[tab.tone]} list-hint`}>
          {t(tab.hint, { month: monthLabel })}
        </p>
        {rows.length === 0 ? (
          <p className="muted center">{t(tab.empty)}</p>
        ) : (
          <ul className="link-list">
            {rows.map((row) => (
              <li key={row.id}>
                <ChildCard person={row} row={row} twoT={twoT.has(row.id)} today={today} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
