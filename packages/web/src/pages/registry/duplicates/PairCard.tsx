import { type DuplicatePair, duplicatesApi } from "@tumbuh/core";
import { type ReactNode, useState } from "react";
import { api, isApiError } from "../../../api";
import { useI18n } from "../../../i18n/I18nProvider";
import type { MessageKey } from "../../../i18n/messages";
import { formatAge, formatDate, maskDigits, todayIso } from "../../../kit/format";
import { submitFailure } from "../../../kit/forms/submitErrors";
import { Link } from "../../../router/navigation";
import { personPath } from "../../../router/routes";
import { reasonLabel } from "./reasons";

type Person = DuplicatePair["a"];
type State =
  | { kind: "open" }
  | { kind: "busy" }
  | { kind: "merged"; mergeId: string; kept: Person }
  | { kind: "dismissed" }
  | { kind: "undone" };

/** One pair: the two records side by side, the reasons, and the three decisions. */
export function PairCard({ pair }: { pair: DuplicatePair }) {
  const { t, locale } = useI18n();
  const [state, setState] = useState<State>({ kind: "open" });
  const [error, setError] = useState<MessageKey | null>(null);

  async function act(run: () => Promise<State>) {
    setError(null);
    const before = state;
    setState({ kind: "busy" });
    try {
      setState(await run());
    } catch (e) {
      const refused = isApiError(e) && e.status === 400 && e.field === "mergeId";
      setError(refused ? "dup.cannotMerge" : submitFailure(e).message);
      setState(before);
    }
  }

  const merge = (keep: Person, drop: Person) =>
    act(async () => ({
      kind: "merged",
      mergeId: (await api.call(duplicatesApi.merge, { body: { keepId: keep.id, mergeId: drop.id } })).mergeId,
      kept: keep,
    }));
  const busy = state.kind === "busy";
  const decided = state.kind === "merged" || state.kind === "dismissed";

  return (
    <article className={`card stack pair${decided ? " pair--decided" : ""}`}>
      <div className="pair__sides">
        <Side person={pair.a} other={pair.b} side={t("dup.left")} />
        <Side person={pair.b} other={pair.a} side={t("dup.right")} />
      </div>
      <div className="stack-sm">
        <h3 className="pair__reasons-title">{t("dup.reasons")}</h3>
        <ul className="chips">
          {pair.reasons.map((r) => (
            <li key={r} className="chip">
              {reasonLabel(r, locale)}
            </li>
          ))}
        </ul>
      </div>
      {error && (
        <p className="alert alert--error" role="alert">
          {t(error)}
        </p>
      )}
      {state.kind === "merged" ? (
        <div className="alert alert--ok stack-sm" role="status">
          <p>{t("dup.merged", { name: state.kept.name })}</p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              act(async () => {
                await api.call(duplicatesApi.undoMerge, { params: { id: state.mergeId } });
                return { kind: "undone" };
              })
            }
          >
            {t("dup.undo")}
          </button>
        </div>
      ) : state.kind === "dismissed" ? (
        <p className="alert alert--info" role="status">
          {t("dup.dismissed")}
        </p>
      ) : (
        <>
          {state.kind === "undone" && (
            <p className="alert alert--info" role="status">
              {t("dup.undone")}
            </p>
          )}
          <div className="pair__actions">
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() => merge(pair.a, pair.b)}
            >
              {t("dup.keepLeft")}
            </button>
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() => merge(pair.b, pair.a)}
            >
              {t("dup.keepRight")}
            </button>
            <button
              type="button"
              className="button button--secondary pair__not"
              disabled={busy}
              onClick={() =>
                act(async () => {
                  await api.call(duplicatesApi.dismiss, { body: { aId: pair.a.id, bId: pair.b.id } });
                  return { kind: "dismissed" };
                })
              }
            >
              {t("dup.notDup")}
            </button>
          </div>
        </>
      )}
    </article>
  );
}

/** One record of the pair; values that differ from the other record are highlighted. */
function Side({ person, other, side }: { person: Person; other: Person; side: string }) {
  const { t, locale } = useI18n();
  const mother = (p: Person) => p.motherName ?? p.parentName ?? null;
  const facts: { key: string; label: string; value: ReactNode; differs: boolean }[] = [
    { key: "sex", label: t("pf.sex"), value: t(`sex.${person.sex}`), differs: person.sex !== other.sex },
    {
      key: "birth",
      label: t("pf.birthDate"),
      value: (
        <>
          {formatDate(person.birthDate, locale)}
          <br />
          <span className="muted">{formatAge(person.birthDate, todayIso(), locale)}</span>
        </>
      ),
      differs: person.birthDate !== other.birthDate,
    },
    {
      key: "nik",
      label: t("person.nik"),
      value: person.nikMasked ? maskDigits(person.nikMasked) : "—",
      differs: person.nikMasked !== other.nikMasked,
    },
    {
      key: "mother",
      label: t("person.mother"),
      value: mother(person) ?? "—",
      differs: mother(person) !== mother(other),
    },
    {
      key: "region",
      label: t("person.region"),
      value: <span className="pair__code">{person.regionCode}</span>,
      differs: person.regionCode !== other.regionCode,
    },
  ];
  return (
    <div className="pair__side">
      <p className="pair__label">{side}</p>
      <p className="pair__name">
        <Link to={personPath(person.id)}>{person.name}</Link>
      </p>
      <dl className="pair__facts">
        {facts.map((f) => (
          <div key={f.key} className={f.differs ? "differs" : undefined}>
            <dt>{f.label}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
