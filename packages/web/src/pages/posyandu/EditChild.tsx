import { type FormEvent, useState } from "react";
import { useI18n } from "../../i18n/I18nProvider";
import { TextField } from "../../kit/forms/fields";
import type { SyncEngine } from "../../sync/engine";
import { editPerson } from "../../sync/outbox";
import type { LocalChild } from "./day";

/** Correct a child's name or parent on the phone; sent with the revision it was read at. */
export function EditChild({ engine, child }: { engine: SyncEngine; child: LocalChild }) {
  const { t } = useI18n();
  const [name, setName] = useState(child.name);
  const [parentName, setParentName] = useState(child.parentName ?? "");
  const [saved, setSaved] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const changes: { name?: string; parentName?: string | null } = {};
    if (name.trim() && name.trim() !== child.name) changes.name = name.trim();
    if (parentName.trim() !== (child.parentName ?? "")) changes.parentName = parentName.trim() || null;
    if (Object.keys(changes).length === 0) return;
    await editPerson(engine, child.id, changes);
    setSaved(true);
  }
  return (
    <details className="pd-edit">
      <summary>{t("pd.editChild")}</summary>
      <form className="stack" onSubmit={submit} noValidate data-testid="pd-edit">
        <TextField
          label={t("pf.name")}
          value={name}
          onChange={(v) => {
            setName(v);
            setSaved(false);
          }}
        />
        <TextField
          label={t("pf.parentName")}
          optional
          value={parentName}
          onChange={(v) => {
            setParentName(v);
            setSaved(false);
          }}
        />
        {saved && (
          <p className="alert alert--ok" role="status">
            {t("pd.editSaved")}
          </p>
        )}
        <button type="submit" className="button button--secondary button--block">
          {t("reg.save")}
        </button>
      </form>
    </details>
  );
}
