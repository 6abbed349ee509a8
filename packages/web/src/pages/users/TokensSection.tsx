import { type AccessTokenView, addDays, todayIso, tokensApi } from "@tumbuh/core";
import { type FormEvent, useState } from "react";
import { api } from "../../api";
import { useI18n } from "../../i18n/I18nProvider";
import { formatDate, placeTitle } from "../../kit/format";
import { CheckField } from "../../kit/forms/fields";
import { PlacePicker } from "../../kit/PlacePicker";
import { Loading, Notice } from "../../kit/ui";
import { useLoad } from "../../kit/useLoad";
import { userFailure } from "./userAdmin";

/**
 * "Token akses" (issue 16): an admin's personal access tokens for machines — list, create (the secret is
 * shown once, with a copy button and a warning), revoke after a confirmation.
 */
export function TokensSection({ defaultRegion }: { defaultRegion: string }) {
  const { t, formatDateTime, locale } = useI18n();
  const loaded = useLoad("tokens", (signal) => api.call(tokensApi.list, {}, { signal }));
  const [name, setName] = useState("");
  const [scope, setScope] = useState(defaultRegion);
  const [readOnly, setReadOnly] = useState(true);
  const [expiresOn, setExpiresOn] = useState(() => addDays(todayIso(), 90));
  const [secret, setSecret] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState<string | null>(null);

  async function create(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const res = await api.call(tokensApi.create, {
        body: { name: name.trim(), role: "viewer", scope: scope.trim(), readOnly, expiresOn },
      });
      setSecret(res.secret);
      setCopied(false);
      setName("");
      loaded.reload();
    } catch (err) {
      setError(t(userFailure(err).message));
    }
  }
  async function revoke(token: AccessTokenView) {
    try {
      await api.call(tokensApi.revoke, { params: { id: token.id } });
      setAsking(null);
      loaded.reload();
    } catch (err) {
      setError(t(userFailure(err).message));
    }
  }
  const state = loaded.state;
  return (
    <section className="stack tokens" aria-labelledby="tokens-title">
      <h2 id="tokens-title">{t("users.tokens.title")}</h2>
      <p className="muted">{t("users.tokens.intro")}</p>
      {secret && (
        <div className="otp-box stack-sm" role="status" data-testid="token-secret">
          <p>
            <strong>{t("users.tokens.once")}</strong>
          </p>
          <p className="otp-box__password">
            <code>{secret}</code>
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button button--primary"
              onClick={() => navigator.clipboard?.writeText(secret).then(() => setCopied(true))}
            >
              {copied ? t("users.otp.copied") : t("users.tokens.copy")}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setSecret(null)}>
              {t("users.otp.dismiss")}
            </button>
          </div>
        </div>
      )}
      <form className="stack-sm card" onSubmit={create} aria-label={t("users.tokens.create")}>
        <label className="field">
          <span className="field__label">{t("users.tokens.name")}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} required minLength={3} />
        </label>
        {/* chosen by name below the admin's regency; the server still receives the region code */}
        <PlacePicker
          root={defaultRegion}
          value={scope || defaultRegion}
          onChange={setScope}
          label={t("users.tokens.region")}
          allLabel={t("users.region.all")}
          deepest="posyandu"
        />
        <label className="field">
          <span className="field__label">{t("users.tokens.expires")}</span>
          <input type="date" value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} required />
        </label>
        <CheckField label={t("users.tokens.readOnly")} checked={readOnly} onChange={setReadOnly} />
        {error && <Notice tone="error">{error}</Notice>}
        <button type="submit" className="button button--primary">
          {t("users.tokens.create")}
        </button>
      </form>
      {state.status === "loading" && <Loading />}
      {state.status === "ready" && (
        <ul className="plain-list stack-sm">
          {state.data.tokens.length === 0 && <li className="muted">{t("users.tokens.none")}</li>}
          {state.data.tokens.map((tk) => (
            <li key={tk.id} className="card stack-sm" data-testid="token-row">
              <p>
                <strong>{tk.name}</strong>
              </p>
              <p>
                {t(`role.${tk.role}` as never)} ·{" "}
                {tk.scopeName === null
                  ? t("users.tokens.placeGone")
                  : tk.scopeKind === null
                    ? tk.scopeName
                    : placeTitle(t(`kind.${tk.scopeKind}` as "kind.desa"), tk.scopeName)}{" "}
                · {tk.readOnly ? t("users.tokens.readOnly") : t("users.tokens.write")}
              </p>
              <p className="muted">
                {/* stored as the start of the day after; the admin chose (and reads) the last valid day */}
                {t("users.tokens.expiresOn", {
                  date: formatDate(addDays(tk.expiresAt.slice(0, 10), -1), locale),
                })}{" "}
                ·{" "}
                {tk.lastUsedAt
                  ? t("users.tokens.lastUsed", { date: formatDateTime(tk.lastUsedAt) })
                  : t("users.tokens.neverUsed")}
              </p>
              {tk.revokedAt ? (
                <span className="badge">{t("users.tokens.revoked")}</span>
              ) : asking === tk.id ? (
                <div className="stack-sm">
                  <p>{t("users.tokens.confirm", { name: tk.name })}</p>
                  <div className="button-row">
                    <button type="button" className="button button--danger" onClick={() => revoke(tk)}>
                      {t("users.tokens.revoke")}
                    </button>
                    <button
                      type="button"
                      className="button button--secondary"
                      onClick={() => setAsking(null)}
                    >
                      {t("users.cancel")}
                    </button>
                  </div>
                </div>
              ) : (
                <div>
                  <button type="button" className="button button--secondary" onClick={() => setAsking(tk.id)}>
                    {t("users.tokens.revoke")}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
