import { Suspense, use, useEffect, useRef } from "react";
import { useI18n } from "./i18n/I18nProvider";
import { isLoaded, LOCALES, loadMessages } from "./i18n/messages";
import { Loading, NotFound, useOnline } from "./kit/ui";
import { LazyBoundary } from "./LazyBoundary";
import { Link, navigate, useLocationPath } from "./router/navigation";
import { preloadPage, type RouteDef } from "./router/route";
import { DEFAULT_AFTER_LOGIN, loginPath, matchRoute, routeNamed } from "./router/routes";
import { useSession } from "./session/SessionProvider";
import { TopbarActions } from "./session/TopbarActions";

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

/**
 * The route's page, once the dictionaries it names are in for the current language (Suspense shows
 * Loading meanwhile; the page's chunk loads at the same time). Unknown paths show NotFound.
 */
function RoutePage({
  route,
  params,
}: {
  route: RouteDef | undefined;
  params: Readonly<Record<string, unknown>>;
}) {
  const { locale } = useI18n();
  const missing = (route?.messages ?? []).filter((m) => !isLoaded(locale, m));
  if (route && missing.length > 0) {
    preloadPage(route.page);
    for (const m of missing) use(loadMessages(locale, m));
  }
  const Page = route?.page ?? NotFound;
  return <Page {...params} />;
}

export function App() {
  const { t } = useI18n();
  const { state } = useSession();
  const online = useOnline();
  const path = useLocationPath();
  const [pathname = "/", search = ""] = splitPath(path);
  const match = matchRoute(pathname, search);
  // Layout, sign-in and the page all come from the route table (router/table.ts).
  const route = routeNamed(match.name);
  const wide = route?.layout === "wide";
  const open = route?.public === true;
  const isLogin = match.name === "login";
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // Sign-in guard: every page but /login and public ones needs a user; /login moves on once signed in.
  const needsRedirect =
    (state.status === "anonymous" && !isLogin && !open) || (state.status === "authenticated" && isLogin);
  const next = match.params.next ?? DEFAULT_AFTER_LOGIN;
  useEffect(() => {
    if (state.status === "anonymous" && !isLogin && !open) navigate(loginPath(path), { replace: true });
    else if (state.status === "authenticated" && isLogin) navigate(next, { replace: true });
  }, [state.status, isLogin, next, path, open]);

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
          <div className="topbar__actions">
            <LanguageSwitch />
            <TopbarActions />
          </div>
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
              <RoutePage key={pathname} route={route} params={match.params} />
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
