import {
  INSTITUTION_KINDS,
  type InstitutionsView,
  type InstitutionView,
  KPM_CRITERIA,
  KPM_EDUCATION_LEVELS,
  MEMBER_ROLES,
  planningApi,
  regionsApi,
} from "@tumbuh/core";
import { useState } from "react";
import { api } from "../../api";
import { useI18n } from "../../i18n/I18nProvider";
import type { MessageKey } from "../../i18n/messages";
import { CheckField, SelectField, TextField } from "../../kit/forms/fields";
import { BackLink, LoadGate, Notice, useDocumentTitle } from "../../kit/ui";
import { useLoad } from "../../kit/useLoad";
import { Link } from "../../router/navigation";
import { pathFor, regionPath } from "../../router/routes";
import { useMe } from "../../session/SessionProvider";
import { canPlan, canReview } from "./access";
import { usePlanningAction } from "./usePlanningAction";
import "../../kit/kit.css";
import "./planning.css";

/** TPPS, Rumah Desa Sehat, service providers and KPM of a region and below: /wilayah/:code/kelembagaan. */
export default function InstitutionsPage({ code }: { code: string }) {
  const { t } = useI18n();
  const me = useMe();
  const loaded = useLoad<InstitutionsView & { name: string; level: string }>(`inst:${code}`, async (s) => {
    const [view, region] = await Promise.all([
      api.call(planningApi.institutions, { query: { region: code } }, { signal: s }),
      api.call(regionsApi.view, { params: { code } }, { signal: s }),
    ]);
    return { ...view, name: region.region.name, level: region.region.level };
  });
  useDocumentTitle(t("in.title", { name: "" }));
  const writable = canPlan(me.assignments, code) || canReview(me.assignments, code);
  return (
    <div className="stack-lg">
      <BackLink to={regionPath(code)}>{t("reg.backRegion")}</BackLink>
      <LoadGate loaded={loaded}>
        {(v) => (
          <>
            <h1>{t("in.title", { name: v.name })}</h1>
            {v.desaWithoutKpm.length > 0 && (
              <p className="alert alert--warn">
                {t("in.withoutKpm", { names: v.desaWithoutKpm.map((d) => d.name).join(", ") })}
              </p>
            )}
            <section className="stack" aria-labelledby="in-list">
              <h2 id="in-list" className="sr-only">
                {t("region.institutions")}
              </h2>
              {v.institutions.length === 0 && <p className="muted">{t("in.none")}</p>}
              <ul className="plain-list stack-sm">
                {v.institutions.map((i) => (
                  <Institution key={i.id} inst={i} editable={writable} onSaved={loaded.reload} />
                ))}
              </ul>
              {writable && <InstitutionForm code={code} onSaved={loaded.reload} />}
            </section>
            <TpkTeams code={code} level={v.level} teams={v.tpk} />
            <section className="stack" aria-labelledby="in-kpm">
              <h2 id="in-kpm">{t("in.kpm")}</h2>
              {v.kpm.length === 0 && <p className="muted">{t("in.kpmNone")}</p>}
              <ul className="plain-list stack-sm">
                {v.kpm.map((k) => (
                  <li key={k.id} className="proposal">
                    <span className="proposal__title">{k.name}</span>
                    <span className={k.eligible ? "status status--selesai" : "status status--late"}>
                      {k.eligible
                        ? t("in.kpmEligible")
                        : t("in.kpmUnmet", {
                            criteria: k.criteriaUnmet
                              .map((c) => t(`in.criterion.${c}` as MessageKey))
                              .join(", "),
                          })}
                    </span>
                    <span className="step__meta">
                      {k.chosenOn ? t("in.kpmChosen", { date: k.chosenOn }) : ""}
                      {k.decreeNumber
                        ? ` · ${t("in.decree", { number: k.decreeNumber, date: k.decreeDate ?? "" })}`
                        : ""}
                    </span>
                  </li>
                ))}
              </ul>
              {v.level === "desa" && canPlan(me.assignments, code) && (
                <KpmForm code={code} onSaved={loaded.reload} />
              )}
            </section>
          </>
        )}
      </LoadGate>
    </div>
  );
}

function Institution({
  inst,
  editable,
  onSaved,
}: {
  inst: InstitutionView;
  editable: boolean;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const action = usePlanningAction();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [role, setRole] = useState<(typeof MEMBER_ROLES)[number]>("anggota");
  const [unit, setUnit] = useState("");
  return (
    <li className="proposal">
      <span className="step__meta">
        {t(`in.kind.${inst.kind}` as MessageKey)} · {inst.regionName}
      </span>
      <span className="proposal__title">{inst.name}</span>
      <span className="step__meta">
        {inst.decreeNumber
          ? t("in.decree", { number: inst.decreeNumber, date: inst.decreeDate ?? "" })
          : t("in.noDecree")}
      </span>
      {inst.members.length > 0 && (
        <ul className="step__meta">
          {inst.members.map((m) => (
            <li key={m.id}>
              {m.name} — {t(`in.role.${m.role}` as MessageKey)}
              {m.unit ? ` (${m.unit})` : ""}
            </li>
          ))}
        </ul>
      )}
      {action.outcome && <Notice tone={action.outcome.tone}>{action.outcome.text}</Notice>}
      {editable && !open && (
        <button type="button" className="text-button" onClick={() => setOpen(true)}>
          {t("in.member.add")}
        </button>
      )}
      {editable && open && (
        <form
          className="stack-sm"
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await action.run(
              () =>
                api.call(planningApi.addMember, {
                  params: { id: inst.id },
                  body: { name, role, unit: unit || null },
                }),
              t("pl.saved"),
              (m) => t("pl.error", { message: m }),
            );
            if (r) onSaved();
          }}
        >
          <TextField label={t("in.member.name")} value={name} onChange={setName} />
          <SelectField
            label={t("in.member.role")}
            value={role}
            onChange={(v) => setRole(v as typeof role)}
            options={MEMBER_ROLES.map((r) => ({ value: r, label: t(`in.role.${r}` as MessageKey) }))}
          />
          <TextField label={t("in.member.unit")} optional value={unit} onChange={setUnit} />
          <button type="submit" className="button button--secondary" disabled={action.busy}>
            {t("in.member.save")}
          </button>
        </form>
      )}
    </li>
  );
}

function InstitutionForm({ code, onSaved }: { code: string; onSaved: () => void }) {
  const { t } = useI18n();
  const action = usePlanningAction();
  const [kind, setKind] = useState<(typeof INSTITUTION_KINDS)[number]>("rds");
  const [name, setName] = useState("");
  const [decreeNumber, setDecreeNumber] = useState("");
  const [decreeDate, setDecreeDate] = useState("");
  return (
    <form
      className="pl-form stack"
      onSubmit={async (e) => {
        e.preventDefault();
        const r = await action.run(
          () =>
            api.call(planningApi.createInstitution, {
              body: {
                regionCode: code,
                kind,
                name,
                decreeNumber: decreeNumber || null,
                decreeDate: decreeDate || null,
              },
            }),
          t("pl.saved"),
          (m) => t("pl.error", { message: m }),
        );
        if (r) onSaved();
      }}
    >
      <h3>{t("in.add")}</h3>
      {action.outcome && <Notice tone={action.outcome.tone}>{action.outcome.text}</Notice>}
      <div className="pl-grid">
        <SelectField
          label={t("in.kind")}
          value={kind}
          onChange={(v) => setKind(v as typeof kind)}
          options={INSTITUTION_KINDS.map((k) => ({ value: k, label: t(`in.kind.${k}` as MessageKey) }))}
        />
        <TextField label={t("in.name")} value={name} onChange={setName} />
        <TextField label={t("in.decreeNumber")} optional value={decreeNumber} onChange={setDecreeNumber} />
        <TextField
          label={t("in.decreeDate")}
          type="date"
          optional
          value={decreeDate}
          onChange={setDecreeDate}
        />
      </div>
      <button type="submit" className="button button--secondary" disabled={action.busy}>
        {t("in.save")}
      </button>
    </form>
  );
}

function KpmForm({ code, onSaved }: { code: string; onSaved: () => void }) {
  const { t } = useI18n();
  const action = usePlanningAction();
  const [name, setName] = useState("");
  const [resident, setResident] = useState(true);
  const [years, setYears] = useState("");
  const [language, setLanguage] = useState(true);
  const [education, setEducation] = useState<(typeof KPM_EDUCATION_LEVELS)[number]>("slta");
  const [office, setOffice] = useState(false);
  const [chosenOn, setChosenOn] = useState("");
  const [decreeNumber, setDecreeNumber] = useState("");
  const [decreeDate, setDecreeDate] = useState("");
  return (
    <form
      className="pl-form stack"
      onSubmit={async (e) => {
        e.preventDefault();
        const r = await action.run(
          () =>
            api.call(planningApi.registerKpm, {
              body: {
                regionCode: code,
                name,
                resident,
                cadreYears: Number(years.replace(",", ".")),
                speaksLocalLanguage: language,
                education,
                canUseOffice: office,
                chosenOn: chosenOn || null,
                decreeNumber: decreeNumber || null,
                decreeDate: decreeDate || null,
              },
            }),
          t("pl.saved"),
          (m) => t("pl.error", { message: m }),
        );
        if (r) onSaved();
      }}
    >
      <h3>{t("in.kpm.add")}</h3>
      <p className="hint">{KPM_CRITERIA.map((c) => c.source).join("; ")}</p>
      {action.outcome && <Notice tone={action.outcome.tone}>{action.outcome.text}</Notice>}
      <TextField label={t("in.kpm.name")} value={name} onChange={setName} />
      <CheckField label={t("in.kpm.resident")} checked={resident} onChange={setResident} />
      <TextField label={t("in.kpm.cadreYears")} inputMode="decimal" value={years} onChange={setYears} />
      <CheckField label={t("in.kpm.language")} checked={language} onChange={setLanguage} />
      <SelectField
        label={t("in.kpm.education")}
        value={education}
        onChange={(v) => setEducation(v as typeof education)}
        options={KPM_EDUCATION_LEVELS.map((e) => ({ value: e, label: e.toUpperCase() }))}
      />
      <CheckField label={t("in.kpm.office")} checked={office} onChange={setOffice} />
      <div className="pl-grid">
        <TextField
          label={t("in.kpm.chosenOn")}
          type="date"
          optional
          value={chosenOn}
          onChange={setChosenOn}
        />
        <TextField label={t("in.decreeNumber")} optional value={decreeNumber} onChange={setDecreeNumber} />
        <TextField
          label={t("in.decreeDate")}
          type="date"
          optional
          value={decreeDate}
          onChange={setDecreeDate}
        />
      </div>
      <button type="submit" className="button button--primary" disabled={action.busy}>
        {t("in.kpm.save")}
      </button>
    </form>
  );
}

/**
 * The family support teams (TPK, Paser Pasal 13) kept by the families feature: at a desa each team with
 * its member count, linking to the team's page; above a desa the number of teams and members per desa.
 */
function TpkTeams({ code, level, teams }: { code: string; level: string; teams: InstitutionsView["tpk"] }) {
  const { t } = useI18n();
  const perDesa = new Map<string, { name: string; teams: number; members: number }>();
  for (const team of teams) {
    const d = perDesa.get(team.regionCode) ?? { name: team.regionName, teams: 0, members: 0 };
    d.teams += 1;
    d.members += team.members;
    perDesa.set(team.regionCode, d);
  }
  return (
    <section className="stack-sm" aria-labelledby="in-tpk">
      <h2 id="in-tpk">{t("in.tpkTitle")}</h2>
      {teams.length === 0 && <p className="muted">{t("in.tpkNone")}</p>}
      {level === "desa" ? (
        <ul className="plain-list stack-sm">
          {teams.map((team) => (
            <li key={team.id} className="proposal">
              <Link className="proposal__title" to={pathFor("tpkTeam", { id: team.id })}>
                {team.name}
              </Link>
              <span className="step__meta">{t("in.tpkMembers", { count: team.members })}</span>
            </li>
          ))}
        </ul>
      ) : (
        <ul className="plain-list stack-sm">
          {[...perDesa].map(([desa, d]) => (
            <li key={desa} className="proposal">
              <Link className="proposal__title" to={pathFor("tpkList", { code: desa })}>
                {d.name}
              </Link>
              <span className="step__meta">
                {t("in.tpkTeams", { count: d.teams })} · {t("in.tpkMembers", { count: d.members })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <Link to={pathFor("tpkList", { code })}>{t("in.tpkOpen")}</Link>
    </section>
  );
}
