import type { Level, Me, Role } from "../api";
import { useI18n } from "../i18n/I18nProvider";
import { UnsentNote } from "../kit/sync/UnsentNote";
import { SavedCopyNote, useDocumentTitle } from "../kit/ui";
import { Link } from "../router/navigation";
import { INDICATORS_PATH, regionPath } from "../router/routes";
import { useMe, useSession } from "../session/SessionProvider";
import { ChangePasswordForm } from "./ChangePasswordForm";
import { homeTasks } from "./homeTasks";
import { InboxSection } from "./InboxSection";

interface ScopeGroup {
  scope: string;
  scopeName: string;
  /** null only for the whole-deployment scope, which no signed-in user holds. */
  scopeLevel: Level | null;
  roles: Role[];
}

/** One entry per scope, with every role the user holds there, in the order first assigned. */
export function groupByScope(assignments: Me["assignments"]): ScopeGroup[] {
  const groups = new Map<string, ScopeGroup>();
  for (const a of assignments) {
    const group = groups.get(a.scope);
    if (group) {
      if (!group.roles.includes(a.role)) group.roles.push(a.role);
    } else {
      groups.set(a.scope, {
        scope: a.scope,
        scopeName: a.scopeName,
        scopeLevel: a.scopeLevel,
        roles: [a.role],
      });
    }
  }
  return [...groups.values()];
}

export function HomePage() {
  const { t } = useI18n();
  const me = useMe();
  const { state } = useSession();
  useDocumentTitle(t("common.home"));

  const scopes = groupByScope(me.assignments);
  const tasks = homeTasks(me.assignments);
  const savedAt = state.status === "authenticated" ? state.savedAt : null;

  return (
    <div className="stack-lg">
      <SavedCopyNote savedAt={savedAt} />
      <header className="stack-sm">
        <h1>{t("home.greeting", { name: me.displayName })}</h1>
        <p className="muted">{t("home.signedInAs", { username: me.username })}</p>
      </header>

      {scopes.some((s) => s.scopeLevel !== null && ["desa", "dusun", "posyandu"].includes(s.scopeLevel)) && (
        <Link to="/posyandu" className="link-card link-card--primary">
          <span className="link-card__body">
            <span className="link-card__title">{t("home.posyanduDay")}</span>
            <span className="link-card__meta">{t("home.posyanduDayHint")}</span>
          </span>
        </Link>
      )}

      <InboxSection />

      {tasks.length > 0 && (
        <section className="stack" aria-labelledby="home-tasks">
          <h2 id="home-tasks">{t("task.title")}</h2>
          <ul className="link-list">
            {tasks.map((task) => (
              <li key={task.to}>
                <Link to={task.to} className="link-card link-card--primary">
                  <span className="link-card__body">
                    <span className="link-card__title">{t(task.title)}</span>
                    <span className="link-card__meta">{t(task.hint)}</span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="stack" aria-labelledby="home-regions">
        <h2 id="home-regions">{t("home.yourRegions")}</h2>
        {scopes.length === 0 ? (
          <p className="alert alert--info">{t("home.noAssignments")}</p>
        ) : (
          <>
            <p className="muted">{t("home.yourRegionsIntro")}</p>
            <ul className="link-list">
              {scopes.map((s) => (
                <li key={s.scope}>
                  <Link to={regionPath(s.scope)} className="link-card">
                    <span className="link-card__body">
                      <span className="link-card__title">{s.scopeName}</span>
                      <span className="link-card__meta">
                        {s.scopeLevel ? `${t(`level.${s.scopeLevel}`)} · ` : ""}
                        {s.scope}
                      </span>
                      <span className="link-card__roles">
                        {s.roles.map((r) => t(`role.${r}`)).join(", ")}
                      </span>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="stack" aria-labelledby="home-indicators">
        <h2 id="home-indicators">{t("home.indicators")}</h2>
        <ul className="link-list">
          <li>
            <Link to={INDICATORS_PATH} className="link-card">
              <span className="link-card__body">
                <span className="link-card__title">{t("home.indicatorsLink")}</span>
                <span className="link-card__meta">{t("home.indicatorsHint")}</span>
              </span>
            </Link>
          </li>
        </ul>
      </section>

      <section className="stack" aria-labelledby="home-account">
        <h2 id="home-account">{t("home.account")}</h2>
        <ChangePasswordForm />
        <UnsentNote userId={me.id} />
      </section>
    </div>
  );
}
