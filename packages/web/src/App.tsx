import { lazy, Suspense, useEffect, useRef } from "react";
import { useI18n } from "./i18n/I18nProvider";
import { LOCALES } from "./i18n/messages";
import { LazyBoundary } from "./LazyBoundary";
import { AuditPage } from "./pages/AuditPage";
import { HomePage } from "./pages/HomePage";
import { LoginPage } from "./pages/LoginPage";
import { RegionPage } from "./pages/RegionPage";
import { Link, navigate, useLocationPath } from "./router/navigation";
import { loginPath, matchRoute, type Route } from "./router/routes";
import { useSession } from "./session/SessionProvider";
import { Loading, NotFound, useOnline } from "./shared/ui";

// The registry pages (issue 4) are code-split: they carry zod and the shared schemas, which the app
// shell (login, home, region browser) does not need.
const RegistryListPage = lazy(() => import("./pages/registry/lists/RegistryListPage"));
const RegisterPage = lazy(() => import("./pages/registry/register/RegisterPage"));
const DuplicatesPage = lazy(() => import("./pages/registry/duplicates/DuplicatesPage"));
const PersonPage = lazy(() => import("./pages/registry/person/PersonPage"));
const ImportPage = lazy(() => import("./pages/registry/import/ImportPage"));
const IndicatorCatalogPage = lazy(() => import("./pages/indicators/IndicatorCatalogPage"));
const IndicatorDashboardPage = lazy(() => import("./pages/indicators/DashboardPage"));
const PublicationPage = lazy(() => import("./pages/indicators/PublicationPage"));
// The offline posyandu day and sync (issue 5): the sync engine and growth engine load with these pages.
const PosyanduPickPage = lazy(() => import("./pages/posyandu/PosyanduPickPage"));
const PosyanduDayPage = lazy(() => import("./pages/posyandu/PosyanduDayPage"));
const ChildEntryPage = lazy(() => import("./pages/posyandu/ChildEntryPage"));
const NewChildPage = lazy(() => import("./pages/posyandu/NewChildPage"));
const NewPregnancyPage = lazy(() => import("./pages/posyandu/NewPregnancyPage"));
const SyncPage = lazy(() => import("./pages/posyandu/SyncPage"));
const ScorecardPage = lazy(() => import("./pages/services/ScorecardPage"));
const RecordServicePage = lazy(() => import("./pages/services/RecordServicePage"));
// Families at risk, catin, TPK and case audits (issue 8), code-split like the registry.
const FamiliesPage = lazy(() => import("./pages/families/FamiliesPage"));
const FamilyPage = lazy(() => import("./pages/families/FamilyPage"));
const CatinListPage = lazy(() => import("./pages/families/CatinListPage"));
const CatinPage = lazy(() => import("./pages/families/CatinPage"));
const TpkListPage = lazy(() => import("./pages/families/TpkListPage"));
const TpkTeamPage = lazy(() => import("./pages/families/TpkTeamPage"));
const AuditCasesPage = lazy(() => import("./pages/families/AuditCasesPage"));
const CaseAuditPage = lazy(() => import("./pages/families/CaseAuditPage"));
const PlanningCyclePage = lazy(() => import("./pages/planning/PlanningCyclePage"));
const PlanningOverviewPage = lazy(() => import("./pages/planning/PlanningOverviewPage"));
const InstitutionsPage = lazy(() => import("./pages/planning/InstitutionsPage"));

function LanguageSwitch() {
  const { t, locale, setLocale } = useI18n();
  return (
    <fieldset className="lang-switch">
      <legend className="sr-only">{t("lang.label")}</legend>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          title={t(`lang.${l}`)}
          aria-pressed={locale === l}
          onClick={() => setLocale(l)}
        >
          {l.toUpperCase()}
        </button>
      ))}
    </fieldset>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case "login":
      return <LoginPage />;
    case "home":
      return <HomePage />;
    case "region":
      return <RegionPage key={route.code} code={route.code} />;
    case "audit":
      return <AuditPage />;
    case "registry":
      return <RegistryListPage key={route.code} code={route.code} />;
    case "register":
      return <RegisterPage key={route.code} code={route.code} />;
    case "duplicates":
      return <DuplicatesPage key={route.code} code={route.code} />;
    case "person":
      return <PersonPage key={route.id} id={route.id} />;
    case "import":
      return <ImportPage />;
    case "indicatorCatalog":
      return <IndicatorCatalogPage />;
    case "indicators":
      return (
        <IndicatorDashboardPage
          key={route.code}
          code={route.code}
          period={route.period}
          agency={route.agency}
        />
      );
    case "publication":
      return <PublicationPage key={route.year} year={route.year} />;
    case "posyanduPick":
      return <PosyanduPickPage />;
    case "posyanduDay":
      return <PosyanduDayPage key={route.code} code={route.code} />;
    case "posyanduChild":
      return <ChildEntryPage key={route.id} code={route.code} id={route.id} />;
    case "posyanduNew":
      return <NewChildPage key={route.code} code={route.code} />;
    case "posyanduPregnancy":
      return <NewPregnancyPage key={route.code} code={route.code} />;
    case "sync":
      return <SyncPage />;
    case "scorecard":
      return <ScorecardPage key={route.code} code={route.code} />;
    case "recordService":
      return <RecordServicePage key={route.id} id={route.id} />;
    case "families":
      return <FamiliesPage key={route.code} code={route.code} />;
    case "catinList":
      return <CatinListPage key={route.code} code={route.code} />;
    case "tpkList":
      return <TpkListPage key={route.code} code={route.code} />;
    case "auditCases":
      return <AuditCasesPage key={route.code} code={route.code} />;
    case "family":
      return <FamilyPage key={route.id} id={route.id} />;
    case "catin":
      return <CatinPage key={route.id} id={route.id} />;
    case "tpkTeam":
      return <TpkTeamPage key={route.id} id={route.id} />;
    case "caseAudit":
      return <CaseAuditPage key={route.id} id={route.id} />;
    case "planning":
      return <PlanningCyclePage key={route.code} code={route.code} />;
    case "planningOverview":
      return <PlanningOverviewPage key={route.code} code={route.code} />;
    case "institutions":
      return <InstitutionsPage key={route.code} code={route.code} />;
    case "notFound":
      return <NotFound />;
  }
}

export function App() {
  const { t } = useI18n();
  const { state } = useSession();
  const online = useOnline();
  const path = useLocationPath();
  const [pathname = "/", search = ""] = splitPath(path);
  const route = matchRoute(pathname, search);
  const wide =
    route.name === "audit" ||
    route.name === "indicators" ||
    route.name === "publication" ||
    route.name === "scorecard" ||
    route.name === "planningOverview";
  // The public publication needs no sign-in (Paser Pasal 9 p: published for everyone).
  const open = route.name === "publication";
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // Sign-in guard: every page but /login needs a user; /login moves on once signed in.
  const needsRedirect =
    (state.status === "anonymous" && route.name !== "login" && !open) ||
    (state.status === "authenticated" && route.name === "login");
  useEffect(() => {
    if (state.status === "anonymous" && route.name !== "login" && !open)
      navigate(loginPath(path), { replace: true });
    else if (state.status === "authenticated" && route.name === "login")
      navigate(route.next, { replace: true });
  }, [state.status, route, path, open]);

  // After in-app navigation, move focus to the new page so screen readers announce it.
  useEffect(() => {
    void path;
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
  }, [path]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <header className="topbar">
        <div className={wide ? "topbar__inner container--wide" : "topbar__inner"}>
          <Link to="/" className="brand">
            <img src="/favicon.svg" alt="" width="32" height="32" />
            <span className="brand__text">
              <span className="brand__name">{t("app.name")}</span>
              <span className="brand__tagline">{t("app.tagline")}</span>
            </span>
          </Link>
          <LanguageSwitch />
        </div>
      </header>
      {!online && (
        <p className="offline-bar" role="status">
          {t("app.offline")}
        </p>
      )}
      <main
        id="main"
        ref={mainRef}
        tabIndex={-1}
        className={wide ? "container container--wide" : "container"}
      >
        {(state.status === "loading" && !open) || needsRedirect ? (
          <Loading />
        ) : (
          <LazyBoundary resetKey={pathname}>
            <Suspense fallback={<Loading />}>
              <Page route={route} />
            </Suspense>
          </LazyBoundary>
        )}
      </main>
    </>
  );
}

function splitPath(path: string): [string, string] {
  const i = path.indexOf("?");
  return i === -1 ? [path, ""] : [path.slice(0, i), path.slice(i)];
}
