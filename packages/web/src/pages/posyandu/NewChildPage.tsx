import { type FormEvent, useRef, useState } from "react";
import { useI18n } from "../../i18n/I18nProvider";
import type { MessageKey } from "../../i18n/messages";
import { todayIso } from "../../kit/format";
import { focusFirstInvalid, TextField } from "../../kit/forms/fields";
import { useForm } from "../../kit/forms/useForm";
import { SyncStatusBar } from "../../kit/sync/SyncStatusBar";
import { useLive, useSyncEngine } from "../../kit/sync/useSync";
import { BackLink, useDocumentTitle } from "../../kit/ui";
import { navigate } from "../../router/navigation";
import { posyanduChildPath, posyanduDayPath } from "../../router/routes";
import { registerPerson } from "../../sync/outbox";
import { IdentityFields } from "../registry/forms/IdentityFields";
import { emptyPersonForm, type PersonForm, toPersonPayload } from "../registry/forms/payloads";
import { placeName } from "./local";
import "./posyandu.css";

/** Register a child on the spot (offline too): the id is made on the phone, then straight to weighing. */
export default function NewChildPage({ code }: { code: string }) {
  const { t } = useI18n();
  const engine = useSyncEngine();
  const name = useLive(() => placeName(engine, code), `${engine.userId}|${code}`);
  const title = t("pd.newTitle", { name: name ?? code });
  useDocumentTitle(title);
  const today = todayIso();
  const { form, set, errors, setErrors } = useForm<PersonForm>(() => emptyPersonForm(code));
  const [message, setMessage] = useState<MessageKey | null>(null);
  const ref = useRef<HTMLFormElement>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const built = toPersonPayload(form, { today });
    if (!built.ok) {
      setErrors(built.errors);
      setMessage("reg.fixErrors");
      focusFirstInvalid(ref.current);
      return;
    }
    const id = await registerPerson(engine, built.payload);
    navigate(posyanduChildPath(code, id), { replace: true });
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
