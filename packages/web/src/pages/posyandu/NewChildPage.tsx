import { type FormEvent, useRef, useState } from "react";
import { useI18n } from "../../i18n/I18nProvider";
import type { MessageKey } from "../../i18n/messages";
import { formatDate, todayIso } from "../../kit/format";
import { DecimalField, focusFirstInvalid, TextField } from "../../kit/forms/fields";
import { useForm } from "../../kit/forms/useForm";
import { SyncStatusBar } from "../../kit/sync/SyncStatusBar";
import { useLive, useSyncEngine } from "../../kit/sync/useSync";
import { BackLink, useDocumentTitle } from "../../kit/ui";
import { Link, navigate } from "../../router/navigation";
import { posyanduChildPath, posyanduDayPath } from "../../router/routes";
import { registerPerson } from "../../sync/outbox";
import { IdentityFields } from "../registry/forms/IdentityFields";
import { emptyPersonForm, type PersonForm, toPersonPayload } from "../registry/forms/payloads";
import { type DuplicateMatch, possibleDuplicates } from "./duplicates";
import { placeName, toChild } from "./local";
import { PosyanduGate } from "./PosyanduGate";
import "./posyandu.css";

/**
 * Register a child on the spot (offline too), with birth weight and length: the id is made on the phone,
 * then straight to weighing. A child the phone already holds (same NIK, or sound-alike name + birth date +
 * mother in the desa) is shown first: open that one, or confirm it is a different child.
 */
export default function NewChildPage({ code }: { code: string }) {
  return (
    <PosyanduGate code={code}>
      <NewChild code={code} />
    </PosyanduGate>
  );
}

function NewChild({ code }: { code: string }) {
  const { t, locale } = useI18n();
  const [matches, setMatches] = useState<DuplicateMatch[] | null>(null);
  const engine = useSyncEngine();
  const name = useLive(() => placeName(engine, code), `${engine.userId}|${code}`);
  const title = t("pd.newTitle", { name: name ?? code });
  useDocumentTitle(title);
  const today = todayIso();
  const { form, set, errors, setErrors } = useForm<PersonForm>(() => emptyPersonForm(code));
  const [message, setMessage] = useState<MessageKey | null>(null);
  const ref = useRef<HTMLFormElement>(null);

  async function submit(e: FormEvent, different = false) {
    e.preventDefault();
    const built = toPersonPayload(form, { today });
    if (!built.ok) {
      setErrors(built.errors);
      setMessage("reg.fixErrors");
      focusFirstInvalid(ref.current);
      return;
    }
    if (!different) {
      const people = (
        await engine.db.records
          .where("[entity+regionCode]")
          .between(["person", ""], ["person", "\uffff"])
          .toArray()
      ).map(toChild);
      const found = possibleDuplicates(people, {
        regionCode: built.payload.regionCode,
        name: built.payload.name,
        birthDate: built.payload.birthDate,
        nik: built.payload.nik ?? null,
        parentName: built.payload.parentName ?? null,
      });
      if (found.length > 0) {
        setMatches(found);
        return;
      }
    }
    const id = await registerPerson(engine, built.payload);
    navigate(posyanduChildPath(code, id), { replace: true });
  }

  if (matches) {
    return (
      <div className="stack pd" data-testid="pd-duplicates">
        <h1>{t("pd.dupTitle")}</h1>
        <p>{t("pd.dupHint")}</p>
        <ul className="pd-list">
          {matches.map((m) => (
            <li key={m.child.id} className="pd-row">
              <span className="pd-row__name">{m.child.name}</span>
              <span className="pd-row__meta">
                {formatDate(m.child.birthDate, locale)}
                {(m.child.motherName ?? m.child.parentName)
                  ? ` · ${m.child.motherName ?? m.child.parentName}`
                  : ""}{" "}
                · {t(m.reason === "nik" ? "pd.dupNik" : "pd.dupName")}
              </span>
              <Link to={posyanduChildPath(code, m.child.id)} className="button button--primary button--block">
                {t("pd.dupSame")}
              </Link>
            </li>
          ))}
        </ul>
        <button
          type="button"
          className="button button--secondary button--block"
          onClick={(e) => void submit(e, true)}
        >
          {t("pd.dupDifferent")}
        </button>
      </div>
    );
  }

  return (
    <div className="stack pd">
      <BackLink to={posyanduDayPath(code)}>{t("pd.back")}</BackLink>
      <h1>{title}</h1>
      <SyncStatusBar engine={engine} />
      <form ref={ref} className="stack card" onSubmit={submit} noValidate data-testid="pd-new">
        <IdentityFields form={form} set={set} errors={errors} today={today} />
        <TextField
          label={t("pf.parentName")}
          optional
          value={form.parentName}
          onChange={set("parentName")}
          error={errors.parentName}
        />
        <DecimalField
          label={t("pd.birthWeight")}
          optional
          value={form.birthWeight}
          onChange={set("birthWeight")}
          error={errors.birthWeight}
        />
        <DecimalField
          label={t("pd.birthLength")}
          optional
          value={form.birthLength}
          onChange={set("birthLength")}
          error={errors.birthLength}
        />
        {message && (
          <p className="alert alert--error" role="alert">
            {t(message)}
          </p>
        )}
        <button type="submit" className="button button--primary button--block button--big">
          {t("pd.register")}
        </button>
      </form>
    </div>
  );
}
