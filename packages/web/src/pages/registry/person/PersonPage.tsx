// /anak/:id — one person of the registry: alerts, profile, household, growth chart, measurements and
// the measurement form for a child; pregnancies for a woman.
import { type PersonView, personsApi } from "@tumbuh/core";
import { useState } from "react";
import { api } from "../../../api";
import { useI18n } from "../../../i18n/I18nProvider";
import { takeFlash } from "../../../kit/flash";
import { formatAge, formatDate, todayIso } from "../../../kit/format";
import { BackLink, BadgeList, LoadGate, Notice, useDocumentTitle } from "../../../kit/ui";
import { type Loaded, useLoad } from "../../../kit/useLoad";
import { Link } from "../../../router/navigation";
import { registryPath, tikaChildPath } from "../../../router/routes";
import { alertBadges } from "../categories";
import { LeaveForm } from "../forms/LeaveForm";
import { UndoLeaveForm } from "../forms/UndoLeaveForm";
import { nikWarningText } from "../nikWarnings";
import { GrowthSection } from "./GrowthSection";
import { HouseholdCard } from "./HouseholdCard";
import { MeasurementHistory } from "./MeasurementHistory";
import { MeasurementPanel } from "./MeasurementPanel";
import { Pregnancies } from "./Pregnancies";
import { ProfileCard } from "./ProfileCard";
import "../../../kit/kit.css";
import "../registry.css";
import { useMe } from "../../../session/SessionProvider";
import { canWriteIn } from "../../regionLinks";

/** Children are measured up to 5 years (WHO 2006); older persons with measurements keep their history. */
const CHILD_MAX_MONTHS = 60;
/** Pregnancies are recorded for girls and women from 10 years (remaja putri, WUS). */
const PREGNANCY_MIN_MONTHS = 120;

export default function PersonPage({ id }: { id: string }) {
  const loaded = useLoad<PersonView>(
    `person:${id}`,
    (s) => api.call(personsApi.view, { params: { id } }, { signal: s }),
    { cacheKey: `person:${id}` },
  );
  const [flash] = useState(() => takeFlash(id));
  return (
    <LoadGate loaded={loaded}>
      {(view) => <PersonDetails view={view} loaded={loaded} flashWarnings={flash?.warnings ?? null} />}
    </LoadGate>
  );
}

function PersonDetails({
  view,
  loaded,
  flashWarnings,
}: {
  view: PersonView;
  loaded: Loaded<PersonView>;
  flashWarnings: string[] | null;
}) {
  const { t, locale } = useI18n();
  const me = useMe();
  const { person } = view;
  const today = todayIso();
  const [chartVersion, setChartVersion] = useState(0);
  useDocumentTitle(person.name);

  const writer = canWriteIn(me.assignments, person.regionCode);
  const isChild = person.ageMonths < CHILD_MAX_MONTHS || view.measurements.length > 0;
  const canBePregnant = person.sex === 2 && person.ageMonths >= PREGNANCY_MIN_MONTHS;
  const alerts = alertBadges(view.alerts, locale);
  const leftMark = person.leftOn
    ? t(person.leftReason === "died" ? "leave.markedDied" : "leave.markedMoved", {
        date: formatDate(person.leftOn, locale),
      })
    : "";

  return (
    <div className="stack-lg person-page">
      <div className="stack-sm">
        <BackLink to={registryPath(person.regionCode)}>{t("lists.title")}</BackLink>
        <p className="eyebrow">{t(`sex.${person.sex}`)}</p>
        <h1>{person.name}</h1>
        <p className="muted">
          {formatAge(person.birthDate, today, locale)} ·{" "}
          {t("person.born", { date: formatDate(person.birthDate, locale) })}
        </p>
        {person.leftOn && (
          <Notice tone="warn">
            <span data-testid="person-left">{leftMark}</span>
          </Notice>
        )}
        {/* A mark made by mistake is undone where it shows, by whoever may mark (issue 17). */}
        {person.leftOn && writer && (
          <UndoLeaveForm
            mark={leftMark}
            save={async (reason) => {
              await api.call(personsApi.undoLeave, { params: { id: person.id }, body: { reason } });
            }}
            onDone={loaded.reload}
          />
        )}
      </div>

      {flashWarnings &&
        (flashWarnings.length > 0 ? (
          <Notice tone="warn">
            <p>{t("person.savedWithWarnings")}</p>
            <ul className="plain-list">
              {flashWarnings.map((w) => (
                <li key={w}>{nikWarningText(w, locale)}</li>
              ))}
            </ul>
          </Notice>
        ) : (
          <Notice tone="ok">{t("person.saved")}</Notice>
        ))}

      {alerts.length > 0 && (
        <section className="stack-sm" aria-labelledby="person-alerts">
          <h2 id="person-alerts" className="sr-only">
            {t("person.alerts")}
          </h2>
          <BadgeList badges={alerts} large />
        </section>
      )}

      {isChild && (
        <>
          {writer && (
            <MeasurementPanel
              view={view}
              onSaved={() => {
                loaded.reload();
                setChartVersion((n) => n + 1);
              }}
            />
          )}
          {/* Tika pertumbuhan is for children 0–23 months (PALI 64/2021 Pasal 40 ayat (2) c–f). */}
          {person.ageMonths < 24 && (
            <Link to={tikaChildPath(person.id)} className="link-card" data-testid="tika-link">
              <span className="link-card__body">
                <span className="link-card__title">{t("svc.tikaChild")}</span>
                <span className="link-card__meta">{t("svc.tikaChildHint")}</span>
              </span>
            </Link>
          )}
          <GrowthSection personId={person.id} version={chartVersion} count={view.measurements.length} />
          <MeasurementHistory measurements={view.measurements} />
        </>
      )}

      {canBePregnant && <Pregnancies view={view} onChanged={loaded.reload} />}

      <ProfileCard view={view} onChanged={loaded.reload} />
      <HouseholdCard household={view.household} regionCode={person.regionCode} />
      {writer && !person.leftOn && (
        <LeaveForm
          personId={person.id}
          birthDate={person.birthDate}
          save={async ({ personId: _id, ...body }) => {
            await api.call(personsApi.leave, { params: { id: person.id }, body });
          }}
          onDone={loaded.reload}
        />
      )}
    </div>
  );
}
