// /wilayah/:code/tpk — family support teams (Tim Pendamping Keluarga: bidan, PKK, kader KB; Paser Pasal 1
// angka 31) of a region, and forming one for a desa.
import { tpkApi } from "@tumbuh/core";
import { useState } from "react";
import { api } from "../../api";
import { useI18n } from "../../i18n/I18nProvider";
import { BackLink, LoadGate, useDocumentTitle } from "../../kit/ui";
import { useAction } from "../../kit/useAction";
import { useLoad } from "../../kit/useLoad";
import { Link, navigate } from "../../router/navigation";
import { pathFor, regionPath } from "../../router/routes";
import { useMe } from "../../session/SessionProvider";
import { canWrite } from "../regionLinks";
import { ActionError, newId } from "./shared";
import "../../kit/kit.css";
import "./families.css";

export default function TpkListPage({ code }: { code: string }) {
  const { t } = useI18n();
  const me = useMe();
  useDocumentTitle(t("fam.tpk.title"));
  const teams = useLoad(`tpk:${code}`, (s) => api.call(tpkApi.teams, { params: { code } }, { signal: s }), {
    cacheKey: `tpk:${code}`,
  });
  const [name, setName] = useState("");
  const [id] = useState(newId);
  const { busy, error, run } = useAction();
  const isDesa = code.split(".").length === 4;
  async function create(e: React.FormEvent) {
    e.preventDefault();
    const saved = await run(() => api.call(tpkApi.createTeam, { body: { id, regionCode: code, name } }));
    if (saved) navigate(pathFor("tpkTeam", { id: saved.id }));
  }
  return (
    <div className="stack-lg">
      <div className="stack-sm">
        <BackLink to={regionPath(code)}>{t("reg.backRegion")}</BackLink>
        <h1>{t("fam.tpk.title")}</h1>
        <p className="muted">{t("fam.tpk.lead")}</p>
      </div>
      <LoadGate loaded={teams}>
        {(data) => (
          <ul className="link-list">
            {data.teams.length === 0 && <li className="muted">{t("fam.tpk.none")}</li>}
            {data.teams.map((team) => (
              <li key={team.id}>
                <Link to={pathFor("tpkTeam", { id: team.id })} className="link-card">
                  <span className="link-card__body">
                    <span className="link-card__title">{team.name}</span>
                    <span className="link-card__meta">{team.regionCode}</span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </LoadGate>
      {isDesa && me.assignments.some((a) => canWrite(a.role)) && (
        <form className="card stack" onSubmit={create}>
          <h2>{t("fam.tpk.create")}</h2>
          <label className="field">
            {t("fam.tpk.name")}
            <input value={name} onChange={(e) => setName(e.target.value)} required />
          </label>
          <ActionError error={error} />
          <button type="submit" className="button button--primary button--block" disabled={busy}>
            {t("reg.save")}
          </button>
        </form>
      )}
    </div>
  );
}
