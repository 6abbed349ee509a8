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
import { Loading, NotFound, useOnline } from "./ui";

// The registry pages (issue 4) are code-split: they carry zod and the shared schemas, which the app
// shell (login, home, region browser) does not need.
const RegistryListPage = lazy(() => import("./pages/registry/lists/RegistryListPage"));
const RegisterPage = lazy(() => import("./pages/registry/register/RegisterPage"));
const DuplicatesPage = lazy(() => import("./pages/registry/duplicates/DuplicatesPage"));
const PersonPage = lazy(() => import("./pages/registry/person/PersonPage"));
const ImportPage = lazy(() => import("./pages/registry/import/ImportPage"));
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
  const wide = route.name === "audit" || route.name === "planningOverview";
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // Sign-in guard: every page but /login needs a user; /login moves on once signed in.
  const needsRedirect =
    (state.status === "anonymous" && route.name !== "login") ||
    (state.status === "authenticated" && route.name === "login");
  useEffect(() => {
    if (state.status === "anonymous" && route.name !== "login") navigate(loginPath(path), { replace: true });
    else if (state.status === "authenticated" && route.name === "login")
      navigate(route.next, { replace: true });
  }, [state.status, route, path]);

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
        {state.status === "loading" || needsRedirect ? (
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
