// /wilayah/:code/duplikat — possible duplicate persons side by side, with merge (keep left or right),
// "Bukan data ganda", and "Urungkan" after a merge.
import type { DuplicatePair } from "@tumbuh/core";
import { duplicatesApi, regionsApi } from "@tumbuh/core";
import { api, type RegionView } from "../../../api";
import { useI18n } from "../../../i18n/I18nProvider";
import { BackLink, LoadGate, useDocumentTitle } from "../../../kit/ui";
import { useLoad } from "../../../kit/useLoad";
import { regionKey } from "../../../offline/cache";
import { regionPath } from "../../../router/routes";
import { PairCard } from "./PairCard";
import "../../../kit/kit.css";
import "../registry.css";

export default function DuplicatesPage({ code }: { code: string }) {
  const region = useLoad<RegionView>(
    `region:${code}`,
    (s) => api.call(regionsApi.view, { params: { code } }, { signal: s }),
    {
      cacheKey: regionKey(code),
    },
  );
  return <LoadGate loaded={region}>{(view) => <Duplicates view={view} />}</LoadGate>;
}

export function pairKey(pair: DuplicatePair): string {
  return `${pair.a.id}|${pair.b.id}`;
}

function Duplicates({ view }: { view: RegionView }) {
  const { t } = useI18n();
  const code = view.region.code;
  useDocumentTitle(`${t("dup.title")} · ${view.region.name}`);
  const pairs = useLoad<DuplicatePair[]>(`dups:${code}`, (s) =>
    api.call(duplicatesApi.list, { params: { code } }, { signal: s }).then((r) => r.pairs),
  );
  return (
    <div className="stack-lg">
      <div className="stack-sm">
        <BackLink to={regionPath(code)}>{t("reg.back", { name: view.region.name })}</BackLink>
        <h1>{t("dup.title")}</h1>
        <p className="muted">{t("dup.intro")}</p>
      </div>
      <LoadGate loaded={pairs}>
        {(list) =>
          list.length === 0 ? (
            <p className="alert alert--ok">{t("dup.none")}</p>
          ) : (
            <ul className="pair-list">
              {list.map((pair) => (
                <li key={pairKey(pair)}>
                  <PairCard pair={pair} />
                </li>
              ))}
            </ul>
          )
        }
      </LoadGate>
    </div>
  );
}
