import { householdsApi, personsApi, regionsApi } from "@tumbuh/core";
// /wilayah/:code/daftar — register a household, a person (child or adult) or a pregnancy.
// ?jenis=ruta|orang|hamil picks the form; ?ibu=ID preselects the mother (from "Daftarkan bayinya"),
// ?ruta=ID the household (from "Tambah anggota rumah tangga").

import type { HouseholdView, PersonSummary } from "@tumbuh/core";
import { useState } from "react";
import { api, type RegionView } from "../../../api";
import { useI18n } from "../../../i18n/I18nProvider";
import type { MessageKey } from "../../../i18n/messages";
import { setFlash } from "../../../kit/flash";
import { placeTitle } from "../../../kit/format";
import { BackLink, LoadGate, Notice, useDocumentTitle } from "../../../kit/ui";
import { useLoad } from "../../../kit/useLoad";
import { regionKey } from "../../../offline/cache";
import { navigate, replaceSearchParams, useSearchParam } from "../../../router/navigation";
import { personPath, regionPath } from "../../../router/routes";
import { useMe } from "../../../session/SessionProvider";
import { canWriteIn } from "../../regionLinks";
import { HouseholdForm } from "./HouseholdForm";
import { PersonForm } from "./PersonForm";
import { PregnancyRegister } from "./PregnancyRegister";
import "../../../kit/kit.css";
import "../registry.css";

const TABS = [
  { param: "orang", label: "register.tab.person" },
  { param: "ruta", label: "register.tab.household" },
  { param: "hamil", label: "register.tab.pregnancy" },
] as const satisfies readonly { param: string; label: MessageKey }[];
type Tab = (typeof TABS)[number]["param"];

interface Prefill {
  mother: PersonSummary | null;
  household: HouseholdView | null;
}

export default function RegisterPage({ code }: { code: string }) {
  const motherId = useSearchParam("ibu");
  const householdId = useSearchParam("ruta");
  const loaded = useLoad<{ view: RegionView; prefill: Prefill }>(
    `register:${code}:${motherId}:${householdId}`,
    async (signal) => {
      const [view, mother, household] = await Promise.all([
        api.call(regionsApi.view, { params: { code } }, { signal }),
        motherId
          ? api.call(personsApi.view, { params: { id: motherId } }, { signal }).then((v) => v.person)
          : null,
        householdId
          ? api.call(householdsApi.view, { params: { id: householdId } }, { signal }).then((h) => h.household)
          : null,
      ]);
      return { view, prefill: { mother, household } };
    },
    { cacheKey: motherId || householdId ? undefined : regionKey(code) },
  );
  return (
    <LoadGate loaded={loaded}>{({ view, prefill }) => <Register view={view} prefill={prefill} />}</LoadGate>
  );
}

function Register({ view, prefill }: { view: RegionView; prefill: Prefill }) {
  const { t } = useI18n();
  useDocumentTitle(`${t("register.title")} · ${view.region.name}`);
  const me = useMe();
  // A read-only user reaching this address gets no form (the server would refuse it anyway).
  if (!canWriteIn(me.assignments, view.region.code)) {
    return (
      <div className="stack-lg">
        <BackLink to={regionPath(view.region.code)}>{t("reg.back", { name: view.region.name })}</BackLink>
        <h1>{t("register.title")}</h1>
        <p className="alert alert--info" data-testid="read-only">
          {t("register.readOnly")}
        </p>
      </div>
    );
  }
  return <RegisterForms view={view} prefill={prefill} />;
}

function RegisterForms({ view, prefill }: { view: RegionView; prefill: Prefill }) {
  const { t } = useI18n();
  const param = useSearchParam("jenis");
  const tab: Tab = TABS.some((x) => x.param === param) ? (param as Tab) : "orang";
  const [households, setHouseholds] = useState<HouseholdView[]>(prefill.household ? [prefill.household] : []);
  const [justSaved, setJustSaved] = useState<HouseholdView | null>(null);

  return (
    <div className="stack-lg">
      <div className="stack-sm">
        <BackLink to={regionPath(view.region.code)}>{t("reg.back", { name: view.region.name })}</BackLink>
        <h1>{t("register.title")}</h1>
        <p className="muted">{placeTitle(t(`kind.${view.region.kind}`), view.region.name)}</p>
      </div>
      <fieldset className="segmented">
        <legend className="sr-only">{t("register.title")}</legend>
        {TABS.map((x) => (
          <button
            key={x.param}
            type="button"
            aria-pressed={x.param === tab}
            onClick={() => replaceSearchParams({ jenis: x.param === "orang" ? null : x.param })}
          >
            {t(x.label)}
          </button>
        ))}
      </fieldset>

      {tab === "ruta" && (
        <HouseholdForm
          view={view}
          onSaved={(h) => {
            setHouseholds((list) => [h, ...list]);
            setJustSaved(h);
            replaceSearchParams({ jenis: null });
          }}
        />
      )}
      {tab === "orang" && (
        <div className="stack">
          {justSaved && <Notice tone="ok">{t("hh.saved")}</Notice>}
          <PersonForm
            key={justSaved?.id ?? "person"}
            view={view}
            households={households}
            initialMother={prefill.mother}
            initialHouseholdId={justSaved?.id ?? prefill.household?.id ?? null}
            onSaved={(person, warnings) => {
              setFlash(person.id, { warnings });
              navigate(personPath(person.id));
            }}
          />
        </div>
      )}
      {tab === "hamil" && (
        <PregnancyRegister
          view={view}
          initialWoman={prefill.mother}
          onSaved={(woman) => {
            setFlash(woman.id, { warnings: [] });
            navigate(personPath(woman.id));
          }}
        />
      )}
    </div>
  );
}
