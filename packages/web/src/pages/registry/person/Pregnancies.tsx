import {
  daysBetween,
  type PersonView,
  PREGNANCY_OUTCOMES,
  type PregnancyView,
  type ServiceRecordView,
  servicesApi,
} from "@tumbuh/core";

import { useId, useState } from "react";
import { api } from "../../../api";
import { useI18n } from "../../../i18n/I18nProvider";
import { formatDate, formatNumber } from "../../../kit/format";
import { type Badge, BadgeList, Notice } from "../../../kit/ui";
import { useLoad } from "../../../kit/useLoad";
import { Link } from "../../../router/navigation";
import { registerPath } from "../../../router/routes";
import { useMe } from "../../../session/SessionProvider";
import { canWrite } from "../../regionLinks";
import { useWriterAt } from "../useWriter";
import { PregnancyEndForm } from "./PregnancyEndForm";
import { PregnancyForm } from "./PregnancyForm";
import { PregnancyVisits, visitsOf } from "./PregnancyVisits";

type PregnancyOutcome = (typeof PREGNANCY_OUTCOMES)[number];

/** A child born within two weeks of the end of the pregnancy is taken to be its baby. */
function babyRegistered(p: PregnancyView, children: PersonView["children"]): boolean {
  const ended = p.endedOn;
  return ended !== null && children.some((c) => Math.abs(daysBetween(c.birthDate, ended)) <= 14);
}

/** A woman's pregnancies, newest first, with "Tambah kehamilan" and "Catat persalinan/akhir kehamilan". */
export function Pregnancies({ view, onChanged }: { view: PersonView; onChanged: () => void }) {
  const { t } = useI18n();
  const writer = useWriterAt(view.person.regionCode);
  const headingId = useId();
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<"preg.saved" | "preg.endSaved" | null>(null);
  const list = [...view.pregnancies].sort((a, b) => b.lmpDate.localeCompare(a.lmpDate));
  const hasActive = list.some((p) => p.active);
  const me = useMe();
  const records = useLoad<ServiceRecordView[]>(
    `service-records:${view.person.id}`,
    (signal) => api.call(servicesApi.ofPerson, { params: { id: view.person.id } }, { signal }),
    { cacheKey: `service-records:${view.person.id}` },
  );
  const allRecords = records.state.status === "ready" ? records.state.data : [];
  const canRecord = me.assignments.some((a) => canWrite(a.role));

  return (
    <section className="stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("preg.title")}</h2>
      {notice && <Notice tone="ok">{t(notice)}</Notice>}
      {list.length === 0 && !adding && <p className="muted">{t("preg.none")}</p>}
      {list.map((p) => (
        <PregnancyCard
          key={p.id}
          pregnancy={p}
          person={view.person}
          kids={view.children}
          visits={visitsOf(allRecords, p)}
          canRecord={canRecord && p.active}
          onEnded={() => {
            setNotice("preg.endSaved");
            onChanged();
          }}
        />
      ))}
      {adding ? (
        <div className="card stack">
          <h3>{t("preg.add")}</h3>
          <PregnancyForm
            personId={view.person.id}
            onCancel={() => setAdding(false)}
            onSaved={() => {
              setAdding(false);
              setNotice("preg.saved");
              onChanged();
            }}
          />
        </div>
      ) : (
        !hasActive &&
        writer && (
          <button
            type="button"
            className="button button--secondary button--block"
            onClick={() => setAdding(true)}
          >
            + {t("preg.add")}
          </button>
        )
      )}
    </section>
  );
}

function PregnancyCard({
  pregnancy: p,
  person,
  kids,
  visits,
  canRecord,
  onEnded,
}: {
  pregnancy: PregnancyView;
  person: PersonView["person"];
  /** The woman's registered children (to tell whether the baby is registered already). */
  kids: PersonView["children"];
  /** This pregnancy's ANC, TTD and post-partum records, newest first. */
  visits: readonly ServiceRecordView[];
  canRecord: boolean;
  onEnded: () => void;
}) {
  const { t, locale } = useI18n();
  const writer = useWriterAt(person.regionCode);
  const [ending, setEnding] = useState(false);
  const outcomeLabel = (o: string | null) =>
    o && (PREGNANCY_OUTCOMES as readonly string[]).includes(o)
      ? t(`outcome.${o as PregnancyOutcome}`)
      : (o ?? "—");
  const badges: Badge[] = [];
  if (p.active) badges.push({ label: t("preg.active"), tone: "info" });
  if (p.highRisk) badges.push({ label: t("preg.highRisk"), tone: "danger" });
  if (p.kek) badges.push({ label: t("preg.kek"), tone: "warn" });
  if (p.anaemia) badges.push({ label: t("preg.anaemia"), tone: "warn" });

  return (
    <article className={`card stack-sm pregnancy${p.active ? " pregnancy--active" : ""}`}>
      <BadgeList badges={badges} />
      <p>
        <strong>{t("preg.gravidaValue", { n: p.gravida })}</strong>
      </p>
      <p>{t("preg.summary", { lmp: formatDate(p.lmpDate, locale), edd: formatDate(p.eddDate, locale) })}</p>
      {(p.muacCm !== null || p.hbGdl !== null) && (
        <p className="muted">
          {t("preg.measures", {
            muac: formatNumber(p.muacCm, locale, 1),
            hb: formatNumber(p.hbGdl, locale, 1),
          })}
        </p>
      )}
      {p.highRiskNote && <p className="muted">{p.highRiskNote}</p>}
      {p.endedOn && (
        <p>
          {t("preg.ended", {
            date: formatDate(p.endedOn, locale),
            outcome: outcomeLabel(p.outcome),
          })}
        </p>
      )}
      <PregnancyVisits personId={person.id} visits={visits} canRecord={canRecord} />
      {writer && p.outcome === "lahir_hidup" && !babyRegistered(p, kids) && (
        <Link
          to={`${registerPath(person.regionCode)}?ibu=${encodeURIComponent(person.id)}`}
          className="button button--secondary button--block"
        >
          {t("preg.registerBaby")}
        </Link>
      )}
      {writer &&
        p.active &&
        (ending ? (
          <PregnancyEndForm
            pregnancy={p}
            onCancel={() => setEnding(false)}
            onSaved={() => {
              setEnding(false);
              onEnded();
            }}
          />
        ) : (
          <button
            type="button"
            className="button button--primary button--block"
            onClick={() => setEnding(true)}
          >
            {t("preg.end")}
          </button>
        ))}
    </article>
  );
}
