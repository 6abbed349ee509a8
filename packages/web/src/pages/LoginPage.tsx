import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { isApiError } from "../api";
import { generalErrorKey } from "../api/errorMessages";
import { useI18n } from "../i18n/I18nProvider";
import type { MessageKey } from "../i18n/messages";
import { useDocumentTitle, useOnline } from "../kit/ui";
import { useSession } from "../session/SessionProvider";

type LoginError =
  | { key: MessageKey; field?: "username" | "password" }
  /** Throttled: the message counts down to `until` (epoch ms). */
  | { key: "throttled"; until: number | null };

export function LoginPage() {
  const { t } = useI18n();
  const { state, login } = useSession();
  const online = useOnline();
  useDocumentTitle(t("login.title"));

  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [showPassword, setShowPassword] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<LoginError | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const ids = { error: useId(), username: useId(), password: useId(), show: useId() };

  const waitUntil = error?.key === "throttled" ? error.until : null;
  const secondsLeft = waitUntil === null ? 0 : Math.max(0, Math.ceil((waitUntil - now) / 1000));

  useEffect(() => {
    if (waitUntil === null) return;
    const timer = window.setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= waitUntil) setError(null);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [waitUntil]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || secondsLeft > 0) return;
    const name = username.trim();
    if (name === "" || password === "") {
      setError({ key: "login.error.required", field: name === "" ? "username" : "password" });
      (name === "" ? usernameRef : passwordRef).current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await login(name, password);
      // the app's sign-in guard moves on to the page the user came from
    } catch (e) {
      setPassword("");
      if (!isApiError(e)) setError({ key: "error.unknown" });
      else if (e.status === 401) {
        setError({ key: "login.error.invalid", field: "password" });
        passwordRef.current?.focus();
      } else if (e.status === 429) {
        const until = e.retryAfterSeconds === undefined ? null : Date.now() + e.retryAfterSeconds * 1000;
        setNow(Date.now());
        setError({ key: "throttled", until });
      } else if (e.code === "network") setError({ key: "login.error.offline" });
      else if (e.status === 400) setError({ key: "login.error.required" });
      else setError({ key: generalErrorKey(e) });
    } finally {
      setBusy(false);
    }
  }

  let errorText: string | null = null;
  if (error?.key === "throttled") {
    errorText =
      error.until === null
        ? t("login.error.throttled")
        : t("login.error.throttledSeconds", { seconds: secondsLeft });
  } else if (error) {
    errorText = t(error.key);
  }
  const errorField = error && "field" in error ? error.field : undefined;
  const expired = state.status === "anonymous" && state.expired;

  return (
    <section className="stack narrow">
      <h1>{t("login.title")}</h1>
      <p className="muted">{t("login.intro")}</p>
      {expired && !error && (
        <p className="alert alert--info" role="status">
          {t("login.sessionExpired")}
        </p>
      )}
      {!online && !error && (
        <p className="alert alert--warn" role="status">
          {t("login.error.offline")}
        </p>
      )}
      <form className="stack card" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={ids.username}>{t("login.username")}</label>
          <input
            ref={usernameRef}
            id={ids.username}
            name="username"
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            aria-invalid={errorField === "username" || undefined}
            aria-describedby={errorText ? ids.error : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.password}>{t("login.password")}</label>
          <input
            ref={passwordRef}
            id={ids.password}
            name="password"
            type={showPassword ? "text" : "password"}
            autoComplete="current-password"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={errorField === "password" || undefined}
            aria-describedby={errorText ? ids.error : undefined}
          />
        </div>
        <div className="checkbox">
          <input
            id={ids.show}
            type="checkbox"
            checked={showPassword}
            onChange={(e) => setShowPassword(e.target.checked)}
          />
          <label htmlFor={ids.show}>{t("login.showPassword")}</label>
        </div>
        {errorText && (
          <p id={ids.error} className="alert alert--error" role="alert">
            {errorText}
          </p>
        )}
        <button
          type="submit"
          className="button button--primary button--block"
          disabled={busy || secondsLeft > 0}
        >
          {busy
            ? t("login.submitting")
            : secondsLeft > 0
              ? t("login.waitButton", { seconds: secondsLeft })
              : t("login.submit")}
        </button>
      </form>
    </section>
  );
}
