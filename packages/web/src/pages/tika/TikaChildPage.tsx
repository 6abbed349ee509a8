// /tika/anak/:id — a child's growth-mat results for the KPM: the result used (the latest reading, else the
// colour of the latest length, and which one it is), the mat's marks for the child's age today, and the
// form to record a reading (offline through the outbox). Opened from the child's page.
import { type ChildTikaView, personsApi, tikaApi } from "@tumbuh/core";
import { api, type PersonRecord } from "../../api";
import { useI18n } from "../../i18n/I18nProvider";
import { formatDate, formatNumber, formatZ } from "../../kit/format";
import { SyncStatusBar } from "../../kit/sync/SyncStatusBar";
import { useReloadWhenSent } from "../../kit/sync/useReloadWhenSent";
import { useLive, useSyncEngine } from "../../kit/sync/useSync";
import { BackLink, LoadGate, useDocumentTitle } from "../../kit/ui";
import { useLoad } from "../../kit/useLoad";
import { personPath } from "../../router/routes";
import { unconfirmed } from "../../sync/appends";
import { TikaReadingForm } from "./TikaReadingForm";
import "../../kit/kit.css";
import "./tika.css";

export default function TikaChildPage({ id }: { id: string }) {
  const person = useLoad(
    `person:${id}`,
    (s) => api.call(personsApi.view, { params: { id } }, { signal: s }),
    { cacheKey: `person:${id}` },
  );
  return <LoadGate loaded={person}>{(v) => <TikaChild person={v.person} />}</LoadGate>;
}

function TikaChild({ person }: { person: PersonRecord }) {
  const { t } = useI18n();
  useDocumentTitle(`${t("tika.title")} · ${person.name}`);
  const engine = useSyncEngine();
  const tika = useLoad<ChildTikaView>(
    `tika:${person.id}`,
    (s) => api.call(tikaApi.child, { params: { id: person.id } }, { signal: s }),
    { cacheKey: `tika:${person.id}` },
  );
  const unsent = useLive(
    () => unconfirmed(engine, "tika_reading", (v: { personId?: string }) => v.personId === person.id),
    `${engine.userId}|${person.id}`,
  );
  // Once the phone's readings are accepted, the server's counts have them: load the result again.
  useReloadWhenSent(unsent?.length ?? 0, tika.reload);
  return (
    <div className="stack-lg">
      <SyncStatusBar engine={engine} />
      <div className="stack-sm">
        <BackLink to={personPath(person.id)}>{t("reg.back", { name: person.name })}</BackLink>
        <h1>{t("tika.title")}</h1>
        <p className="muted">{person.name}</p>
      </div>
      <LoadGate loaded={tika}>{(v) => <TikaResultCard view={v} />}</LoadGate>
      {person.birthDate && (
        <TikaReadingForm
          child={{ id: person.id, regionCode: person.regionCode, birthDate: person.birthDate }}
        />
      )}
    </div>
  );
}

function TikaResultCard({ view }: { view: ChildTikaView }) {
  const { t, locale } = useI18n();
  const cm = (x: number) => formatNumber(x, locale, 1);
  const shown = view.shown;
  return (
    <section className="card stack-sm" data-testid="tika-result" aria-labelledby="tika-shown">
      <h2 id="tika-shown">{t("tika.shown")}</h2>
      {shown ? (
        <>
          <p>
            <span className={`tika-dot tika-dot--${shown.band}`} aria-hidden="true" />
            <strong>{t(`tika.band.${shown.band}`)}</strong>
          </p>
          <p className="muted">
            {shown.source === "reading"
              ? t("tika.shownReading", { date: formatDate(shown.on, locale) })
              : t("tika.shownLength", {
                  length: cm(shown.lengthCm ?? 0),
                  date: formatDate(shown.on, locale),
                  z: formatZ(shown.zlen, locale),
                })}
          </p>
          {shown.source === "reading" && view.fromLength && (
            <p className="muted">
              {t("tika.fromLength", {
                length: cm(view.fromLength.lengthCm ?? 0),
                date: formatDate(view.fromLength.on, locale),
                band: t(`tika.short.${view.fromLength.band}`),
              })}
            </p>
          )}
        </>
      ) : (
        <p className="muted">{t("tika.none")}</p>
      )}
      {view.eligible && view.marks ? (
        <p className="tika-note">
          {t("tika.marks", { red: cm(view.marks.redBelowCm), yellow: cm(view.marks.yellowBelowCm) })}
        </p>
      ) : (
        !view.eligible && <p className="alert alert--info">{t("tika.notEligible")}</p>
      )}
      <p className="muted tika-note">
        {t("tika.rule", { source: view.rule.source })} {!view.rule.confirmed && t("tika.unconfirmed")}
      </p>
    </section>
  );
}
