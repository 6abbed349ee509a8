import { regionsApi } from "@tumbuh/core";
import { useEffect, useId, useState } from "react";
import { type ApiError, api, isApiError, KINDS, type Kind, type RegionChild, type RegionView } from "../api";
import { useI18n } from "../i18n/I18nProvider";
import { placeTitle } from "../kit/format";
import { ErrorPanel, Loading, NotFound, SavedCopyNote, useDocumentTitle } from "../kit/ui";
import { cacheStore, regionKey } from "../offline/cache";
import { networkFirst } from "../offline/networkFirst";
import { Link } from "../router/navigation";
import {
  duplicatesPath,
  IMPORT_PATH,
  indicatorsPath,
  pregnantWomenPath,
  regionPath,
  registerPath,
  registryPath,
  scorecardPath,
  skdnPath,
  tikaPath,
} from "../router/routes";
import { useMe } from "../session/SessionProvider";
import { FamilyEntryPoints } from "./families/EntryPoints";
import { LinkCardSection } from "./LinkCardSection";
import { PlanningEntryPoints } from "./planning/links";
import { registryLinks } from "./regionLinks";
import { ReportEntryPoints } from "./reports/links";

type State =
  | { status: "loading" }
  | { status: "ready"; view: RegionView; savedAt: number | null }
  | { status: "error"; error: ApiError | Error };

/** Children grouped by kind, groups in the administrative order of KINDS, children in API order. */
export function groupChildren(children: RegionChild[]): { kind: Kind; items: RegionChild[] }[] {
  const byKind = new Map<Kind, RegionChild[]>();
  for (const child of children) {
    const list = byKind.get(child.kind) ?? [];
    list.push(child);
    byKind.set(child.kind, list);
  }
  return KINDS.filter((k) => byKind.has(k)).map((kind) => ({ kind, items: byKind.get(kind) ?? [] }));
}

const FILTER_THRESHOLD = 8;

export function RegionPage({ code }: { code: string }) {
  const me = useMe();
  const [state, setState] = useState<State>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    // `attempt` re-runs the load when the user taps "try again"
    void attempt;
    const controller = new AbortController();
    setState({ status: "loading" });
    networkFirst(cacheStore, regionKey(code), me.id, () =>
      api.call(regionsApi.view, { params: { code } }, { signal: controller.signal }),
    ).then(
      ({ data, savedAt }) => {
        if (!controller.signal.aborted) setState({ status: "ready", view: data, savedAt });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: "error", error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => controller.abort();
  }, [code, me.id, attempt]);

  if (state.status === "loading") return <Loading />;
  if (state.status === "error") {
    const { error } = state;
    // 403 is shown exactly like 404 so the page never reveals whether a region exists.
    if (isApiError(error) && (error.status === 404 || error.status === 403)) return <NotFound />;
    // 401: the session guard is already on its way to /login
    if (isApiError(error) && error.status === 401) return <Loading />;
    if (isApiError(error) && error.code === "network") {
      return <OfflineMissing onRetry={() => setAttempt((n) => n + 1)} />;
    }
    return <ErrorPanel error={error} onRetry={() => setAttempt((n) => n + 1)} />;
  }
  return <RegionDetails view={state.view} savedAt={state.savedAt} />;
}

function OfflineMissing({ onRetry }: { onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <div className="stack">
      <p className="alert alert--warn" role="alert">
        {t("region.offlineMissing")}
      </p>
      <button type="button" className="button button--secondary" onClick={onRetry}>
        {t("common.retry")}
      </button>
    </div>
  );
}

function RegistryEntryPoints({ region }: { region: RegionView["region"] }) {
  const { t } = useI18n();
  const me = useMe();
  const links = registryLinks(region, me.assignments);
  const items = [
    links.lists && {
      to: registryPath(region.code),
      title: t("region.registry"),
      hint: t("region.registryHint"),
    },
    links.lists && {
      to: pregnantWomenPath(region.code),
      title: t("region.pregnantWomen"),
      hint: t("region.pregnantWomenHint"),
    },
    links.register && {
      to: registerPath(region.code),
      title: t("region.register"),
      hint: t("region.registerHint"),
    },
    links.duplicates && {
      to: duplicatesPath(region.code),
      title: t("region.duplicates"),
      hint: t("region.duplicatesHint"),
    },
    links.import && { to: IMPORT_PATH, title: t("region.import"), hint: t("region.importHint") },
    ["kabupaten", "kecamatan", "desa"].includes(region.level) && {
      to: indicatorsPath(region.code),
      title: t("region.indicators"),
      hint: t("region.indicatorsHint"),
    },
    { to: scorecardPath(region.code), title: t("svc.scorecardLink"), hint: t("svc.scorecardHint") },
    { to: skdnPath(region.code), title: t("svc.skdnLink"), hint: t("svc.skdnHint") },
    { to: tikaPath(region.code), title: t("svc.tikaLink"), hint: t("svc.tikaHint") },
  ].filter((x): x is { to: string; title: string; hint: string } => Boolean(x));
  return <LinkCardSection id="region-services" title={t("region.services")} items={items} />;
}

function RegionDetails({ view, savedAt }: { view: RegionView; savedAt: number | null }) {
  const { t } = useI18n();
  const { region, ancestors, children } = view;
  const [query, setQuery] = useState("");
  const filterId = useId();
  useDocumentTitle(region.name);

  const needle = query.trim().toLocaleLowerCase();
  const shown = needle
    ? children.filter((c) => c.name.toLocaleLowerCase().includes(needle) || c.code.includes(needle))
    : children;

  return (
    <div className="stack-lg">
      <SavedCopyNote savedAt={savedAt} />
      <nav aria-label={t("region.breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to="/">{t("common.home")}</Link>
          </li>
          {ancestors.map((a) => (
            <li key={a.code}>
              {a.visible ? (
                <Link to={regionPath(a.code)}>{a.name}</Link>
              ) : (
                <span className="breadcrumb__locked">{a.name}</span>
              )}
            </li>
          ))}
          <li aria-current="page">{region.name}</li>
        </ol>
      </nav>

      <header className="stack-sm">
        {/* "Posyandu Melati" already says what it is: no "Posyandu" above it. */}
        {placeTitle(t(`kind.${region.kind}`), region.name) !== region.name && (
          <p className="eyebrow">{t(`kind.${region.kind}`)}</p>
        )}
        <h1>{region.name}</h1>
        {/* Kemendagri codes are official and people quote them; Tumbuh's own dusun/posyandu codes are not. */}
        {region.kind !== "posyandu" && region.kind !== "dusun" && (
          <p className="muted">{t("region.code", { code: region.code })}</p>
        )}
      </header>

      <RegistryEntryPoints region={region} />
      <FamilyEntryPoints region={region} />
      <PlanningEntryPoints region={region} />
      <ReportEntryPoints region={region} />

      {children.length === 0 ? (
        <p className="alert alert--info">{t("region.noChildren", { name: region.name })}</p>
      ) : (
        <div className="stack-lg">
          {children.length > FILTER_THRESHOLD && (
            <div className="field">
              <label htmlFor={filterId}>{t("region.filter")}</label>
              <input
                id={filterId}
                type="search"
                autoComplete="off"
                value={query}
                onChange={(e) => setQuery(e.target.value)}
              />
            </div>
          )}
          {shown.length === 0 && (
            <p className="muted" role="status">
              {t("region.filterNoMatch", { query: query.trim() })}
            </p>
          )}
          {groupChildren(shown).map(({ kind, items }) => (
            <section key={kind} className="stack" aria-labelledby={`${filterId}-${kind}`}>
              <h2 id={`${filterId}-${kind}`}>
                {t(`kind.${kind}`)} <span className="count">({items.length})</span>
              </h2>
              <ul className="link-list">
                {items.map((child) => (
                  <li key={child.code}>
                    <Link to={regionPath(child.code)} className="link-card">
                      <span className="link-card__body">
                        <span className="link-card__title">{child.name}</span>
                        <span className="link-card__meta">{t(`kind.${child.kind}`)}</span>
                        {child.childCount > 0 && (
                          <span className="link-card__meta">
                            {child.childCount === 1
                              ? t("region.childCountOne")
                              : t("region.childCount", { count: child.childCount })}
                          </span>
                        )}
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
