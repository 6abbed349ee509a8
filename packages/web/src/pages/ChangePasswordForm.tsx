import { authApi } from "@tumbuh/core";
import { type FormEvent, useId, useState } from "react";
import { api, isApiError } from "../api";
import { generalErrorKey } from "../api/errorMessages";
import { useI18n } from "../i18n/I18nProvider";
import type { MessageKey } from "../i18n/messages";

export const MIN_PASSWORD_LENGTH = 10;

type Field = "current" | "new" | "confirm";

export function ChangePasswordForm() {
  const { t } = useI18n();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [confirm, setConfirm] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ key: MessageKey; field?: Field } | null>(null);
  const [done, setDone] = useState(false);
  const ids = {
    heading: useId(),
    current: useId(),
    next: useId(),
    hint: useId(),
    confirm: useId(),
    msg: useId(),
  };
  const min = MIN_PASSWORD_LENGTH;

  function validate(): { key: MessageKey; field: Field } | null {
    if (current === "") return { key: "password.error.required", field: "current" };
    if (next.length < min) return { key: "password.error.tooShort", field: "new" };
    if (next === current) return { key: "password.error.sameAsCurrent", field: "new" };
    if (confirm !== next) return { key: "password.error.mismatch", field: "confirm" };
    return null;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setDone(false);
    const invalid = validate();
    if (invalid) {
      setError(invalid);
      document.getElementById(ids[invalid.field === "new" ? "next" : invalid.field])?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.call(authApi.changePassword, { body: { currentPassword: current, newPassword: next } });
      setCurrent("");
      setNext("");
      setConfirm("");
      setDone(true);
    } catch (e) {
      if (isApiError(e) && e.status === 400 && e.field === "currentPassword") {
        // The server answers a wrong current password with 400 on that field (a 401 would mean "log in again").
        setError({ key: "password.error.wrongCurrent", field: "current" });
      } else if (isApiError(e) && (e.status === 400 || e.status === 422)) {
        setError({ key: "password.error.rejected", field: "new" });
      } else {
        setError({ key: generalErrorKey(e) });
      }
    } finally {
      setBusy(false);
    }
  }

  const describedBy = (field: Field, extra?: string) =>
    [extra, error?.field === field ? ids.msg : undefined].filter(Boolean).join(" ") || undefined;

  return (
    <form className="stack card" onSubmit={submit} noValidate aria-labelledby={ids.heading}>
      <h3 id={ids.heading}>{t("password.title")}</h3>
      <div className="field">
        <label htmlFor={ids.current}>{t("password.current")}</label>
        <input
          id={ids.current}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          aria-invalid={error?.field === "current" || undefined}
          aria-describedby={describedBy("current")}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.next}>{t("password.new")}</label>
        <input
          id={ids.next}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          minLength={min}
          value={next}
          onChange={(e) => setNext(e.target.value)}
          aria-invalid={error?.field === "new" || undefined}
          aria-describedby={describedBy("new", ids.hint)}
        />
        <p id={ids.hint} className="hint">
          {t("password.newHint", { min })}
        </p>
      </div>
      <div className="field">
        <label htmlFor={ids.confirm}>{t("password.confirm")}</label>
        <input
          id={ids.confirm}
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          aria-invalid={error?.field === "confirm" || undefined}
          aria-describedby={describedBy("confirm")}
        />
      </div>
      {error && (
        <p id={ids.msg} className="alert alert--error" role="alert">
          {t(error.key, { min })}
        </p>
      )}
      {done && (
        <p className="alert alert--ok" role="status">
          {t("password.success")}
        </p>
      )}
      <button type="submit" className="button button--primary button--block" disabled={busy}>
        {busy ? t("password.submitting") : t("password.submit")}
      </button>
    </form>
  );
}
