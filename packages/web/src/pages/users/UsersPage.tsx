import { ROLES, type Role, type UserView, usersApi } from "@tumbuh/core";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { api, isApiError } from "../../api";
import { useI18n } from "../../i18n/I18nProvider";
import type { MessageKey } from "../../i18n/messages";
import type { FieldError, FieldErrors } from "../../kit/forms/fieldErrors";
import { focusFirstInvalid, SelectField, TextField } from "../../kit/forms/fields";
import { PlacePicker } from "../../kit/PlacePicker";
import { ErrorPanel, Loading, Notice, useDocumentTitle } from "../../kit/ui";
import { useLoad } from "../../kit/useLoad";
import { Link } from "../../router/navigation";
import { useMe } from "../../session/SessionProvider";
import { TokensSection } from "./TokensSection";
import {
  type AssignmentDraft,
  adminRegion,
  normalizeUsername,
  userFailure,
  validateAssignments,
  validateNewUser,
} from "./userAdmin";
import "../../kit/kit.css";
import "./users.css";

type Status = "active" | "disabled" | "all";
interface Filter {
  q: string;
  status: Status;
  region: string;
}
/** A password the server made, shown once: kept only in this page's memory until dismissed. */
interface Shown {
  username: string;
  password: string;
}
type Outcome = { tone: "ok" | "error"; key: MessageKey; vars?: Record<string, string> } | null;

/** /pengguna: the Admin Kabupaten's list of users, with adding, roles, new passwords and deactivation. */
export default function UsersPage() {
  const { t } = useI18n();
  const me = useMe();
  useDocumentTitle(t("users.title"));
  const [filter, setFilter] = useState<Filter>(() => ({
    q: "",
    status: "all",
    region: adminRegion(me.assignments) ?? "",
  }));
  const [shown, setShown] = useState<Shown | null>(null);
  const loaded = useLoad(
    `users:${filter.status}:${filter.region}:${filter.q}`,
    (signal) =>
      api.call(
        usersApi.list,
        {
          query: {
            status: filter.status,
            ...(filter.region.trim() ? { region: filter.region.trim() } : {}),
            ...(filter.q.trim() ? { q: filter.q.trim() } : {}),
          },
        },
        { signal },
      ),
    { keepPrevious: true },
  );
  const { state } = loaded;

  if (state.status === "error" && isApiError(state.error) && state.error.status === 401) return <Loading />;
  if (state.status === "error" && isApiError(state.error) && state.error.status === 403) {
    return (
      <div className="stack">
        <h1>{t("users.title")}</h1>
        <ErrorPanel error={state.error} />
        <p>
          <Link to="/" className="button button--secondary">
            {t("common.backHome")}
          </Link>
        </p>
      </div>
    );
  }

  return (
    <div className="stack-lg users-page">
      <header className="stack-sm">
        <h1>{t("users.title")}</h1>
        <p className="muted">{t("users.intro")}</p>
      </header>
      {shown && <OneTimePasswordBox shown={shown} onDismiss={() => setShown(null)} />}
      <AddUserForm
        defaultRegion={adminRegion(me.assignments) ?? ""}
        onCreated={(user, password) => {
          setShown({ username: user.username, password });
          loaded.reload();
        }}
      />
      <TokensSection defaultRegion={adminRegion(me.assignments) ?? ""} />
      <FilterForm filter={filter} root={adminRegion(me.assignments) ?? ""} onApply={setFilter} />
      {state.status === "loading" && <Loading />}
      {state.status === "error" && <ErrorPanel error={state.error} onRetry={loaded.reload} />}
      {state.status === "ready" && (
        <section className="stack" aria-labelledby="users-list" aria-busy={state.stale ? true : undefined}>
          <h2 id="users-list">{t("users.count", { count: String(state.data.users.length) })}</h2>
          {state.data.users.length === 0 ? (
            <p className="alert alert--info">{t("users.none")}</p>
          ) : (
            <ul className="plain-list users-list">
              {state.data.users.map((u) => (
                <UserCard
                  key={u.id}
                  user={u}
                  isMe={u.id === me.id}
                  onChanged={(next) =>
                    loaded.setData((prev) => ({
                      users: prev.users.map((x) => (x.id === next.id ? next : x)),
                    }))
                  }
                  onPassword={(username, password) => setShown({ username, password })}
                />
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}

function FilterForm({
  filter,
  root,
  onApply,
}: {
  filter: Filter;
  root: string;
  onApply: (f: Filter) => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(filter);
  return (
    <form
      className="card stack users-filter"
      aria-label={t("users.filter.title")}
      onSubmit={(e) => {
        e.preventDefault();
        onApply(draft);
      }}
    >
      <div className="field-row">
        <TextField
          label={t("users.filter.q")}
          type="search"
          inputMode="search"
          value={draft.q}
          onChange={(q) => setDraft((d) => ({ ...d, q }))}
        />
        <SelectField
          label={t("users.filter.status")}
          value={draft.status}
          onChange={(v) => {
            // the status applies at once: it is one tap, not typing
            const next = { ...draft, status: v as Status };
            setDraft(next);
            onApply(next);
          }}
          options={(["all", "active", "disabled"] as const).map((s) => ({
            value: s,
            label: t(`users.status.${s}`),
          }))}
        />
        <PlacePicker
          root={root}
          value={draft.region || root}
          onChange={(region) => setDraft((d) => ({ ...d, region }))}
          label={t("users.filter.region")}
          allLabel={t("users.region.all")}
          deepest="posyandu"
        />
      </div>
      <button type="submit" className="button button--secondary">
        {t("users.filter.submit")}
      </button>
    </form>
  );
}

function roleOptions(t: (key: MessageKey) => string) {
  return ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }));
}

/**
 * The submit of both user forms: field hints first (nothing is sent while one shows), then the call; a
 * refusal shows the server's message and hints. Focus goes to the first field to correct.
 */
function useUserFormSubmit() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLFormElement>(null);
  async function submitChecked(invalid: FieldErrors, send: () => Promise<void>) {
    setMessage(null);
    setErrors(invalid);
    if (Object.keys(invalid).length > 0) {
      setMessage("users.fixErrors");
      focusFirstInvalid(ref.current);
      return;
    }
    setBusy(true);
    try {
      await send();
    } catch (err) {
      const f = userFailure(err);
      setErrors(f.fields);
      setMessage(f.message);
      focusFirstInvalid(ref.current);
    } finally {
      setBusy(false);
    }
  }
  return { errors, setErrors, message, busy, ref, submitChecked };
}

function AddUserForm({
  defaultRegion,
  onCreated,
}: {
  defaultRegion: string;
  onCreated: (user: UserView, password: string) => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const empty = { username: "", displayName: "", role: "" as Role | "", scope: defaultRegion };
  const [form, setForm] = useState(empty);
  const { errors, setErrors, message, busy, ref, submitChecked } = useUserFormSubmit();
  const set = (key: keyof typeof form) => (value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors(({ [key === "role" ? "role.0" : key === "scope" ? "scope.0" : key]: _, ...rest }) => rest);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    await submitChecked(validateNewUser(form), async () => {
      const r = await api.call(usersApi.create, {
        body: {
          username: normalizeUsername(form.username),
          displayName: form.displayName.trim(),
          assignments: [{ role: form.role as Role, scope: form.scope.trim() }],
        },
      });
      setForm(empty);
      setOpen(false);
      onCreated(r.user, r.password);
    });
  }

  if (!open) {
    return (
      <button type="button" className="button button--primary button--block" onClick={() => setOpen(true)}>
        {t("users.add.title")}
      </button>
    );
  }
  return (
    <form ref={ref} className="card stack" aria-labelledby="users-add" onSubmit={submit} noValidate>
      <h2 id="users-add">{t("users.add.title")}</h2>
      <div className="field-row">
        <TextField
          label={t("users.username")}
          hint={t("users.usernameHint")}
          autoComplete="off"
          value={form.username}
          error={errors.username}
          onChange={set("username")}
        />
        <TextField
          label={t("users.displayName")}
          value={form.displayName}
          error={errors.displayName}
          onChange={set("displayName")}
        />
        <SelectField
          label={t("users.role")}
          value={form.role}
          placeholder="—"
          options={roleOptions(t)}
          error={errors["role.0"]}
          onChange={set("role")}
        />
        <RegionField
          root={defaultRegion}
          value={form.scope}
          error={errors["scope.0"]}
          onChange={set("scope")}
        />
      </div>
      {message && <Notice tone="error">{t(message)}</Notice>}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t("users.saving") : t("users.add.submit")}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
          {t("users.cancel")}
        </button>
      </div>
    </form>
  );
}

/** The password made by the server, with a copy button; it is gone once dismissed or the page is left. */
function OneTimePasswordBox({ shown, onDismiss }: { shown: Shown; onDismiss: () => void }) {
  const { t } = useI18n();
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    setCopy("idle");
    ref.current?.scrollIntoView({ block: "start" });
    ref.current?.focus();
  }, []);
  return (
    <section
      ref={ref}
      tabIndex={-1}
      className="otp-box stack-sm"
      role="status"
      aria-labelledby="otp-title"
      data-testid="one-time-password"
    >
      <h2 id="otp-title">{t("users.otp.title", { username: shown.username })}</h2>
      <p className="otp-box__password">
        <code>{shown.password}</code>
      </p>
      <p className="otp-box__note">{t("users.otp.note")}</p>
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            navigator.clipboard?.writeText(shown.password).then(
              () => setCopy("copied"),
              () => setCopy("failed"),
            ) ?? setCopy("failed");
          }}
        >
          {copy === "copied" ? t("users.otp.copied") : t("users.otp.copy")}
        </button>
        <button type="button" className="button button--secondary" onClick={onDismiss}>
          {t("users.otp.dismiss")}
        </button>
      </div>
      {copy === "failed" && <p className="field__error">{t("users.otp.copyFailed")}</p>}
    </section>
  );
}

function UserCard({
  user,
  isMe,
  onChanged,
  onPassword,
}: {
  user: UserView;
  isMe: boolean;
  onChanged: (user: UserView) => void;
  onPassword: (username: string, password: string) => void;
}) {
  const { t, formatDateTime } = useI18n();
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const active = user.disabledAt === null;
  const panelId = `user-${user.id}`;
  return (
    <li className={active ? "user-card card stack-sm" : "user-card user-card--disabled card stack-sm"}>
      <h3 className="user-card__name">
        {user.displayName}
        {isMe && <span className="badge badge--info badge--small badge--inline">{t("users.you")}</span>}
      </h3>
      <p className="user-card__head">
        <span className="user-card__username">{user.username}</span>
        <span className={active ? "badge badge--ok badge--small" : "badge badge--neutral badge--small"}>
          {active ? t("users.status.active") : t("users.status.disabled")}
        </span>
      </p>
      {user.assignments.length === 0 ? (
        <p className="muted">{t("users.noRoles")}</p>
      ) : (
        <ul className="plain-list user-card__roles">
          {user.assignments.map((a) => (
            <li key={`${a.role}@${a.scope}`}>
              <strong>{t(`role.${a.role}`)}</strong> · {a.scopeName}
            </li>
          ))}
        </ul>
      )}
      <p className="user-card__meta">
        {t("users.lastLogin")}:{" "}
        {user.lastLoginAt ? (
          <time dateTime={user.lastLoginAt}>{formatDateTime(user.lastLoginAt)}</time>
        ) : (
          t("users.neverSignedIn")
        )}
      </p>
      {outcome && <Notice tone={outcome.tone}>{t(outcome.key, outcome.vars)}</Notice>}
      <button
        type="button"
        className="text-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        {t("users.manage")}
      </button>
      {open && (
        <div id={panelId} className="user-card__panel stack">
          <AssignmentsForm
            user={user}
            onSaved={(next) => {
              onChanged(next);
              setOutcome({ tone: "ok", key: "users.edit.saved", vars: { name: next.displayName } });
            }}
          />
          <Confirmed
            label={t("users.reset.button")}
            question={t("users.reset.confirm", { name: user.displayName })}
            yes={t("users.reset.yes")}
            run={() => api.call(usersApi.resetPassword, { params: { id: user.id } })}
            onDone={(r) => {
              onChanged(r.user);
              setOutcome(null);
              onPassword(r.user.username, r.password);
            }}
            onFailed={(key) => setOutcome({ tone: "error", key })}
          />
          {(active ? !isMe : true) && (
            <Confirmed
              danger={active}
              label={active ? t("users.deactivate.button") : t("users.reactivate.button")}
              question={t(active ? "users.deactivate.confirm" : "users.reactivate.confirm", {
                name: user.displayName,
              })}
              yes={active ? t("users.deactivate.yes") : t("users.reactivate.yes")}
              run={() => api.call(usersApi.setActive, { params: { id: user.id }, body: { active: !active } })}
              onDone={(next) => {
                onChanged(next);
                setOutcome({
                  tone: "ok",
                  key: active ? "users.deactivate.done" : "users.reactivate.done",
                  vars: { name: next.displayName },
                });
              }}
              onFailed={(key) => setOutcome({ tone: "error", key })}
            />
          )}
        </div>
      )}
    </li>
  );
}

/** A button that asks first: the question and "Ya…/Batal" replace it until answered. */
function Confirmed<T>({
  label,
  question,
  yes,
  danger = false,
  run,
  onDone,
  onFailed,
}: {
  label: string;
  question: string;
  yes: string;
  danger?: boolean;
  run: () => Promise<T>;
  onDone: (result: T) => void;
  onFailed: (message: MessageKey) => void;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!asking) {
    return (
      <button
        type="button"
        className={danger ? "button button--danger" : "button button--secondary"}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <fieldset className="confirm stack-sm">
      <legend className="sr-only">{label}</legend>
      <p>{question}</p>
      <div className="button-row">
        <button
          type="button"
          className={danger ? "button button--danger" : "button button--primary"}
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            try {
              onDone(await run());
              setAsking(false);
            } catch (e) {
              onFailed(userFailure(e).message);
              setAsking(false);
            } finally {
              setBusy(false);
            }
          }}
        >
          {busy ? t("users.saving") : yes}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setAsking(false)}>
          {t("users.cancel")}
        </button>
      </div>
    </fieldset>
  );
}

/** Every role the user holds, each with its region; saved together (the server replaces the whole set). */
function AssignmentsForm({ user, onSaved }: { user: UserView; onSaved: (user: UserView) => void }) {
  const { t } = useI18n();
  const root = adminRegion(useMe().assignments) ?? "";
  const [rows, setRows] = useState<AssignmentDraft[]>(() =>
    user.assignments.length > 0
      ? user.assignments.map((a) => ({ role: a.role, scope: a.scope }))
      : [{ role: "", scope: "" }],
  );
  const { errors, setErrors, message, busy, ref, submitChecked } = useUserFormSubmit();
  const update = (i: number, patch: Partial<AssignmentDraft>) => {
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
    setErrors({});
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    await submitChecked(validateAssignments(rows), async () => {
      const next = await api.call(usersApi.setAssignments, {
        params: { id: user.id },
        body: { assignments: rows.map((r) => ({ role: r.role as Role, scope: r.scope.trim() })) },
      });
      onSaved(next);
    });
  }

  return (
    <form ref={ref} className="stack" onSubmit={submit} noValidate aria-label={t("users.edit.title")}>
      <h4>{t("users.edit.title")}</h4>
      {rows.map((r, i) => (
        // rows have no identity of their own; the index is their place in the list the server receives
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <div key={i} className="assignment-row stack-sm">
          <div className="stack-sm">
            <SelectField
              label={t("users.role")}
              value={r.role}
              placeholder="—"
              options={roleOptions(t)}
              error={errors[`role.${i}`]}
              onChange={(v) => update(i, { role: v as Role })}
            />
            <RegionField
              root={root}
              value={r.scope}
              error={errors[`scope.${i}`]}
              onChange={(v) => update(i, { scope: v })}
            />
          </div>
          {rows.length > 1 && (
            <button
              type="button"
              className="text-button"
              onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
            >
              {t("users.edit.removeRow")}
            </button>
          )}
        </div>
      ))}
      {rows.length < 10 && (
        <button
          type="button"
          className="text-button"
          onClick={() => setRows((rs) => [...rs, { role: "", scope: rs[rs.length - 1]?.scope ?? "" }])}
        >
          {t("users.edit.addRow")}
        </button>
      )}
      {message && <Notice tone="error">{t(message)}</Notice>}
      <button type="submit" className="button button--secondary" disabled={busy}>
        {busy ? t("users.saving") : t("users.edit.save")}
      </button>
    </form>
  );
}

/**
 * The region of a role, chosen by name below the admin's regency (kecamatan, desa, then posyandu — a kader
 * works in a posyandu); the server still receives the region code.
 */
function RegionField({
  root,
  value,
  error,
  onChange,
}: {
  root: string;
  value: string;
  error: FieldError | undefined;
  onChange: (code: string) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="stack-sm">
      <PlacePicker
        root={root}
        value={value || root}
        onChange={onChange}
        label={t("users.region")}
        allLabel={t("users.region.all")}
        deepest="posyandu"
      />
      {error && <p className="field__error">{t(error.key, error.vars)}</p>}
    </div>
  );
}
