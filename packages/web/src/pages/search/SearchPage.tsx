// /cari?q= — one search by name (sound-alike) or a whole NIK across everything the user may read.
// The query lives in the address, so the back button returns to the results.
import { searchApi } from "@tumbuh/core";
import { useId, useState } from "react";
import { api } from "../../api";
import { useI18n } from "../../i18n/I18nProvider";
import { formatAge, formatDate, maskDigits, todayIso } from "../../kit/format";
import { LoadGate, useDocumentTitle } from "../../kit/ui";
import { useLoad } from "../../kit/useLoad";
import { Link, navigate } from "../../router/navigation";
import { pathFor, personPath } from "../../router/routes";
import "../../kit/kit.css";

export default function SearchPage({ q }: { q: string | null }) {
  const { t } = useI18n();
  const inputId = useId();
  const hintId = useId();
  const [text, setText] = useState(q ?? "");
  const [short, setShort] = useState(false);
  useDocumentTitle(t("search.title"));
  const query = (q ?? "").trim();

  return (
    <div className="stack-lg">
      <h1>{t("search.title")}</h1>
      <search>
        <form
          className="stack-sm"
          onSubmit={(e) => {
            e.preventDefault();
            const next = text.trim();
            setShort(next.length < 2);
            if (next.length >= 2) navigate(pathFor("search", { q: next }));
          }}
        >
          <div className="field">
            <label htmlFor={inputId}>{t("search.label")}</label>
            <input
              id={inputId}
              type="search"
              value={text}
              autoComplete="off"
              aria-describedby={hintId}
              aria-invalid={short || undefined}
              onChange={(e) => setText(e.target.value)}
            />
            <p id={hintId} className="hint">
              {short ? t("search.tooShort") : t("search.hint")}
            </p>
          </div>
          <button type="submit" className="button button--primary button--block">
            {t("search.submit")}
          </button>
        </form>
      </search>
      {query.length >= 2 && <Results q={query} />}
    </div>
  );
}

function Results({ q }: { q: string }) {
  const { t, locale } = useI18n();
  const loaded = useLoad(`search:${q}`, (signal) =>
    api.call(searchApi.persons, { query: { q } }, { signal }),
  );
  const today = todayIso();
  return (
    <LoadGate loaded={loaded}>
      {(data) =>
        data.hits.length === 0 ? (
          <p className="alert alert--info">{t("search.none")}</p>
        ) : (
          <section className="stack" aria-live="polite">
            <p className="muted">
              {t("search.count", { count: data.hits.length })}
              {data.byNik && ` ${t("search.byNik")}`}
            </p>
            {data.truncated && (
              <p className="alert alert--warn">{t("search.truncated", { count: data.hits.length })}</p>
            )}
            <ul className="link-list">
              {data.hits.map((h) => (
                <li key={h.id}>
                  <Link to={personPath(h.id)} className="link-card">
                    <span className="link-card__body">
                      <span className="link-card__title">{h.name}</span>
                      <span className="link-card__meta">
                        {h.placeName} · {formatAge(h.birthDate, today, locale)} ·{" "}
                        {t("search.born", { date: formatDate(h.birthDate, locale) })}
                        {h.nikMasked && ` · NIK ${maskDigits(h.nikMasked)}`}
                      </span>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        )
      }
    </LoadGate>
  );
}
