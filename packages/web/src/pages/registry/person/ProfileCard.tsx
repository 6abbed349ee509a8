import { type PersonView, regionsApi, TARGET_LABELS } from "@tumbuh/core";
import { useId, useState } from "react";
import { api } from "../../../api";
import { useI18n } from "../../../i18n/I18nProvider";
import { formatAge, formatNumber, maskDigits, placeTitle, todayIso } from "../../../kit/format";
import { useLoad } from "../../../kit/useLoad";
import { Link } from "../../../router/navigation";
import { personPath } from "../../../router/routes";
import { nikWarningText } from "../nikWarnings";
import { useWriterAt } from "../useWriter";
import { EditPersonForm } from "./EditPersonForm";

/** Personal data: NIK (masked until asked), target groups, mother/children, birth data; editable. */
export function ProfileCard({ view, onChanged }: { view: PersonView; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const { person } = view;
  const writer = useWriterAt(person.regionCode);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const headingId = useId();
  const today = todayIso();

  if (editing) {
    return (
      <EditPersonForm
        person={person}
        onCancel={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          setSaved(true);
          onChanged();
        }}
        onReload={() => {
          setEditing(false);
          onChanged();
        }}
      />
    );
  }

  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("person.details")}</h2>
      {saved && (
        <p className="alert alert--ok" role="status">
          {t("person.editSaved")}
        </p>
      )}
      <dl className="facts">
        <div>
          <dt>{t("person.nik")}</dt>
          <dd>
            <Nik nik={person.nik} masked={person.nikMasked} />
          </dd>
        </div>
        {view.mother ? (
          <div>
            <dt>{t("person.mother")}</dt>
            <dd>
              <Link to={personPath(view.mother.id)}>{view.mother.name}</Link>
            </dd>
          </div>
        ) : (
          person.parentName && (
            <div>
              <dt>{t("person.parentName")}</dt>
              <dd>{person.parentName}</dd>
            </div>
          )
        )}
        {person.birthWeightKg !== null && (
          <div>
            <dt>{t("person.birthWeight")}</dt>
            <dd>{formatNumber(person.birthWeightKg, locale, 2)} kg</dd>
          </div>
        )}
        {person.birthLengthCm !== null && (
          <div>
            <dt>{t("person.birthLength")}</dt>
            <dd>{formatNumber(person.birthLengthCm, locale, 1)} cm</dd>
          </div>
        )}
        <div>
          <dt>{t("person.region")}</dt>
          <dd>
            <PlaceName code={person.regionCode} />
          </dd>
        </div>
      </dl>

      {view.nikWarnings.length > 0 && (
        <div className="alert alert--warn" role="status">
          <p>
            <strong>{t("person.nikWarnings")}</strong>
          </p>
          <ul className="plain-list">
            {view.nikWarnings.map((w) => (
              <li key={w}>{nikWarningText(w, locale)}</li>
            ))}
          </ul>
        </div>
      )}

      <div className="stack-sm">
        <h3>{t("person.targets")}</h3>
        {person.targetRoles.length === 0 ? (
          <p className="muted">{t("person.noTargets")}</p>
        ) : (
          <ul className="chips">
            {person.targetRoles.map((r) => (
              <li key={r} className="chip">
                {TARGET_LABELS[r]?.[locale] ?? r}
              </li>
            ))}
          </ul>
        )}
      </div>

      {view.children.length > 0 && (
        <div className="stack-sm">
          <h3>{t("person.children")}</h3>
          <ul className="plain-list">
            {view.children.map((c) => (
              <li key={c.id}>
                <Link to={personPath(c.id)} className="inline-link">
                  {c.name}
                </Link>{" "}
                <span className="muted">
                  · {t(`sex.short.${c.sex}`)} · {formatAge(c.birthDate, today, locale)}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}

      {writer && (
        <button
          type="button"
          className="button button--secondary button--block"
          onClick={() => setEditing(true)}
        >
          {t("person.edit")}
        </button>
      )}
    </section>
  );
}

/** The NIK, masked (last 4 digits) until "Tampilkan" is tapped. */
function Nik({ nik, masked }: { nik: string | null; masked: string | null }) {
  const { t } = useI18n();
  const [shown, setShown] = useState(false);
  if (!nik && !masked) return <span className="muted">{t("person.nikNone")}</span>;
  const hidden = maskDigits(masked ?? nik ?? "");
  return (
    <span className="nik">
      <span className="nik__value">{shown && nik ? nik : hidden}</span>
      {nik && (
        <button
          type="button"
          className="text-button"
          aria-pressed={shown}
          onClick={() => setShown((s) => !s)}
        >
          {shown ? t("person.nikHide") : t("person.nikShow")}
        </button>
      )}
    </span>
  );
}

/** "Posyandu Melati, Desa Sandeley" — the place by name, never its code (nothing while it loads). */
function PlaceName({ code }: { code: string }) {
  const { t } = useI18n();
  const loaded = useLoad(
    `region:${code}`,
    (s) => api.call(regionsApi.view, { params: { code } }, { signal: s }),
    {
      cacheKey: `region:${code}`,
    },
  );
  if (loaded.state.status !== "ready") return null;
  const { region, ancestors } = loaded.state.data;
  const desa = [...ancestors].reverse().find((a) => a.kind === "desa" || a.kind === "kelurahan");
  const here = placeTitle(t(`kind.${region.kind}`), region.name);
  return (
    <>
      {desa && desa.code !== region.code ? `${here}, ${placeTitle(t(`kind.${desa.kind}`), desa.name)}` : here}
    </>
  );
}
