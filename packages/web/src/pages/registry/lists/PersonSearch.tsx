import { useId, useState } from "react";
import { useI18n } from "../../../i18n/I18nProvider";
import { todayIso } from "../../../kit/format";
import { ErrorPanel, Loading } from "../../../kit/ui";
import { usePersonSearch } from "../usePersonSearch";
import { ChildCard } from "./ChildCard";

/** The name search of the lists page; its results replace the lists while a query is typed. */
export function PersonSearch({
  region,
  query,
  onQuery,
}: {
  region: string;
  query: string;
  onQuery: (q: string) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  // typed text is local state (instant); the URL keeps it for "back" from a child's page
  const [text, setText] = useState(query);
  const search = usePersonSearch(region, text, 50);
  const today = todayIso();
  return (
    <div className="stack">
      <div className="field">
        <label htmlFor={id}>{t("lists.search")}</label>
        <input
          id={id}
          type="search"
          autoComplete="off"
          enterKeyHint="search"
          value={text}
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            setText(e.target.value);
            onQuery(e.target.value);
          }}
        />
        <p className="hint" id={`${id}-hint`}>
          {t("lists.searchHint")}
        </p>
      </div>
      {search.status === "searching" && <Loading />}
      {search.status === "error" && <ErrorPanel error={search.error} />}
      {search.status === "done" && (
        <section className="stack" aria-live="polite">
          {search.persons.length === 0 ? (
            <p className="muted">{t("lists.searchNone", { query: search.query })}</p>
          ) : (
            <>
              <h2>{t("lists.searchResults", { count: search.persons.length })}</h2>
              <ul className="link-list">
                {search.persons.map((p) => (
                  <li key={p.id}>
                    <ChildCard person={p} today={today} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </div>
  );
}
